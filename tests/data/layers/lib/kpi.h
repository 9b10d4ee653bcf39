#include "filter.h"
#include "buf.h"
