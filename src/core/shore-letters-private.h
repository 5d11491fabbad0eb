/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Shared by the files of the letters (shore-letters*.c) only: the data a
 * letter reads and the pieces it is built of. shore-letters.c holds the
 * public API, shore-letters-parts.c the data and the pieces,
 * shore-letters-hardship.c and shore-letters-rights.c the bodies of the
 * letters, shore-letters-document.c the printable document.
 */

#pragma once

#include "shore-debts.h"
#include "shore-evidence.h"
#include "shore-letters.h"

G_BEGIN_DECLS

/* Separates the cells of a table in the letter text. */
#define SHORE_LETTERS_TABLE_SEPARATOR " | "

/* What the data says, for a letter as of a day. */
typedef struct
{
  GListModel *debts;          /* of ShoreDebt, paid-off ones included */
  ShoreDebt  *loan;           /* the one the letter is about, or NULL; borrowed */
  gint64      total_owed;     /* loans not paid off */
  guint       n_trend;        /* months with entries among the last complete ones */
  GDate       trend_from;
  GDate       trend_to;
  gint64      avg_income;
  gint64      avg_spending;
  gint64      avg_debt_paid;
  gint64      surplus;        /* for debt a month, >= 0 */
} ShoreLetterData;

void              shore_letter_data_clear          (ShoreLetterData         *data);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (ShoreLetterData, shore_letter_data_clear)

/* Empty or only white space. */
gboolean          shore_letters_is_blank           (const char              *text);
/* A blank to fill in by hand on a printed letter form. */
const char       *shore_letters_form_blank         (void);
gboolean          shore_letters_debt_is_open       (ShoreDebt               *debt);
/* @sum / @n in fen, 0 when @n is 0. */
gint64            shore_letters_average            (gint64                   sum,
                                                    guint                    n);
/* Fills @data (cleared first) as of @today; @loan_id > 0 must be in the
 * register. */
gboolean          shore_letters_read_data          (ShoreStore              *store,
                                                    const GDate             *today,
                                                    gint64                   loan_id,
                                                    ShoreLetterData         *data,
                                                    GError                 **error);

/* The pieces of a letter. */
ShoreLetter      *shore_letter_new                 (const char              *id,
                                                    const char              *title,
                                                    const ShoreLetterFields *fields,
                                                    const GDate             *today);
/* Takes @text. */
void              shore_letter_add_paragraph       (ShoreLetter             *letter,
                                                    char                    *text);
/* The header: strings, NULL-terminated. */
ShoreLetterTable *shore_letter_add_table           (ShoreLetter             *letter,
                                                    const char              *caption,
                                                    const char              *first_header,
                                                    ...) G_GNUC_NULL_TERMINATED;
/* Appends a row of owned strings (NULL-terminated, as many as the header). */
void              shore_letter_table_add_row       (ShoreLetterTable        *table,
                                                    char                    *first,
                                                    ...);
void              shore_letter_add_signature       (ShoreLetter             *letter,
                                                    const ShoreLetterFields *fields);
void              shore_letter_add_common_guidance (ShoreLetter             *letter);
/* The open debts with a total row, or only @only when not NULL. */
void              shore_letter_add_debts_table     (ShoreLetter             *letter,
                                                    const ShoreLetterData   *data,
                                                    ShoreDebt               *only);
/* “《民法典》 Article 1033; Law, read in the text itself” */
char             *shore_letters_cite               (const char              *source,
                                                    ShoreEvidenceKind        kind,
                                                    ShoreEvidenceConfidence  confidence);
/* The lender of the loan the letter is about, else the recipient. */
char             *shore_letters_lender_of          (const ShoreLetterData   *data,
                                                    const ShoreLetterFields *fields);

/* The bodies of the letters: the subject, the paragraphs and tables, and
 * the guidance of their own. */
gboolean          shore_letters_build_hardship           (ShoreLetter             *letter,
                                                          ShoreStore              *store,
                                                          const ShoreLetterFields *fields,
                                                          const ShoreLetterData   *data,
                                                          GError                 **error);
gboolean          shore_letters_build_complaint          (ShoreLetter             *letter,
                                                          ShoreStore              *store,
                                                          const ShoreLetterFields *fields,
                                                          const ShoreLetterData   *data,
                                                          GError                 **error);
gboolean          shore_letters_build_credit_dispute     (ShoreLetter             *letter,
                                                          ShoreStore              *store,
                                                          const ShoreLetterFields *fields,
                                                          const ShoreLetterData   *data,
                                                          GError                 **error);
gboolean          shore_letters_build_stop_third_parties (ShoreLetter             *letter,
                                                          ShoreStore              *store,
                                                          const ShoreLetterFields *fields,
                                                          const ShoreLetterData   *data,
                                                          GError                 **error);

G_END_DECLS
