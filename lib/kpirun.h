/*
 * kpirun — a KPI report's open state from its inputs: events read on one
 * thread or several (cs-kpi -j), or the partial states of runs over parts
 * of an input (--merge); and that state written out as partial state
 * (-o partial).  cs-kpi(1), PARTS AND THREADS, is what a user sees.
 *
 * Owns nothing past a call: each returns a report (struct kpi, before
 * kpi_finish) that the caller owns, or NULL when the report would be wrong
 * (past --max-conversations: said on stderr, exit status 65).
 *
 * Threads.  With jobs > 1 each regular JSON Lines file of 1 MiB or more is
 * cut at line boundaries into pieces of about equal size (other operands,
 * CSV and TSV, and standard input are one piece each); each thread reads a
 * piece at a time into a report of its own, and the reports are absorbed
 * (kpi_absorb) in the order of the input into the first.  A thread's
 * diagnostics are kept and told afterwards in the order of the input, each
 * line numbered as in the whole file, so that standard error and the exit
 * status are those of one thread, --strict included.
 *
 * Merging.  Partial state is JSON lines: a header line that says which
 * part it is and the options the run was made with, then the state
 * (kpi_partial_write).  A stream may hold several parts one after another.
 * Each part is read into a report of its own; the parts are then absorbed
 * in the order of their `part` numbers (--part; a part without one counts
 * as its place among the streams), whatever order they came in.  A part
 * made with other grouping or period options than the merge is an error.
 */
#ifndef CSKIT_KPIRUN_H
#define CSKIT_KPIRUN_H

#include "cli.h"
#include "kpi.h"

struct kpirun {
	const struct kpi_opts	*opts;
	struct cli_common	*cli;
	struct diag		*diag;
	int			 jobs;		/* threads; 1 reads in this one */
	/*
	 * The options a part must share with the merge that completes it,
	 * as a JSON object whose keys are the options' long names without
	 * dashes ("group", "by", "since"...): written in the header of
	 * partial state and compared member by member when merging.
	 */
	const char		*settings;
};

/* The state of a report over the events of files (none: stdin).  *status
 * gets 0, 65 (bad lines) or 66 (an operand could not be opened). */
struct kpi *kpirun_events(const struct kpirun *, char *const *files,
	    int nfiles, int *status);
/* The state of a report over the partial states in files. */
struct kpi *kpirun_merge(const struct kpirun *, char *const *files,
	    int nfiles, int *status);
/* kpi_finish, its steps on run->jobs threads: the number of rows. */
size_t	kpirun_finish(const struct kpirun *, struct kpi *);
/* Write k as partial state to stdout (k is spent); part is a JSON number,
 * or NULL when the run was given none. */
void	kpirun_write_partial(const struct kpirun *, struct kpi *k,
	    const char *part);

/*
 * The events of files for a shuffle by key (Hadoop Streaming, Spark):
 * KEY TAB PLACE TAB EVENT a line, where KEY is the conversation's id as a
 * JSON string (an order's customer's; "" for neither), PLACE the part's
 * number and the line's, fixed width, so that `sort -k1,1` brings each
 * conversation together in its input order, and EVENT the line as it
 * came (an `_error` event for a line that is none).  Returns the status.
 */
int	kpirun_keyed(const struct kpirun *, char *const *files, int nfiles,
	    const char *part);

/* The JSON object of the options a part must share (see settings): the
 * caller's values, written in one place for writing and comparing. */
struct kpirun_settings {
	const char *const	*group;
	int			 ngroup;
	const char		*by, *tz;
	cs_time			 since, until, now;
	int			 bots_respond;
};
char	*kpirun_settings_json(const struct kpirun_settings *);

#endif
