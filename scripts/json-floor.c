/*
 * json-floor — the floor the benchmarks measure cskit against: read JSON
 * Lines in large blocks, parse every line with cJSON, count the objects,
 * free them.  Nothing else: no UTF-8 check, no field lookup, no diagnostics
 * past the count of lines that did not parse.
 *
 * With -w it also writes every object back with our JSON writer into one
 * output buffer flushed in large blocks: the floor of a filter, which must
 * parse, serialize and write each event.  The count goes to stderr then,
 * so stdout carries only the JSON Lines.
 *
 *   json-floor [-w] [file ...]
 */
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cjson/cJSON.h>

#include "buf.h"
#include "diag.h"
#include "json.h"
#include "out.h"

#define READ_BLOCK	(1u << 20)

struct floor {
	struct out	*out;		/* NULL unless -w */
	struct buf	 line;		/* one serialized event, reused */
	unsigned long	 objects, bad;
};

static void
usage(FILE *fp)
{
	fprintf(fp,
"usage: json-floor [-w] [file ...]\n"
"Parse every line of JSON Lines with cJSON and count the objects: the\n"
"floor of the cskit benchmarks.\n\n"
"  -w, --write   also write every object back (the floor of a filter)\n"
"  -h, --help    this text\n");
}

static void
one_line(struct floor *f, const char *p, size_t n)
{
	cJSON *obj;

	if (n == 0)
		return;
	obj = cJSON_ParseWithLength(p, n);
	if (obj == NULL) {
		f->bad++;
		return;
	}
	f->objects += cJSON_IsObject(obj);
	if (f->out != NULL) {
		buf_reset(&f->line);
		json_write(&f->line, obj);
		buf_addc(&f->line, '\n');
		out_write(f->out, f->line.data, f->line.len);
	}
	cJSON_Delete(obj);
}

/* Every complete line of one descriptor; the block grows for a long line. */
static void
one_file(struct floor *f, const struct diag *d, int fd, const char *name)
{
	size_t cap = READ_BLOCK, len = 0;
	char *buf = xmalloc(cap);
	ssize_t r;

	for (;;) {
		if (len == cap)
			buf = xrealloc(buf, cap *= 2);
		r = read(fd, buf + len, cap - len);
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0)
			diag_fatal(d, CS_EXIT_IOERR, "read error: %s: %s", name,
			    strerror(errno));
		if (r == 0)
			break;
		len += (size_t)r;
		char *s = buf, *end = buf + len, *nl;
		while ((nl = memchr(s, '\n', (size_t)(end - s))) != NULL) {
			one_line(f, s, (size_t)(nl - s));
			s = nl + 1;
		}
		len = (size_t)(end - s);
		memmove(buf, s, len);
	}
	one_line(f, buf, len);
	free(buf);
}

int
main(int argc, char *argv[])
{
	static const struct option longopts[] = {
		{ "write", no_argument, NULL, 'w' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	struct diag diag;
	struct out out;
	struct floor f = { NULL, BUF_INIT, 0, 0 };
	int c, write_back = 0;

	diag_init(&diag, "json-floor");
	while ((c = getopt_long(argc, argv, "wh", longopts, NULL)) != -1) {
		switch (c) {
		case 'w':
			write_back = 1;
			break;
		case 'h':
			usage(stdout);
			return CS_EXIT_OK;
		default:
			usage(stderr);
			return CS_EXIT_USAGE;
		}
	}
	argc -= optind;
	argv += optind;

	if (write_back) {
		out_open(&out, STDOUT_FILENO, &diag);
		f.out = &out;
	}
	if (argc == 0)
		one_file(&f, &diag, STDIN_FILENO, "<stdin>");
	for (int i = 0; i < argc; i++) {
		int fd = strcmp(argv[i], "-") == 0 ? STDIN_FILENO :
		    open(argv[i], O_RDONLY | O_CLOEXEC);
		if (fd < 0)
			diag_fatal(&diag, CS_EXIT_NOINPUT, "cannot open %s: %s",
			    argv[i], strerror(errno));
		one_file(&f, &diag, fd, argv[i]);
		if (fd != STDIN_FILENO)
			close(fd);
	}
	if (write_back)
		out_close(&out);
	fprintf(write_back ? stderr : stdout, "%lu objects, %lu unparsed\n",
	    f.objects, f.bad);
	buf_free(&f.line);
	return f.bad ? CS_EXIT_DATAERR : CS_EXIT_OK;
}
