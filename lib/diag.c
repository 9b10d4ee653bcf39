#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

#include "diag.h"

void
diag_init(struct diag *d, const char *prog)
{
	d->prog = prog;
	d->strict = 0;
	d->bad_lines = 0;
	d->before_strict_exit = NULL;
	d->before_strict_exit_ctx = NULL;
	d->sink = NULL;
	d->sink_ctx = NULL;
}

/* 1 when a sink took the message. */
static int
sunk(const struct diag *d, enum diag_kind kind, const char *file, long line,
    const char *fmt, va_list ap)
{
	char msg[1024];

	if (d->sink == NULL)
		return 0;
	vsnprintf(msg, sizeof msg, fmt, ap);
	d->sink(d->sink_ctx, kind, file, line, msg);
	return 1;
}

static void
vline(const struct diag *d, const char *file, long line, const char *fmt,
    va_list ap)
{
	/* One fprintf-sized message built first so lines from two tools
	 * sharing a terminal do not interleave mid-message. */
	char msg[1024];

	vsnprintf(msg, sizeof msg, fmt, ap);
	if (file != NULL)
		fprintf(stderr, "%s: %s:%ld: %s\n", d->prog, file, line, msg);
	else
		fprintf(stderr, "%s: %s\n", d->prog, msg);
}

void
diag_bad_line(struct diag *d, const char *file, long line, const char *fmt,
    ...)
{
	va_list ap;
	int took;

	va_start(ap, fmt);
	took = sunk(d, DIAG_BAD_LINE, file, line, fmt, ap);
	va_end(ap);
	if (!took) {
		va_start(ap, fmt);
		vline(d, file, line, fmt, ap);
		va_end(ap);
	}
	d->bad_lines++;
	if (d->strict && !took) {
		if (d->before_strict_exit != NULL)
			d->before_strict_exit(d->before_strict_exit_ctx);
		fprintf(stderr, "%s: stopping at the first bad line (--strict)\n",
		    d->prog);
		exit(CS_EXIT_DATAERR);
	}
}

void
diag_warn_line(const struct diag *d, const char *file, long line,
    const char *fmt, ...)
{
	va_list ap;
	int took;

	va_start(ap, fmt);
	took = sunk(d, DIAG_WARN_LINE, file, line, fmt, ap);
	va_end(ap);
	if (took)
		return;
	va_start(ap, fmt);
	vline(d, file, line, fmt, ap);
	va_end(ap);
}

void
diag_warn(const struct diag *d, const char *fmt, ...)
{
	va_list ap;
	int took;

	va_start(ap, fmt);
	took = sunk(d, DIAG_WARN, NULL, 0, fmt, ap);
	va_end(ap);
	if (took)
		return;
	va_start(ap, fmt);
	vline(d, NULL, 0, fmt, ap);
	va_end(ap);
}

void
diag_replay(struct diag *d, enum diag_kind kind, const char *file, long line,
    const char *msg)
{
	switch (kind) {
	case DIAG_BAD_LINE:
		diag_bad_line(d, file, line, "%s", msg);
		break;
	case DIAG_WARN_LINE:
		diag_warn_line(d, file, line, "%s", msg);
		break;
	case DIAG_WARN:
		diag_warn(d, "%s", msg);
		break;
	}
}

void
diag_fatal(const struct diag *d, int status, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vline(d, NULL, 0, fmt, ap);
	va_end(ap);
	exit(status);
}

void
diag_usage(const struct diag *d, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vline(d, NULL, 0, fmt, ap);
	va_end(ap);
	fprintf(stderr, "Try '%s --help' for more information.\n", d->prog);
	exit(CS_EXIT_USAGE);
}

int
diag_exit_status(const struct diag *d)
{
	return d->bad_lines ? CS_EXIT_DATAERR : CS_EXIT_OK;
}
