/*
 * page-check — load a page in headless Chromium, as a reader's browser
 * would, and say what it shows: the tests' browser (make check) and the
 * README's screenshot (make screenshot).
 *
 *   page-check [-w WIDTH] [-H HEIGHT] [-s SHOT.png] [-f] [-p OUT.pdf]
 *              [-e EXPRESSION]... FILE.html
 *
 * Chromium (Debian's `chromium`) is run headless with a fresh profile and
 * no network of its own, and driven over the DevTools protocol on a pipe
 * (--remote-debugging-pipe: JSON messages ending in NUL on fds 3 and 4),
 * so nothing but Chromium and cJSON is needed.  The page is shown in a
 * window WIDTH (1000) by HEIGHT (800) CSS pixels (a phone's when WIDTH is
 * under 600); each expression is evaluated in it after the load and its
 * value printed on a line of its own (strings as they are, other values as
 * JSON); -s saves a screenshot, of the whole page with -f; -p prints the
 * page as the browser's print would (A4 when the page asks for it).
 *
 * It fails (exit 1) when the page logged an error to the console, threw,
 * or asked for anything but file: and data: addresses (a font, a script,
 * a picture from elsewhere): each is named on standard error.  Exit 2
 * when Chromium could not be run or did not answer within 60 seconds.
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <cjson/cJSON.h>

#include "buf.h"

struct chrome {
	pid_t		 pid;
	int		 to, from;	/* our ends of its fds 3 and 4 */
	struct buf	 in;		/* read, not yet split */
	int		 next_id;
	char		*session;
	int		 loaded;
	int		 errors;
	time_t		 deadline;
	char		 profile[64];
};

static void
die(struct chrome *c, const char *why)
{
	fprintf(stderr, "page-check: %s\n", why);
	if (c != NULL && c->pid > 0)
		kill(c->pid, SIGKILL);
	exit(2);
}

static void
start(struct chrome *c)
{
	int to[2], from[2];
	char dir[96];

	snprintf(c->profile, sizeof c->profile, "/tmp/page-check.XXXXXX");
	if (mkdtemp(c->profile) == NULL)
		die(NULL, "cannot make a profile directory");
	snprintf(dir, sizeof dir, "--user-data-dir=%s", c->profile);
	if (pipe(to) != 0 || pipe(from) != 0)
		die(NULL, "pipe failed");
	c->pid = fork();
	if (c->pid < 0)
		die(NULL, "fork failed");
	if (c->pid == 0) {
		/* Its fd 3 reads our commands, its fd 4 writes its answers. */
		int r = dup(to[0]), w = dup(from[1]);
		close(to[0]); close(to[1]); close(from[0]); close(from[1]);
		if (r < 0 || w < 0 || dup2(r, 3) < 0 || dup2(w, 4) < 0)
			_exit(127);
		close(r);
		close(w);
		int null = open("/dev/null", O_WRONLY);
		if (null >= 0 && getenv("PAGE_CHECK_VERBOSE") == NULL) {
			dup2(null, 1);
			dup2(null, 2);
		}
		execlp("chromium", "chromium", "--headless", "--no-sandbox",
		    "--disable-gpu", "--disable-background-networking",
		    "--disable-component-update", "--disable-sync",
		    "--no-first-run", "--no-default-browser-check",
		    "--disable-extensions", "--hide-scrollbars",
		    "--mute-audio", "--remote-debugging-pipe", dir,
		    "about:blank", (char *)NULL);
		_exit(127);
	}
	close(to[0]);
	close(from[1]);
	c->to = to[1];
	c->from = from[0];
	signal(SIGPIPE, SIG_IGN);
}

static void
stop(struct chrome *c)
{
	char cmd[160];
	int st;

	close(c->to);
	for (int i = 0; i < 50 && waitpid(c->pid, &st, WNOHANG) == 0; i++)
		usleep(100000);
	if (waitpid(c->pid, &st, WNOHANG) == 0) {
		kill(c->pid, SIGKILL);
		waitpid(c->pid, &st, 0);
	}
	close(c->from);
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", c->profile);
	if (system(cmd) != 0)
		fprintf(stderr, "page-check: could not remove %s\n", c->profile);
}

