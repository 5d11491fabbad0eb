/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "render/shore-document.h"
#include "shore-loan.h"

G_BEGIN_DECLS

/* The evidence log, pure part: the contacts a borrower recorded, the rules
 * that flag likely breaches of the collection rules, a summary and a plain
 * text evidence sheet. No I/O: shore-evidence-store.h keeps the log.
 */

#define SHORE_EVIDENCE_ERROR (shore_evidence_error_quark ())

typedef enum {
  SHORE_EVIDENCE_ERROR_INVALID,   /* a field of a contact is out of range; the message says which */
} ShoreEvidenceError;

typedef enum {
  SHORE_CONTACT_CALL,
  SHORE_CONTACT_SMS,
  SHORE_CONTACT_APP,            /* a message in an app (WeChat, the lender's app…) */
  SHORE_CONTACT_VISIT,
  SHORE_CONTACT_THIRD_PARTY,    /* someone the borrower knows was contacted */
  SHORE_CONTACT_OTHER,
} ShoreContactChannel;

#define SHORE_N_CONTACT_CHANNELS (SHORE_CONTACT_OTHER + 1)

/**
 * ShoreContact:
 *
 * One contact by a lender or a debt collector, as the borrower recorded
 * it. A plain value type: init with shore_contact_init() (or
 * shore_contact_new()), copy with shore_contact_copy(), free with
 * shore_contact_free() / clear with shore_contact_clear().
 *
 * @occurred_at keeps the offset it was recorded with (the borrower's local
 * time then): the rules read hours and calendar days in that offset.
 */
typedef struct
{
  gint64              id;                /* 0 until stored */
  GDateTime          *occurred_at;       /* owned; whole seconds are kept */
  ShoreContactChannel channel;
  char               *organization;      /* the lender or agency named; never NULL */
  char               *person;            /* name or staff number given; never NULL */
  char               *phone;             /* never NULL */
  int                 duration_seconds;  /* -1: unknown */
  gboolean            connected;         /* a call that was answered */
  char               *summary;           /* what was said; never NULL */
  char               *third_parties;     /* who else was contacted; never NULL */
  GPtrArray          *attachments;       /* of char *: paths of recordings, screenshots */
  gint64              loan_id;           /* 0: none */
  gint64              amount_demanded;   /* fen; 0: none stated */
} ShoreContact;

GQuark        shore_evidence_error_quark   (void);
void          shore_contact_init           (ShoreContact       *contact);
void          shore_contact_clear          (ShoreContact       *contact);
ShoreContact *shore_contact_new            (void);
ShoreContact *shore_contact_copy           (const ShoreContact *contact);
void          shore_contact_free           (ShoreContact       *contact);
/* A time, a known channel, duration ≥ -1, amount ≥ 0, attachments non-empty and distinct. */
gboolean      shore_contact_validate       (const ShoreContact *contact,
                                            GError            **error);
const char   *shore_contact_channel_to_string   (ShoreContactChannel  channel); /* "call", "third-party"… */
gboolean      shore_contact_channel_from_string (const char          *text,
                                                 ShoreContactChannel *out);
const char   *shore_contact_channel_get_label   (ShoreContactChannel  channel); /* translated */

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ShoreContact, shore_contact_free)

typedef enum {
  SHORE_EVIDENCE_RULE_NIGHT,              /* 22:00 ≤ t or t < 08:00, local time */
  SHORE_EVIDENCE_RULE_TOO_MANY_CALLS,     /* 4th and later connected call of a day, same organization */
  SHORE_EVIDENCE_RULE_THIRD_PARTY,        /* channel third-party or third_parties filled in */
  SHORE_EVIDENCE_RULE_THREAT,             /* threats of violence, of jail */
  SHORE_EVIDENCE_RULE_INSULT,
  SHORE_EVIDENCE_RULE_SOFT_VIOLENCE,      /* exposure, contact list, visits, posting notices */
  SHORE_EVIDENCE_RULE_FAKE_LEGAL,         /* lawsuits, summonses, lawyer's letters, police named */
  SHORE_EVIDENCE_RULE_AMOUNT_ABOVE_RECORDS, /* demands more than the register says is owed */
  SHORE_EVIDENCE_RULE_RATE_ABOVE_LINE,    /* collecting on a loan whose real rate is above the line */
} ShoreEvidenceRule;

#define SHORE_N_EVIDENCE_RULES (SHORE_EVIDENCE_RULE_RATE_ABOVE_LINE + 1)

/* What kind of rule a flag cites. Industry codes bind members of an
 * association, not everyone; the sheet says so. */
typedef enum {
  SHORE_EVIDENCE_KIND_LAW,           /* statute, judicial interpretation or opinion */
  SHORE_EVIDENCE_KIND_REGULATION,    /* a regulator's rule */
  SHORE_EVIDENCE_KIND_INDUSTRY_CODE, /* self-regulation of an association */
  SHORE_EVIDENCE_KIND_PRACTICE,      /* typical practice, not a rule */
} ShoreEvidenceKind;

/* legal-facts.md's labels */
typedef enum {
  SHORE_CONFIDENCE_PRIMARY,          /* P: the article text was read */
  SHORE_CONFIDENCE_SECONDARY,        /* S: reports, reprints */
  SHORE_CONFIDENCE_SECONDARY_LOW,    /* S-low: one weak source */
} ShoreEvidenceConfidence;

