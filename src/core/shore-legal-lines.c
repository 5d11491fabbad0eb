/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "shore-legal-lines"

#include "config.h"

#include <string.h>

#include <gio/gio.h>
#include "shore-intl.h"

#include "shore-core-resources.h"
#include "shore-legal-lines.h"

#define LPR_RESOURCE      "/io/github/shoreapp/Shore/core/lpr-1y.csv"
#define LPR_HEADER        "effective_date,"
#define LPR_HUNDREDTHS_MAX 10000     /* 100 %: anything above is a typo */

typedef struct
{
  GDate  date;
  gint64 hundredths;
} LprQuote;

/* Loaded once, kept for the life of the process */
static GArray *lpr_table;
static GError *lpr_error;

G_DEFINE_QUARK (shore-legal-error-quark, shore_legal_error)

static gboolean
parse_quote (const char *line,
             LprQuote   *quote)
{
  g_auto(GStrv) fields = g_strsplit (line, ",", -1);
  guint64 value;

  if (g_strv_length (fields) != 2
      || !shore_date_parse (fields[0], &quote->date, NULL)
      || !g_ascii_string_to_unsigned (fields[1], 10, 1, LPR_HUNDREDTHS_MAX, &value, NULL))
    return FALSE;

  quote->hundredths = (gint64) value;
  return TRUE;
}

/* The rows of the bundled CSV, oldest first; skips comments, blank lines
 * and the header. */
static GArray *
parse_table (const char  *text,
             GError     **error)
{
  g_autoptr(GArray) table = g_array_new (FALSE, TRUE, sizeof (LprQuote));
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  guint i;

  for (i = 0; lines[i] != NULL; i++)
    {
      char *line = g_strstrip (lines[i]);
      LprQuote quote;

      if (*line == '\0' || *line == '#' || g_str_has_prefix (line, LPR_HEADER))
        continue;

      if (!parse_quote (line, &quote)
          || (table->len > 0
              && g_date_compare (&g_array_index (table, LprQuote, table->len - 1).date, &quote.date) >= 0))
        {
          g_set_error (error, SHORE_LEGAL_ERROR, SHORE_LEGAL_ERROR_DATA,
                       /* Translators: %u is a line number of the LPR table that comes with Shore */
                       _("The LPR table that comes with Shore is damaged at line %u; reinstall Shore"),
                       i + 1);
          return NULL;
        }
      g_array_append_val (table, quote);
    }

  if (table->len == 0)
    {
      g_set_error (error, SHORE_LEGAL_ERROR, SHORE_LEGAL_ERROR_DATA,
                   _("The LPR table that comes with Shore is empty; reinstall Shore"));
      return NULL;
    }

  return g_steal_pointer (&table);
}

static void
load_table (void)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *text = NULL;
  gsize size;
  const char *data;

  /* Looked up in the GResource itself, so it works whether or not the
   * resource's constructor ran. */
  bytes = g_resource_lookup_data (shore_core_get_resource (), LPR_RESOURCE,
                                  G_RESOURCE_LOOKUP_FLAGS_NONE, &lpr_error);
  if (bytes == NULL)
    return;

  data = g_bytes_get_data (bytes, &size);
  text = g_strndup (data, size);
  lpr_table = parse_table (text, &lpr_error);
}

static gboolean
ensure_table (GError **error)
{
  static gsize loaded = 0;

  if (g_once_init_enter (&loaded))
    {
      load_table ();
      g_once_init_leave (&loaded, 1);
    }

  if (lpr_table == NULL)
    {
      g_assert (lpr_error != NULL);
      g_propagate_error (error, g_error_copy (lpr_error));
      return FALSE;
    }

  return TRUE;
}

/**
 * shore_lpr_lookup:
 * @date: a valid date
 * @hundredths: (out) (optional): the one-year LPR in hundredths of a
 *   percent: 300 is 3.00 %
 * @effective_date: (out caller-allocates) (optional): the day that quote
 *   took effect
 * @error: return location for a #ShoreLegalError
 *
 * The one-year Loan Prime Rate in force on @date: the latest quote of the
 * bundled table (data/lpr-1y.csv) that took effect on or before @date.
 *
 * Returns: %TRUE if found; %SHORE_LEGAL_ERROR_NO_LPR for a date before the
 *   first quote (2019-08-20), %SHORE_LEGAL_ERROR_DATA if the table is
 *   damaged
 */