/* Send a command; its id. */
static int
send_cmd(struct chrome *c, const char *method, cJSON *params, int session)
{
	cJSON *m = cJSON_CreateObject();
	int id = ++c->next_id;

	cJSON_AddNumberToObject(m, "id", id);
	cJSON_AddStringToObject(m, "method", method);
	cJSON_AddItemToObject(m, "params", params ? params :
	    cJSON_CreateObject());
	if (session && c->session)
		cJSON_AddStringToObject(m, "sessionId", c->session);
	char *s = cJSON_PrintUnformatted(m);
	size_t len = strlen(s) + 1, off = 0;	/* with its NUL */
	while (off < len) {
		ssize_t n = write(c->to, s + off, len - off);
		if (n < 0 && errno != EINTR)
			die(c, "Chromium closed the pipe");
		if (n > 0)
			off += (size_t)n;
	}
	free(s);
	cJSON_Delete(m);
	return id;
}

static const char *
str(const cJSON *o, const char *name)
{
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, name);

	return cJSON_IsString(v) ? v->valuestring : "";
}

/* What an event says about the page's health and progress. */
static void
event(struct chrome *c, const cJSON *m)
{
	const char *method = str(m, "method");
	const cJSON *p = cJSON_GetObjectItemCaseSensitive(m, "params");

	if (strcmp(method, "Page.loadEventFired") == 0)
		c->loaded = 1;
	else if (strcmp(method, "Runtime.exceptionThrown") == 0) {
		const cJSON *d = cJSON_GetObjectItemCaseSensitive(p,
		    "exceptionDetails");
		fprintf(stderr, "page-check: page threw: %s\n", str(d, "text"));
		c->errors++;
	} else if (strcmp(method, "Runtime.consoleAPICalled") == 0 &&
	    (strcmp(str(p, "type"), "error") == 0 ||
	    strcmp(str(p, "type"), "assert") == 0)) {
		const cJSON *args = cJSON_GetObjectItemCaseSensitive(p, "args");
		const cJSON *a0 = cJSON_GetArrayItem(args, 0);
		fprintf(stderr, "page-check: console error: %s\n",
		    str(a0, "value"));
		c->errors++;
	} else if (strcmp(method, "Log.entryAdded") == 0) {
		const cJSON *e = cJSON_GetObjectItemCaseSensitive(p, "entry");
		if (strcmp(str(e, "level"), "error") == 0) {
			fprintf(stderr, "page-check: console error: %s %s\n",
			    str(e, "text"), str(e, "url"));
			c->errors++;
		}
	} else if (strcmp(method, "Network.requestWillBeSent") == 0) {
		const cJSON *rq = cJSON_GetObjectItemCaseSensitive(p,
		    "request");
		const char *url = str(rq, "url");
		if (strncmp(url, "file:", 5) != 0 &&
		    strncmp(url, "data:", 5) != 0 &&
		    strcmp(url, "about:blank") != 0) {
			fprintf(stderr, "page-check: the page asked for %s\n",
			    url);
			c->errors++;
		}
	}
}

/* The next message; NULL at the deadline. */
static cJSON *
next_msg(struct chrome *c)
{
	for (;;) {
		char *nul = c->in.len ? memchr(c->in.data, '\0', c->in.len) :
		    NULL;
		if (nul != NULL) {
			cJSON *m = cJSON_Parse(c->in.data);
			size_t used = (size_t)(nul - c->in.data) + 1;
			memmove(c->in.data, nul + 1, c->in.len - used);
			c->in.len -= used;
			if (m == NULL)
				die(c, "Chromium sent something that is not "
				    "JSON");
			return m;
		}
		int left = (int)(c->deadline - time(NULL));
		if (left <= 0)
			return NULL;
		struct pollfd pfd = { c->from, POLLIN, 0 };
		if (poll(&pfd, 1, left * 1000) <= 0)
			continue;
		char chunk[65536];
		ssize_t n = read(c->from, chunk, sizeof chunk);
		if (n == 0)
			die(c, "Chromium ended (is the chromium package "
			    "installed? scripts/install-deps)");
		if (n > 0)
			buf_add(&c->in, chunk, (size_t)n);
	}
}

