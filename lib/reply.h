/*
 * reply — a library of reply templates, choosing one for an event, and the
 * context the template sees.
 *
 * Owns: struct reply_lib, the compiled templates and partials of one or more
 * library directories, and everything a template renders with.  A library
 * directory holds one directory per language (BCP 47 tag, any case):
 *
 *     DIR/LANG/INTENT.mustache           the reply for an intent
 *     DIR/LANG/INTENT.VARIANT.mustache   an A/B version of it (a, b, …)
 *     DIR/LANG/auto_reply.mustache       out of hours (cs-tzsched auto_reply)
 *     DIR/LANG/video_call.mustache       needs_video: invite to a video call
 *     DIR/LANG/_NAME.mustache            partial {{> NAME}} for LANG
 *     DIR/_NAME.mustache                 partial for every language
 *
 * Directories are added lowest priority first.  A directory that has any
 * template for a language and name replaces all of the earlier directories'
 * templates for that pair (variants included), and a partial replaces the
 * earlier one of the same language and name.
 *
 * Selection: the language chain is the event's `lang` with subtags dropped
 * one by one (pt-BR, pt), then the default language; in each language the
 * names tried are auto_reply (when the event has auto_reply: true) or
 * video_call (needs_video: true), then the intent, then `other`; the first
 * (language, name) with a template wins.  Among its versions the base
 * (no variant) is used, or the first variant by name; with variants on, a
 * named variant is chosen by FNV-1a (32 bit) of the conversation id (else
 * the customer id) modulo the number of variants, so one buyer always sees
 * one version.
 */
#ifndef CSKIT_REPLY_H
#define CSKIT_REPLY_H

#include <cjson/cJSON.h>
#include "buf.h"
#include "fieldmap.h"
#include "mustache.h"
#include "replyctx.h"

struct reply_lib;

/* One template of the library. */
struct reply_tpl {
	char			*lang;		/* lower case */
	char			*name;		/* intent, auto_reply, video_call */
	char			*variant;	/* NULL for the base version */
	char			*id;		/* "de/refund.b" */
	char			*path;
	struct mst_template	*t;
};


/* The outcome of replying to one event. */
struct reply_result {
	const struct reply_tpl	*tpl;
	struct buf		 text;
	struct mst_names	 missing;
};

struct reply_lib *reply_lib_new(void);
void	reply_lib_free(struct reply_lib *);
/*
 * Add a library directory (it overrides every directory added before).
 * Template errors ("FILE:LINE:COL: reason", one per line) are appended to
 * errs and counted in the return value; -1 when dir cannot be read.
 */
int	reply_lib_add_dir(struct reply_lib *, const char *dir, struct buf *errs);
int	reply_lib_count(const struct reply_lib *);
/*
 * Add every DIR/NAME.mustache (or DIR/_NAME.mustache) as a partial NAME for
 * every language: the partials of a template being tried out.
 */
int	reply_lib_add_partials(struct reply_lib *, const char *dir,
	    struct buf *errs);

/*
 * A file that does not compile is left out of the library (its error is in
 * errs): messages then get the template chosen as if it did not exist.
 * After the last directory, this leaves out the templates that include a
 * partial that did not compile (no other language's or directory's version
 * standing in), with one line each in errs; returns how many.
 */
int	reply_lib_drop_broken(struct reply_lib *, struct buf *errs);

/* The 32-bit FNV-1a hash of s. */
unsigned long reply_fnv1a(const char *s);

/*
 * The template for an event's language, intent and special case (NULL,
 * "auto_reply" or "video_call"); key is the conversation id used for
 * variants (may be NULL).  NULL when nothing matches at all.
 */
const struct reply_tpl *reply_select(const struct reply_lib *,
	    const struct reply_opts *, const char *lang, const char *intent,
	    const char *special, const char *key);

/*
 * REFERENCE PATH (tests only): reply_event and reply_annotate are the
 * plain, slow statement of what a reply is — select, build the context,
 * render, annotate — kept so that test_reply can check the fast path
 * (struct reply_run below, which cs-reply uses) against it event by event.
 * No tool calls them.
 *
 * Choose and render the reply for ev into res (reset first).  0 on success,
 * -1 with a reason in *err (no template at all, a render error).
 */
int	reply_event(const struct reply_lib *, const struct reply_opts *,
	    const cJSON *ev, struct reply_result *res, struct buf *err);
/* Add reply, template, variant and reply_missing to ev. */
void	reply_annotate(cJSON *ev, const struct reply_result *);
void	reply_result_free(struct reply_result *);

/*
 * A run: many events replied to with one library and one set of options,
 * each name a template uses resolved once per event through one walk over
 * the event's fields, the selection remembered per (language, intent), and
 * the buffers reused.  It binds the library's templates to its own names:
 * one run per library at a time, and none while directories are added.
 * lib and o must outlive it.
 */
struct reply_run;
struct ev_want;

struct reply_run *reply_run_new(struct reply_lib *, const struct reply_opts *);
void	reply_run_free(struct reply_run *);
/*
 * Add every field the run reads or sets (for a partial reader; the names
 * live as long as the run); -1 when a template shows the whole event.
 */
int	reply_run_want(const struct reply_run *, struct ev_want *);
/*
 * Reply to ev: 0 with the reply in res; 1 when the event gets none (not a
 * customer message); -1 with a reason in *err, as reply_event.
 */
int	reply_run_event(struct reply_run *, const cJSON *ev,
	    struct reply_result *res, struct buf *err);
/*
 * reply_annotate for the event just replied to.  The added strings point
 * into res and the library (no copies): write or drop the event before
 * res is used again.
 */
void	reply_run_annotate(struct reply_run *, cJSON *ev,
	    const struct reply_result *res);

/*
 * Render one template with its library's partials (for tools and tests).
 */
int	reply_render(const struct reply_lib *, const struct reply_tpl *,
	    const cJSON *const *ctx, int nctx, int escape_html,
	    struct reply_result *res, struct buf *err);

/*
 * Lint the library: unknown partials, and for every language directory the
 * intents of cs-classify(1) without a template.  One line a problem in report;
 * returns the number of problems (template parse errors are reported by
 * reply_lib_add_dir).
 */
int	reply_lint(const struct reply_lib *, struct buf *report);

/* The intents of cs-classify(1), NULL-terminated. */
extern const char *const reply_intents[];

#endif
