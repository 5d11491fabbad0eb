/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What the budget and plan handouts share: table rows, owned strings for
 * drawings, the print style of their charts, month names in the handout's
 * language and the negotiating advice. */
#define G_LOG_DOMAIN "shore-handout"

#include "config.h"

#include <stdarg.h>
#include <string.h>

#include "../shore-evidence.h"
#include "../shore-intl.h"
#include "shore-handout-money-private.h"

static GPtrArray *
collect (char    *first,
         va_list  args)
{
  GPtrArray *cells = g_ptr_array_new ();

  for (char *cell = first; cell != NULL; cell = va_arg (args, char *))
    g_ptr_array_add (cells, cell);
  g_ptr_array_add (cells, NULL);
  return cells;
}

char **
shore_handout_money_strv (char *first,
                          ...)
{
  va_list args;
  GPtrArray *cells;

  va_start (args, first);
  cells = collect (first, args);
  va_end (args);
  return (char **) g_ptr_array_free (cells, FALSE);
}

void
shore_handout_money_add_row (GPtrArray *rows,
                             ...)
{
  va_list args;
  GPtrArray *cells;
  char *first;

  va_start (args, rows);
  first = va_arg (args, char *);
  cells = collect (first, args);
  va_end (args);
  g_ptr_array_add (rows, g_ptr_array_free (cells, FALSE));
}

const char *
shore_handout_money_keep (GPtrArray *strings,
                          char      *text)
{
  g_ptr_array_add (strings, text);
  return text;
}

void
shore_handout_money_add_paragraph_take (ShoreDocument *doc,
                                        char          *text)
{
  shore_document_add_paragraph (doc, text);
  g_free (text);
}

void
shore_handout_money_add_heading_printf (ShoreDocument *doc,
                                        const char    *format,
                                        ...)
{
  g_autofree char *text = NULL;
  va_list args;

  va_start (args, format);
  text = g_strdup_vprintf (format, args);
  va_end (args);
  shore_document_add_heading (doc, text);
}

void
shore_handout_money_print_style (ShoreChartStyle *style,
                                 double           width,
                                 double           height,
                                 const char      *language)
{
  shore_handout_print_style (style, width, height, SHORE_HANDOUT_MONEY_CHART_FONT_SCALE, language);
}

static gboolean
is_english (void)
{
  return g_strcmp0 (shore_i18n_get_thread_language (), "en") == 0;
}

/* English names do not come from the process's LC_TIME, which may be
 * Chinese (as shore_handout_format_date() does). */
char *
shore_handout_money_month_label (int month)
{
  static const char *const names[] = {
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
  };

  g_return_val_if_fail (month >= 1 && month <= 12, NULL);

  if (is_english ())
    return g_strdup (names[month - 1]);
  /* Translators: a month under a chart of a handout; %d is the month, 1 to 12. In Chinese “%d月”
   * (English handouts write “Nov” without this string) */
  return g_strdup_printf (C_("handout month", "%d"), month);
}

char *
shore_handout_money_month_year (const GDate *date)
{
  static const char *const names[] = {
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
  };

  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);

  if (is_english ())
    return g_strdup_printf ("%s %d", names[g_date_get_month (date) - 1], g_date_get_year (date));
  /* Translators: a month of a handout: %1$d is the year, %2$d the month, 1 to 12. In Chinese
   * “%1$d年%2$d月” (English handouts write “November 2026” without this string) */
  return g_strdup_printf (C_("handout month", "%2$d/%1$d"), g_date_get_year (date), g_date_get_month (date));
}

char *
shore_handout_money_cite_678 (void)
{
  /* The same citation as the letters' */
  return g_strdup_printf (_("%s; %s, %s"), _("《民法典》 Article 678"),
                          shore_evidence_kind_get_label (SHORE_EVIDENCE_KIND_LAW),
                          shore_evidence_confidence_get_label (SHORE_CONFIDENCE_PRIMARY));
}

char *
shore_handout_money_negotiate_text (void)
{
  g_autofree char *basis = shore_handout_money_cite_678 ();

  /* Translators: on the budget and plan handouts; %s is a citation (the document and article, the
   * kind of rule and how sure we are of it) */
  return g_strdup_printf (_("Ask your lenders in writing for a plan you can keep up with, and keep copies. "
                            "A change to the repayment terms needs the lender’s agreement (%s), so a lender "
                            "does not have to accept; stopping interest (停息挂账) is something to negotiate, "
                            "not a right. Collectors must respect your rights while you talk."), basis);
}