/* The result of command id (events on the way are taken in); exits on an
 * error answer. */
static cJSON *
await(struct chrome *c, int id)
{
	for (;;) {
		cJSON *m = next_msg(c);
		if (m == NULL)
			die(c, "Chromium did not answer in time");
		const cJSON *mid = cJSON_GetObjectItemCaseSensitive(m, "id");
		if (cJSON_IsNumber(mid) && mid->valueint == id) {
			const cJSON *err = cJSON_GetObjectItemCaseSensitive(m,
			    "error");
			if (err != NULL) {
				fprintf(stderr, "page-check: %s\n",
				    str(err, "message"));
				die(c, "a DevTools command failed");
			}
			return m;
		}
		event(c, m);
		cJSON_Delete(m);
	}
}

static cJSON *
call(struct chrome *c, const char *method, cJSON *params)
{
	return await(c, send_cmd(c, method, params, 1));
}

static void
call0(struct chrome *c, const char *method, cJSON *params)
{
	cJSON_Delete(call(c, method, params));
}

/* ---- base64 -------------------------------------------------------------- */

static int
b64(int ch)
{
	if (ch >= 'A' && ch <= 'Z') return ch - 'A';
	if (ch >= 'a' && ch <= 'z') return ch - 'a' + 26;
	if (ch >= '0' && ch <= '9') return ch - '0' + 52;
	if (ch == '+') return 62;
	if (ch == '/') return 63;
	return -1;
}

static void
save_base64(struct chrome *c, const cJSON *reply, const char *path)
{
	const cJSON *res = cJSON_GetObjectItemCaseSensitive(reply, "result");
	const char *s = str(res, "data");
	FILE *fp = fopen(path, "wb");
	unsigned acc = 0;
	int bits = 0;

	if (fp == NULL)
		die(c, "cannot write the picture");
	for (; *s; s++) {
		int v = b64((unsigned char)*s);
		if (v < 0)
			continue;
		acc = (acc << 6) | (unsigned)v;
		bits += 6;
		if (bits >= 8) {
			bits -= 8;
			fputc((int)((acc >> bits) & 0xff), fp);
		}
	}
	if (fclose(fp) != 0)
		die(c, "cannot write the picture");
}

/* ---- main ---------------------------------------------------------------- */

static void
metrics(struct chrome *c, int width, int height)
{
	cJSON *p = cJSON_CreateObject();

	cJSON_AddNumberToObject(p, "width", width);
	cJSON_AddNumberToObject(p, "height", height);
	cJSON_AddNumberToObject(p, "deviceScaleFactor", 1);
	cJSON_AddBoolToObject(p, "mobile", width < 600);
	call0(c, "Emulation.setDeviceMetricsOverride", p);
}

static void
evaluate(struct chrome *c, const char *expr)
{
	cJSON *p = cJSON_CreateObject();

	cJSON_AddStringToObject(p, "expression", expr);
	cJSON_AddBoolToObject(p, "returnByValue", 1);
	cJSON *r = call(c, "Runtime.evaluate", p);
	const cJSON *res = cJSON_GetObjectItemCaseSensitive(r, "result");
	if (cJSON_GetObjectItemCaseSensitive(res, "exceptionDetails")) {
		fprintf(stderr, "page-check: %s: threw\n", expr);
		c->errors++;
	}
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(
	    cJSON_GetObjectItemCaseSensitive(res, "result"), "value");
	if (cJSON_IsString(v))
		printf("%s\n", v->valuestring);
	else {
		char *s = v ? cJSON_PrintUnformatted(v) : NULL;
		printf("%s\n", s ? s : "undefined");
		free(s);
	}
	cJSON_Delete(r);
}

static int
content_height(struct chrome *c)
{
	cJSON *r = call(c, "Page.getLayoutMetrics", NULL);
	const cJSON *res = cJSON_GetObjectItemCaseSensitive(r, "result");
	const cJSON *sz = cJSON_GetObjectItemCaseSensitive(res,
	    "cssContentSize");
	const cJSON *h = cJSON_GetObjectItemCaseSensitive(sz, "height");
	int height = cJSON_IsNumber(h) ? (int)h->valuedouble + 1 : 800;

	cJSON_Delete(r);
	return height;
}

