/*
 * preset — cs-import's preset files: a helpdesk's export format written
 * in the language of cskit-import(5), read into an import spec.
 *
 * Owns: struct preset, what a preset says about reading the input (its
 * format, CSV delimiter, encoding, time layouts: the strings the reader
 * options and the time parser borrow), freed by preset_free.  The rules go
 * into the caller's struct import_spec.
 *
 * A preset is found by name in the share directory (share.h), as
 * presets/NAME.preset, or read from a path: a name holding a '/' or
 * ending in .preset.
 */
#ifndef CSKIT_PRESET_H
#define CSKIT_PRESET_H

#include "buf.h"
#include "event.h"
#include "import.h"
#include "ts.h"

struct preset {
	char	*name;
	char	*describe;
	char	*path;
	int	 format;		/* enum ev_format, or -1 */
	char	 delimiter;		/* 0: none said */
	char	*encoding;
	char	*time_format[TS_MAX_FORMATS];
	int	 ntime_formats;
};

#define PRESET_INIT	{ NULL, NULL, NULL, -1, 0, NULL, { NULL }, 0 }

enum { PRESET_OK = 0, PRESET_NOT_FOUND = 1, PRESET_BAD = 2 };

/*
 * Read preset `which` into spec (its rules, name and prefix) and ps.
 * PRESET_OK, or PRESET_NOT_FOUND / PRESET_BAD with the message in err
 * ("zendesk.preset:12: unknown directive 'fild'").
 */
int	preset_load(const char *which, struct import_spec *spec,
	    struct preset *ps, struct buf *err);
/*
 * Parse preset text (name and path for messages) into spec and ps:
 * PRESET_OK or PRESET_BAD with err.
 */
int	preset_parse(const char *text, size_t len, const char *path,
	    struct import_spec *spec, struct preset *ps, struct buf *err);
/* What the preset says about input, where the command line said nothing:
 * the format, delimiter and encoding; its time layouts after the user's. */
void	preset_apply_input(const struct preset *, struct ev_reader_opts *,
	    struct ts_parser *);
void	preset_free(struct preset *);

/* The installed presets, one line each ("zendesk  Zendesk tickets..."),
 * sorted by name; -1 when there is no presets directory. */
int	preset_list(struct buf *out);

#endif