/**
 * ShoreEvidenceFlag:
 *
 * A likely breach found on one contact. @message and @citation are
 * translated and owned by the flag: the arrays made here free them when
 * an element is removed or the array is freed (g_array_set_clear_func()).
 */
typedef struct
{
  guint                   contact;     /* index into the contacts checked */
  ShoreEvidenceRule       rule;
  char                   *message;     /* what was found, for the borrower */
  char                   *citation;    /* documents and articles, saying what kind of rule each is */
  ShoreEvidenceKind       kind;        /* of the main source cited */
  ShoreEvidenceConfidence confidence;  /* of the main source cited */
  const char             *matched;     /* wording rules: the keyword found (points into a static table) */
} ShoreEvidenceFlag;

/* What the register knows of one loan, for the amount rules. */
typedef struct
{
  gint64          loan_id;
  gint64          owed_total;      /* fen, what the register says is owed now; -1: unknown */
  ShoreLenderType lender_type;
  GDate           contract_date;   /* cleared: unknown (no 4 × LPR line) */
  double          apr;             /* real annual rate as a fraction (PBoC method, simple): 0.18; < 0: unknown */
} ShoreEvidenceLoan;

typedef struct
{
  const ShoreEvidenceLoan *loans;  /* may be NULL when n_loans is 0 */
  guint                    n_loans;
} ShoreEvidenceContext;

void        shore_evidence_loan_init   (ShoreEvidenceLoan          *loan);
/* Appends ShoreEvidenceFlag to a new array, ordered by contact then rule.
 * @ctx may be NULL (no amount rules). */
void        shore_evidence_check       (const ShoreContact         *contacts,
                                        guint                       n,
                                        const ShoreEvidenceContext *ctx,
                                        GArray                    **out_flags);
/* A new, empty array of ShoreEvidenceFlag that frees its flags' strings. */
GArray     *shore_evidence_flags_new   (void);
/* The wording rules on one text, for the editor's live hints: appends
 * flags with @contact index 0 to @flags; @when picks the version of the
 * law in force (NULL: now). */
void        shore_evidence_check_wording (const char               *text,
                                          GDateTime                *when,
                                          GArray                   *flags);
const char *shore_evidence_rule_get_label   (ShoreEvidenceRule        rule);       /* translated */
const char *shore_evidence_kind_get_label   (ShoreEvidenceKind        kind);       /* translated */
const char *shore_evidence_confidence_get_label (ShoreEvidenceConfidence confidence); /* translated */

#define SHORE_EVIDENCE_MAX_ORGANIZATIONS 32

typedef struct
{
  guint      n_contacts;
  guint      n_flagged_contacts;                /* contacts with at least one flag */
  guint      per_rule[SHORE_N_EVIDENCE_RULES];  /* flags per rule */
  guint      per_channel[SHORE_N_CONTACT_CHANNELS];
  guint      n_night;                           /* contacts at night */
  guint      max_calls_in_a_day;                /* connected calls, one organization, one day */
  GDate      max_calls_day;                     /* the day of that maximum; cleared if none */
  GDate      first_day;                         /* local calendar days; cleared if no contact */
  GDate      last_day;
  guint      n_organizations;                   /* distinct, up to SHORE_EVIDENCE_MAX_ORGANIZATIONS listed */
  struct {
    const char *name;                           /* borrowed from the contacts; "" when none was given */
    guint       n_contacts;
    guint       n_flags;
  } organizations[SHORE_EVIDENCE_MAX_ORGANIZATIONS]; /* most contacts first */
} ShoreEvidenceSummary;

void        shore_evidence_summarize   (const ShoreContact         *contacts,
                                        guint                       n,
                                        GArray                     *flags,
                                        ShoreEvidenceSummary       *out);

typedef struct
{
  const char *borrower;            /* name, may be NULL */
  const char *statement;           /* the borrower's own summary of the case, may be NULL */
  const GDate *generated_on;       /* may be NULL: no date line */
} ShoreEvidenceSheetInfo;

/* The evidence sheet as translated UTF-8 text (in the current locale):
 * title, the borrower's summary, the counts, each contact with its flags
 * and citations, the sources' kinds, and the complaint channels. */
char       *shore_evidence_sheet_text  (const ShoreContact           *contacts,
                                        guint                         n,
                                        GArray                       *flags,
                                        const ShoreEvidenceSheetInfo *info) G_GNUC_WARN_UNUSED_RESULT;

/* The evidence sheet's title, translated. */
const char *shore_evidence_sheet_title (void);
/* The same sheet laid out for print, added to @document (whose title the
 * caller sets): the summary with tables by rule and by organization, a
 * table of the contacts (what was said cut short), a table of the likely
 * breaches with their sources, what the kinds of sources mean, and where to
 * complain. */
void        shore_evidence_sheet_add_to_document (ShoreDocument                *document,
                                                  const ShoreContact           *contacts,
                                                  guint                         n,
                                                  GArray                       *flags,
                                                  const ShoreEvidenceSheetInfo *info);

G_END_DECLS
