/*
 * unit — what every cmocka unit test includes (cmocka needs these first).
 */
#ifndef CSKIT_UNIT_H
#define CSKIT_UNIT_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#endif
