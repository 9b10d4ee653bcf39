#include "tz.h"
