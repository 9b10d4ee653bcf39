/*
 * diag — diagnostics and exit status, the conventions of doc/design.md.
 *
 * Owns: the per-run record of what went wrong (bad-line count, whether
 * --strict is on) and the program name used as the prefix of every message.
 * A struct diag lives in main and is passed down; nothing here is global.
 *
 * Messages go to stderr as `PROG: FILE:LINE: what` for input problems and
 * `PROG: what` otherwise.  Exit codes are the sysexits values doc/design.md
 * names; diag_exit_status() turns the run's record into the final status.
 */
#ifndef CSKIT_DIAG_H
#define CSKIT_DIAG_H

#include <stdarg.h>
#include <stdnoreturn.h>

enum cs_exit {
	CS_EXIT_OK = 0,
	CS_EXIT_CHECK = 1,	/* a --check threshold failed */
	CS_EXIT_USAGE = 64,
	CS_EXIT_DATAERR = 65,	/* input had bad lines */
	CS_EXIT_NOINPUT = 66,
	CS_EXIT_SOFTWARE = 70,
	CS_EXIT_IOERR = 74
};

enum diag_kind { DIAG_BAD_LINE, DIAG_WARN_LINE, DIAG_WARN };

struct diag {
	const char	*prog;
	int		 strict;	/* first bad line is fatal */
	unsigned long	 bad_lines;
	/* Called before --strict ends the run, so that output already
	 * accepted (the good lines before the bad one) is not lost in a
	 * buffer.  Set by whoever owns the output. */
	void		(*before_strict_exit)(void *);
	void		*before_strict_exit_ctx;
	/* When set, bad lines and warnings go here instead of stderr, and
	 * --strict stops nothing (a thread reading part of the input: its
	 * caller prints them in the input's order, diag_replay); fatal and
	 * usage errors still print and exit. */
	void		(*sink)(void *ctx, enum diag_kind, const char *file,
			    long line, const char *msg);
	void		*sink_ctx;
};

void	diag_init(struct diag *, const char *prog);

/*
 * A bad input record: prints `PROG: FILE:LINE: msg`, counts it, and under
 * --strict exits 65 at once.
 */
void	diag_bad_line(struct diag *, const char *file, long line,
	    const char *fmt, ...) __attribute__((format(printf, 4, 5)));
/* A warning about input that is kept as it is (not counted as bad). */
void	diag_warn_line(const struct diag *, const char *file, long line,
	    const char *fmt, ...) __attribute__((format(printf, 4, 5)));
void	diag_warn(const struct diag *, const char *fmt, ...)
	    __attribute__((format(printf, 2, 3)));
noreturn void diag_fatal(const struct diag *, int status, const char *fmt, ...)
	    __attribute__((format(printf, 3, 4)));
/* Usage error: message, then "try PROG --help", exit 64. */
noreturn void diag_usage(const struct diag *, const char *fmt, ...)
	    __attribute__((format(printf, 2, 3)));

/* A message a sink took, told again through d as it was first told
 * (file NULL for DIAG_WARN). */
void	diag_replay(struct diag *, enum diag_kind, const char *file,
	    long line, const char *msg);

/* 65 when bad lines were seen, else 0. */
int	diag_exit_status(const struct diag *);

#endif