gboolean
shore_lpr_lookup (const GDate  *date,
                  gint64       *hundredths,
                  GDate        *effective_date,
                  GError      **error)
{
  const LprQuote *found = NULL;
  guint i;

  g_return_val_if_fail (date != NULL && g_date_valid (date), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!ensure_table (error))
    return FALSE;

  for (i = 0; i < lpr_table->len; i++)
    {
      const LprQuote *quote = &g_array_index (lpr_table, LprQuote, i);

      if (g_date_compare (&quote->date, date) > 0)
        break;
      found = quote;
    }

  if (found == NULL)
    {
      g_autofree char *asked = shore_date_format_iso (date);
      g_autofree char *first = shore_date_format_iso (&g_array_index (lpr_table, LprQuote, 0).date);

      g_set_error (error, SHORE_LEGAL_ERROR, SHORE_LEGAL_ERROR_NO_LPR,
                   /* Translators: both %s are dates as YYYY-MM-DD; LPR is the Loan Prime Rate (贷款市场报价利率) */
                   _("There is no one-year LPR for %s; the first one took effect on %s"),
                   asked, first);
      return FALSE;
    }

  if (hundredths != NULL)
    *hundredths = found->hundredths;
  if (effective_date != NULL)
    *effective_date = found->date;
  return TRUE;
}

static void
fill_4lpr (ShoreLegalLine  *line,
           ShoreLenderType  lender_type,
           const GDate     *contract_date)
{
  g_autoptr(GError) error = NULL;

  line->kind = SHORE_LEGAL_LINE_4LPR;
  line->basis = SHORE_BASIS_LAW;
  line->title = _("Four times the LPR");
  line->explanation =
    _("For private lending, courts do not support the part of the agreed interest above four times "
      "the one-year Loan Prime Rate (LPR) in force when the contract was made (Article 25 of the SPC "
      "Provisions on Private Lending, 《最高人民法院关于审理民间借贷案件适用法律若干问题的规定》第二十五条). "
      "Overdue interest, penalties and other fees together are capped at the same line (第二十八条、"
      "第二十九条), and interest deducted in advance is not part of the principal: only the money "
      "actually received is (第二十六条). The Provisions cover lending between individuals, legal persons "
      "and other organizations. They do not cover loans from lenders licensed by the financial "
      "regulators, such as banks (第一条; that consumer finance companies are excluded too is our reading "
      "of that article), nor, since 2021-01-01, those of microcredit companies "
      "(《最高人民法院关于新民间借贷司法解释适用范围问题的批复》). We have read these articles in a copy "
      "of the published text. "
      "The LPR figures come from a secondary table; check them at pbc.gov.cn.");

  g_date_clear (&line->lpr_date, 1);
  if (contract_date == NULL
      || !shore_lpr_lookup (contract_date, &line->lpr_hundredths, &line->lpr_date, &error))
    {
      if (error != NULL && !g_error_matches (error, SHORE_LEGAL_ERROR, SHORE_LEGAL_ERROR_NO_LPR))
        g_warning ("%s", error->message);
      line->lpr_hundredths = 0;
      line->annual_hundredths = 0;
      line->applies = FALSE;
      return;
    }

  line->annual_hundredths = 4 * line->lpr_hundredths;
  line->applies = lender_type == SHORE_LENDER_PRIVATE;
}

static gboolean
applies_24 (ShoreLenderType lender_type)
{
  switch (lender_type)
    {
    case SHORE_LENDER_BANK:
    case SHORE_LENDER_CONSUMER_FINANCE:
    case SHORE_LENDER_MICROLENDER:
    case SHORE_LENDER_PLATFORM:
    case SHORE_LENDER_CREDIT_CARD:
      return TRUE;
    case SHORE_LENDER_PRIVATE:
    default:
      return FALSE;
    }
}

