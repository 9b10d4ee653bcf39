/*
 * reply — a library of reply templates, choosing one for an event, and the
 * context the template sees.
 *
 * Owns: struct reply_lib, the compiled templates and partials of one or more
 * library directories, each language directory's settings (locale.conf),
 * the plans made for buyers' languages, the CLDR tables and the locales
 * opened (cldr.h, locfmt.h).  A library directory holds one directory per
 * language (BCP 47 tag, any case):
 *
 *     DIR/LANG/INTENT.mustache           the reply for an intent
 *     DIR/LANG/INTENT.VARIANT.mustache   an A/B version of it (a, b, …)
 *     DIR/LANG/auto_reply.mustache       out of hours (cs-tzsched auto_reply)
 *     DIR/LANG/video_call.mustache       needs_video: invite to a video call
 *     DIR/LANG/_NAME.mustache            partial {{> NAME}} for LANG
 *     DIR/LANG/locale.conf               formats and the buyer's name
 *     DIR/_NAME.mustache                 partial for every language
 *
 * Directories are added lowest priority first.  A directory that has any
 * template for a language and name replaces all of the earlier directories'
 * templates for that pair (variants included), a partial replaces the
 * earlier one of the same language and name, and a setting the earlier one
 * of that language.
 *
 * Selection (cskit-templates(5), cs-reply(1)): a plan is made once for each
 * buyer language and country: the tag normalised and completed
 * (langtag.h), the library's language directories that serve it, most
 * specific first (the chain: en-GB, en), else the default language's chain
 * with `fallback` set.  The names tried are auto_reply (when the event has
 * auto_reply: true) or video_call (needs_video: true), then the intent,
 * then `other`; each name along the whole chain before the next name, so
 * an en-GB buyer gets en's refund before en-GB's other.  Partials and
 * settings are looked up along the same chain, then at the library's root.
 * Among a template's versions the base (no variant) is used, or the first
 * variant by name; with variants on, a named variant is chosen by FNV-1a
 * (32 bit) of the conversation id (else the customer id) modulo the number
 * of variants, so one buyer always sees one version.
 */
#ifndef CSKIT_REPLY_H
#define CSKIT_REPLY_H

#include <stdint.h>
#include <cjson/cJSON.h>
#include "buf.h"
#include "fieldmap.h"
#include "langtag.h"
#include "mustache.h"
#include "replyctx.h"

struct reply_lib;
struct locfmt;
struct ts_parser;


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
	const struct reply_plan	*plan;		/* the plan it was made with
						 * (NULL: reply_render, or one
						 * that did not live on) */
	int			 fallback;	/* not the buyer's language */
	char			 reply_lang[LANGTAG_MAX];
	char			 buyer_lang[LANGTAG_MAX];	/* "": unknown */
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
 * The plan for a buyer's language tag and country (either may be NULL):
 * kept by the library (it lives as long as the library), or, past its
 * bound, made in *scratch.  A plan with no directory (n 0) serves nobody:
 * not even the default language has templates.
 */
const struct reply_plan *reply_plan_for(const struct reply_lib *,
	    const struct reply_opts *, const char *lang, const char *country,
	    struct reply_plan *scratch);
/* The directory tag of a plan's i-th language ("en-GB"). */
const char *reply_plan_lang(const struct reply_lib *, const struct reply_plan *,
	    int i);

/*
 * The template for an event's language, intent and special case (NULL,
 * "auto_reply" or "video_call"); key is the conversation id used for
 * variants (may be NULL).  NULL when nothing matches at all.
 */
const struct reply_tpl *reply_select(const struct reply_lib *,
	    const struct reply_opts *, const char *lang, const char *intent,
	    const char *special, const char *key);
/* The same for a plan. */
const struct reply_tpl *reply_select_plan(const struct reply_lib *,
	    const struct reply_opts *, const struct reply_plan *,
	    const char *intent, const char *special, const char *key);
/* Does the plan's chain have the partial `name`? */
int	reply_plan_has_partial(const struct reply_lib *,
	    const struct reply_plan *, const char *name);
/* The locale-formatting cache of the library (for replyctx). */
struct locfmt_cache *reply_lib_fmt(const struct reply_lib *);

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
/*
 * Add reply, template, variant, reply_missing, reply_lang, buyer_lang (and
 * needs_human: true for a draft not in the buyer's language) to ev.
 */
void	reply_annotate(cJSON *ev, const struct reply_result *);
void	reply_result_free(struct reply_result *);
/* Exchange two results (their buffers move, nothing is copied). */
void	reply_result_swap(struct reply_result *, struct reply_result *);

/* A draft as it is written out: a view of a result or a kept draft. */
struct reply_draft {
	const char		*text;
	size_t			 len;
	const char		*tpl_id;
	const char		*variant;	/* NULL: none */
	const struct mst_names	*missing;
	const char		*reply_lang;
	const char		*buyer_lang;	/* "" when unknown */
	int			 needs_human;	/* not the buyer's language */
};

void	reply_draft_of(const struct reply_result *, struct reply_draft *);
/* The draft's fields as JSON members: ,"reply":…,"template":… */
void	reply_draft_members(const struct reply_draft *, struct buf *);

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
 * Reply to ev as a message of its own (no turns): 0 with the reply in res;
 * 1 when the event gets none (not a customer message); -1 with a reason in
 * *err, as reply_event.
 */
int	reply_run_event(struct reply_run *, const cJSON *ev,
	    struct reply_result *res, struct buf *err);

