#ifndef MENTORMATCH_CLIBCSV_SHIM_H
#define MENTORMATCH_CLIBCSV_SHIM_H
#include <csv.h>
#endif