int
main(int argc, char *argv[])
{
	struct chrome c = { 0 };
	const char *shot = NULL, *pdf = NULL, *exprs[32];
	int nexpr = 0, width = 1000, height = 800, full = 0, opt;
	char path[PATH_MAX], url[PATH_MAX + 16];

	while ((opt = getopt(argc, argv, "w:H:s:fp:e:")) != -1)
		switch (opt) {
		case 'w': width = atoi(optarg); break;
		case 'H': height = atoi(optarg); break;
		case 's': shot = optarg; break;
		case 'f': full = 1; break;
		case 'p': pdf = optarg; break;
		case 'e':
			if (nexpr < 32)
				exprs[nexpr++] = optarg;
			break;
		default:
			fprintf(stderr, "usage: page-check [-w WIDTH] [-H HEIGHT] "
			    "[-s SHOT.png] [-f] [-p OUT.pdf] [-e EXPR]... "
			    "FILE.html\n");
			return 64;
		}
	if (optind + 1 != argc || width < 200 || height < 200)
		die(NULL, "one page, and a window of at least 200 by 200");
	if (realpath(argv[optind], path) == NULL)
		die(NULL, "cannot find the page");
	snprintf(url, sizeof url, "file://%s", path);

	start(&c);
	c.deadline = time(NULL) + 60;
	/* A tab of our own, attached in flat mode (one pipe, sessions). */
	cJSON *p = cJSON_CreateObject();
	cJSON_AddStringToObject(p, "url", "about:blank");
	cJSON *r = await(&c, send_cmd(&c, "Target.createTarget", p, 0));
	const char *target = str(cJSON_GetObjectItemCaseSensitive(r,
	    "result"), "targetId");
	p = cJSON_CreateObject();
	cJSON_AddStringToObject(p, "targetId", target);
	cJSON_AddBoolToObject(p, "flatten", 1);
	cJSON_Delete(r);
	r = await(&c, send_cmd(&c, "Target.attachToTarget", p, 0));
	c.session = strdup(str(cJSON_GetObjectItemCaseSensitive(r, "result"),
	    "sessionId"));
	cJSON_Delete(r);
	call0(&c, "Page.enable", NULL);
	call0(&c, "Runtime.enable", NULL);
	call0(&c, "Log.enable", NULL);
	call0(&c, "Network.enable", NULL);
	metrics(&c, width, height);
	p = cJSON_CreateObject();
	cJSON_AddStringToObject(p, "url", url);
	call0(&c, "Page.navigate", p);
	while (!c.loaded) {
		cJSON *m = next_msg(&c);
		if (m == NULL)
			die(&c, "the page did not load in time");
		event(&c, m);
		cJSON_Delete(m);
	}
	for (int i = 0; i < nexpr; i++)
		evaluate(&c, exprs[i]);
	if (shot != NULL) {
		if (full)
			metrics(&c, width, content_height(&c));
		p = cJSON_CreateObject();
		cJSON_AddStringToObject(p, "format", "png");
		r = call(&c, "Page.captureScreenshot", p);
		save_base64(&c, r, shot);
		cJSON_Delete(r);
	}
	if (pdf != NULL) {
		p = cJSON_CreateObject();
		cJSON_AddBoolToObject(p, "preferCSSPageSize", 1);
		cJSON_AddBoolToObject(p, "printBackground", 1);
		r = call(&c, "Page.printToPDF", p);
		save_base64(&c, r, pdf);
		cJSON_Delete(r);
	}
	/* Anything still on the way (a late console error) counts too. */
	call0(&c, "Runtime.evaluate", cJSON_Parse("{\"expression\":\"0\"}"));
	send_cmd(&c, "Browser.close", NULL, 0);
	free(c.session);
	buf_free(&c.in);
	stop(&c);
	if (c.errors > 0) {
		fprintf(stderr, "page-check: %d error%s in %s\n", c.errors,
		    c.errors == 1 ? "" : "s", argv[optind]);
		return 1;
	}
	return 0;
}
