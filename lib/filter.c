#include <unistd.h>

#include "filter.h"

int
filter_run(struct cli_common *cli, struct diag *d, char *const *files,
    int nfiles, filter_fn fn, void *ctx)
{
	struct ev_reader *r = ev_open(&cli->in, files, nfiles, d);
	struct ev_writer *w = ev_writer_open(cli->out_format, STDOUT_FILENO, d);
	struct ev_record rec;
	int status;

	while (ev_read(r, &rec) > 0) {
		if (rec.status == EV_OK) {
			const char *why = fn(ctx, rec.obj, &rec);
			if (why == NULL) {
				ev_writer_write(w, rec.obj);
				continue;
			}
			rec.status = EV_BAD;
			rec.why = why;
			diag_bad_line(d, rec.file, rec.line, "%s", why);
		}
		if (rec.status == EV_PASSED) {
			ev_writer_write(w, rec.obj);
			continue;
		}
		cJSON *err = ev_error_object(&rec);
		ev_writer_write(w, err);
		cJSON_Delete(err);
	}
	status = diag_exit_status(d);
	if (ev_open_failed(r))
		status = CS_EXIT_NOINPUT;
	ev_close(r);
	ev_writer_close(w);
	return status;
}