/*
 * Turns (cs-reply(1)): a buyer's turn is her messages since the last agent
 * message of the conversation; its draft is made on each of them and goes
 * to the latest when the turn ends (an agent's message, a closing status,
 * the end of the input, or the caller's flush).  The caller holds every
 * event from the first one waiting for a draft, in order, and releases
 * them as the run says.
 */
struct reply_step {
	int	draft;		/* res holds a draft for this event now */
	int	auto_reply;	/* ... which is an auto-reply (turns) */
	int	turn_now;	/* beside the auto-reply in res, the turn's
				 * draft (reply_run_turn_draft) goes on this
				 * event now */
	int	hold;		/* hold the event: call reply_run_held() */
	int	needs_human;	/* set the event's own needs_human to true
				 * now (reply_run_annotate_human) */
};

/*
 * A held event's turn ended: write it with the draft's fields (d NULL:
 * without a draft: a later message took it, or it repeated the last one).
 */
typedef void (*reply_release_fn)(void *arg, uint64_t ticket,
	    const struct reply_draft *d);

void	reply_run_on_release(struct reply_run *, reply_release_fn, void *arg);
/*
 * One event: every event goes through here (orders for the join, agents'
 * messages and statuses for the turns).  0 as step says; 1 when the event
 * gets nothing now (it may release earlier ones); -1 with a reason in err.
 */
int	reply_run_step(struct reply_run *, const cJSON *ev,
	    struct reply_step *, struct reply_result *res, struct buf *err);
/*
 * Does the want list hold exactly the run's names, in reply_run_want's
 * order?  Then reply_run_step_read may take a reader's index of the event.
 */
int	reply_run_index_from(struct reply_run *, const struct ev_want *);
/*
 * reply_run_step for an event the reader indexed (ev_record's first and
 * nfirst, NULL for none): the same, without a walk over its fields.
 */
int	reply_run_step_read(struct reply_run *, const cJSON *ev,
	    const cJSON *const *first, size_t nfirst, struct reply_step *,
	    struct reply_result *res, struct buf *err);
/* The draft step just made for the turn (valid until the next step). */
const struct reply_result *reply_run_turn_draft(const struct reply_run *);
/* The owner of the event step asked to hold (for the caller's queue). */
void	*reply_run_awaiting(const struct reply_run *);
/* The ticket the caller gave the event step asked to hold. */
void	reply_run_held(struct reply_run *, uint64_t ticket);
/*
 * End the turn holding ticket, whose owner reply_run_awaiting() gave
 * (ticket 0: every turn, at the end of the input).
 */
void	reply_run_flush(struct reply_run *, uint64_t ticket, void *owner);
/*
 * reply_annotate for the event just replied to.  The added strings point
 * into res and the library (no copies): write or drop the event before
 * res is used again.
 */
void	reply_run_annotate(struct reply_run *, cJSON *ev,
	    const struct reply_result *res);
/* needs_human: true, for step's needs_human. */
void	reply_run_annotate_human(struct reply_run *, cJSON *ev);
/* auto_reply_draft and auto_reply_template, the same way. */
void	reply_run_annotate_auto(struct reply_run *, cJSON *ev,
	    const struct reply_result *res);

/*
 * Render one template with its library's partials (for tools and tests).
 */
int	reply_render(const struct reply_lib *, const struct reply_tpl *,
	    const cJSON *const *ctx, int nctx, int escape_html,
	    struct reply_result *res, struct buf *err);

/*
 * Lint the library's structure: unknown partials, templates that fail a
 * trial rendering, and for every language directory that is not a
 * regional override the intents without a template.  only (NULL: every
 * language) limits it to those languages and their overrides.  One line a
 * problem in report; returns the number of problems (template parse errors
 * are reported by reply_lib_add_dir; the content checks are replylint.h's).
 */
int	reply_lint(const struct reply_lib *, const char *const *only,
	    struct buf *report);
/* Is the language directory (lower-case key) among only's, or theirs? */
int	reply_lint_wanted(const struct reply_lib *, const char *const *only,
	    const char *key);

/* The library's language directories and files, for checks. */
struct reply_file {
	const char		*lang;		/* lower case; "" the root */
	const char		*name;		/* "shipping"; a partial's
						 * name without its '_' */
	const char		*path;
	const struct mst_template *t;
	const struct reply_tpl	*tpl;		/* NULL for a partial */
	int			 partial;
};

int	reply_lib_nlangs(const struct reply_lib *);
const char *reply_lib_lang(const struct reply_lib *, int i);	/* as spelled */
int	reply_lib_lang_number(const struct reply_lib *, const char *key);
/* The path of its locale.conf, or NULL. */
const char *reply_lib_lang_conf(const struct reply_lib *, int i);
/* Does it take what it lacks from another directory (en-GB from en)? */
int	reply_lib_is_override(const struct reply_lib *, int i);
/* Setting k as a buyer of that language gets it (its chain's). */
const char *reply_lib_setting(const struct reply_lib *, int i,
	    enum reply_setting k);
/* Has the directory itself the template (or partial) `name`? */
int	reply_lib_has_file(const struct reply_lib *, int i, const char *name,
	    int partial);
void	reply_lib_each_file(const struct reply_lib *,
	    void (*fn)(void *arg, const struct reply_file *), void *arg);

/* The intents of cs-classify(1), NULL-terminated. */
extern const char *const reply_intents[];

#endif
