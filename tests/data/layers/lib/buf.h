#include "cs-classify.h"
