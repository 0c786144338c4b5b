// PROJ's C API: coordinate reference systems and transformations between them.
#include <proj.h>
