/*
 * settings — the settings file a team writes once instead of repeating its
 * zone, hours, holidays, SLA, language and names on every command.
 *
 * Owns: struct settings, the file's path and its entries (keys and values
 * copied), freed by settings_free.
 *
 * The file is $CSKIT_CONFIG, else $XDG_CONFIG_HOME/cskit/config, else
 * ~/.config/cskit/config; a missing file is no error (found is 0).  Lines
 * are `key = value`; `#` starts a comment line; blanks around keys and
 * values are dropped and a value in matching quotes loses them.  A key is
 * the long name of an option (`team-tz = Asia/Shanghai`): a tool takes the
 * entries whose option it has, as if they came first on its command line,
 * unless the command line gives that option itself (cli.h).  A key may
 * repeat (`check = frt_p50<=30m`, one line each).  cskit(7) lists the keys.
 */
#ifndef CSKIT_SETTINGS_H
#define CSKIT_SETTINGS_H

#include <stddef.h>

#include "buf.h"

struct setting {
	char	*key, *value;
	long	 line;
};

struct settings {
	char		*path;		/* the file looked for */
	int		 found;		/* it was there and read */
	struct setting	*e;
	size_t		 n, cap;
};

#define SETTINGS_INIT	{ NULL, 0, NULL, 0, 0 }

/*
 * Read the settings file (path NULL: the one of the environment, as above).
 * 0, or -1 with "FILE:LINE: reason" or "FILE: reason" in err.
 */
int	settings_load(struct settings *, const char *path, struct buf *err);
/* The last value of key, or NULL. */
const char *settings_get(const struct settings *, const char *key);
void	settings_free(struct settings *);

#endif
