/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "render/shore-document.h"
#include "shore-store.h"

G_BEGIN_DECLS

/* The letters of the rights guide, filled from the user's data: a request
 * for a repayment plan ("hardship"), a complaint about improper collection
 * ("complaint"), a credit-report dispute ("credit-dispute") and a request to
 * stop contacting third parties ("stop-third-parties"). Written in the UI
 * language, in the borrower's own voice. Legal statements come only from
 * ../shared/reference/legal-facts.md and say what kind of source they are
 * and how sure it is.
 */

#define SHORE_LETTERS_ERROR (shore_letters_error_quark ())

typedef enum {
  SHORE_LETTERS_ERROR_UNKNOWN,        /* no letter with that id */
  SHORE_LETTERS_ERROR_MISSING_FIELD,  /* a required field is empty; the message names it */
  SHORE_LETTERS_ERROR_INVALID_FIELD,  /* a field is out of range; the message names it */
} ShoreLettersError;

/**
 * ShoreLetterFields:
 *
 * What the app cannot know, filled in by the borrower; defaults come from
 * shore_letter_fields_prefill(). Strings are owned, never NULL after
 * shore_letter_fields_init().
 */
typedef struct
{
  char   *name;             /* required */
  char   *id_number;        /* optional */
  char   *phone;            /* required */
  char   *address;          /* required for hardship and credit-dispute */
  char   *recipient;        /* required: the lender, 12378, the credit reference centre */
  gint64  loan_id;          /* the loan the letter is about; 0: all loans of the register */
  char   *details;          /* credit-dispute: what is wrong in the report (required);
                             * complaint and stop-third-parties: anything to add (optional) */
  gint64  monthly_amount;   /* hardship: proposed payment a month, fen > 0 */
  int     months;           /* hardship: 1 … 600 */
} ShoreLetterFields;

void     shore_letter_fields_init    (ShoreLetterFields *fields);
void     shore_letter_fields_clear   (ShoreLetterFields *fields);
/* Fills the fields the data can suggest for letter @id as of @today: the
 * recipient (the loan's lender, 12378, the credit reference centre), the
 * loan (the first overdue one when @fields->loan_id is 0) and, for the
 * hardship letter, the monthly amount (the budget's surplus for debt split
 * across the loans by what is owed) and the months it takes. Leaves the
 * borrower's own details alone. */
gboolean shore_letter_fields_prefill (ShoreStore        *store,
                                      const char        *id,
                                      const GDate       *today,
                                      ShoreLetterFields *fields,
                                      GError           **error);

/* A table of a letter: @header has n_columns strings, each row too. */
typedef struct
{
  char      *caption;       /* a line above the table */
  GStrv      header;
  GPtrArray *rows;          /* of GStrv */
} ShoreLetterTable;

/* A block of the body: a paragraph (@table NULL) or a table. */
typedef struct
{
  char             *text;
  ShoreLetterTable *table;
} ShoreLetterBlock;

/**
 * ShoreLetter:
 *
 * One letter, translated, ready to show, edit or render. Free with
 * shore_letter_free().
 */
typedef struct
{
  char      *id;
  char      *title;         /* “Application for a Repayment Plan” (协商还款申请书) */
  char      *recipient;     /* the salutation line: “To: …” */
  char      *subject;       /* “Subject: …” (事由) */
  char      *date;          /* as written in the letter */
  GPtrArray *blocks;        /* of ShoreLetterBlock*: the body in order */
  char      *closing;       /* “Yours faithfully,” (此致 敬礼) */
  GPtrArray *signature;     /* of char*: “Applicant: …”, “ID number: …”, “Phone: …”, … */
  GPtrArray *guidance;      /* of char*: how to send it and keep proof; not part of the letter */
} ShoreLetter;

GQuark        shore_letters_error_quark  (void);
/* The ids in display order, NULL-terminated. */
const char * const *shore_letter_list_ids (void);
gboolean      shore_letter_id_is_valid   (const char *id);
const char   *shore_letter_get_name      (const char *id);   /* translated: “Repayment plan request” */
const char   *shore_letter_get_description (const char *id); /* translated one line */

ShoreLetter  *shore_letter_build         (ShoreStore              *store,
                                          const char              *id,
                                          const ShoreLetterFields *fields,
                                          const GDate             *today,
                                          GError                 **error);
/* The same for a printed form: empty fields print as blanks to fill in by hand. */
ShoreLetter  *shore_letter_build_form    (ShoreStore              *store,
                                          const char              *id,
                                          const ShoreLetterFields *fields,
                                          const GDate             *today,
                                          GError                 **error);
void          shore_letter_free          (ShoreLetter             *letter);
/* The letter as plain text for the borrower to edit: the title, the
 * recipient, paragraphs separated by blank lines, tables as lines of cells
 * separated by “ | ”, the closing and the signature. No guidance. */
char         *shore_letter_to_text       (const ShoreLetter       *letter) G_GNUC_WARN_UNUSED_RESULT;
/* The guidance paragraphs as one text (bullets, one a line). */
char         *shore_letter_guidance_text (const ShoreLetter       *letter) G_GNUC_WARN_UNUSED_RESULT;
/* A printable document from (edited) letter text: the first line is taken
 * as the title when it equals @title; blank lines separate paragraphs;
 * runs of lines holding “ | ” become tables (the first line the header).
 * @language: "zh_CN", "zh_TW", "en"… for the fonts; @footer may be NULL. */
ShoreDocument *shore_letter_text_to_document (const char *title,
                                              const char *text,
                                              const char *language,
                                              const char *footer);
/* Writes @text as UTF-8 to @path, replacing it only once all is written. */
gboolean      shore_letter_save_text     (const char              *text,
                                          const char              *path,
                                          GError                 **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ShoreLetter, shore_letter_free)

G_END_DECLS