static void
fill_24 (ShoreLegalLine  *line,
         ShoreLenderType  lender_type)
{
  line->kind = SHORE_LEGAL_LINE_24;
  line->basis = SHORE_BASIS_REGULATION;
  line->annual_hundredths = 2400;
  line->applies = applies_24 (lender_type);
  g_date_clear (&line->lpr_date, 1);
  /* Translators: the 24 % line for licensed lenders
   * xgettext:no-c-format */
  line->title = _("24% a year");
  line->explanation =
    /* xgettext:no-c-format */
    _("For internet-assisted loans (助贷) made by banks with the platforms that work with them, "
      "regulators expect the all-in annualized cost, interest and every fee included, to stay at or "
      "below 24%: this is how commentators read the NFRA notice on internet-assisted lending "
      "(金规〔2025〕9号, in force since 2025-10-01). A December 2025 guideline for microcredit companies "
      "is reported to require the same of new loans. Point 2 of the SPC’s 2017 opinions on financial "
      "adjudication (《最高人民法院关于进一步加强金融审判工作的若干意见》) is commonly cited as allowing "
      "courts to reduce interest, compound interest, penalty interest and fees that together exceed 24% "
      "a year on loans from financial institutions. This is regulation and court practice as reported "
      "by others, not a statute, and we have not read these texts ourselves. Credit cards: since "
      "2021-01-01 the overdraft rate is agreed freely between the bank and the cardholder, but it must "
      "be shown as an annual rate (reported).");
}

static void
fill_36 (ShoreLegalLine *line)
{
  line->kind = SHORE_LEGAL_LINE_36;
  line->basis = SHORE_BASIS_HISTORIC;
  line->annual_hundredths = 3600;
  line->applies = FALSE;
  g_date_clear (&line->lpr_date, 1);
  /* Translators: the old 36 % line for private lending
   * xgettext:no-c-format */
  line->title = _("36% a year (repealed)");
  line->explanation =
    /* xgettext:no-c-format */
    _("Under the 2015 version of the SPC Provisions on Private Lending, interest above 36% a year was "
      "void and could be reclaimed, while interest from 24% to 36% already paid could not (we know this "
      "text from secondary sources). Since 2020-08-20 four times the LPR has replaced that rule. It "
      "still matters only for private loans made before 2020-08-20, and only for interest up to "
      "2020-08-19 (第三十一条 of the current Provisions, which we have read).");
}

/**
 * shore_legal_lines_for:
 * @lender_type: who lent the money
 * @contract_date: (nullable): the day the contract was made
 * @out: (out caller-allocates) (array fixed-size=3): the lines, indexed by
 *   #ShoreLegalLineKind
 *
 * The three legal lines for a loan, with the one that applies marked:
 * four times the one-year LPR on @contract_date for private lending
 * (%SHORE_BASIS_LAW), 24 % a year for every licensed lender
 * (%SHORE_BASIS_REGULATION: reported regulation and court practice), and
 * the repealed 36 % (%SHORE_BASIS_HISTORIC), which applies to no new loan.
 * Before 2019-08-20 there is no LPR: that line is 0 and does not apply.
 * Titles and explanations are translated.
 */
void
shore_legal_lines_for (ShoreLenderType  lender_type,
                       const GDate     *contract_date,
                       ShoreLegalLine   out[SHORE_N_LEGAL_LINES])
{
  g_return_if_fail (out != NULL);
  g_return_if_fail (contract_date == NULL || g_date_valid (contract_date));

  memset (out, 0, SHORE_N_LEGAL_LINES * sizeof out[0]);
  fill_4lpr (&out[SHORE_LEGAL_LINE_4LPR], lender_type, contract_date);
  fill_24 (&out[SHORE_LEGAL_LINE_24], lender_type);
  fill_36 (&out[SHORE_LEGAL_LINE_36]);
}

/**
 * shore_legal_line_crossed:
 * @line: a line from shore_legal_lines_for()
 * @annual_fraction: an annual rate as a fraction: 0.1825 is 18.25 %
 *
 * A line of 0 (no LPR known) is never crossed; a rate exactly on the line
 * does not cross it.
 *
 * Returns: whether @annual_fraction is above @line
 */
gboolean
shore_legal_line_crossed (const ShoreLegalLine *line,
                          double                annual_fraction)
{
  g_return_val_if_fail (line != NULL, FALSE);

  if (line->annual_hundredths <= 0)
    return FALSE;

  return annual_fraction > (double) line->annual_hundredths / 10000.0;
}
