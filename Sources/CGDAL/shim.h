// GDAL/OGR's C API: vector formats (Shapefile, GeoPackage, GeoJSON, file geodatabase), their
// coordinate reference systems, and the virtual file systems that open a .zip in place.
#include <gdal/gdal.h>
#include <gdal/ogr_api.h>
#include <gdal/ogr_srs_api.h>
#include <gdal/cpl_conv.h>
#include <gdal/cpl_error.h>
#include <gdal/cpl_vsi.h>
#include <gdal/cpl_string.h>
