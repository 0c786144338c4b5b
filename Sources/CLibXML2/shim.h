// Debian builds libxml2 with ICU, and its encoding.h then includes ICU's headers, which clash with
// the ICU that Foundation carries. Nothing here uses the ICU parts (only the text reader, through
// opaque pointers), so the ICU block is switched off before the headers that would include it.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/xmlreader.h>
