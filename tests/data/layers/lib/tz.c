#include "civil.h"
#include "ts.h"
