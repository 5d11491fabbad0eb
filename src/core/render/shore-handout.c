/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shore-handout"

#include "config.h"

#include <string.h>

#include "../shore-intl.h"
#include "../shore-letters.h"
#include "shore-handout-private.h"

G_DEFINE_QUARK (shore-handout-error-quark, shore_handout_error)

static const struct
{
  const char *id;
  const char *label;
  const char *description;
} topics[SHORE_HANDOUT_N_TOPICS] = {
  [SHORE_HANDOUT_RIGHTS] = { "rights", N_("Your Rights When Collectors Call"),
                             N_("What collectors may and may not do, what you can do, and where to complain") },
  [SHORE_HANDOUT_OVERDUE] = { "overdue", N_("What Overdue Really Costs"),
                              N_("A loan's overdue charges day by day, with a chart and what happens when") },
  [SHORE_HANDOUT_BUDGET] = { "budget", N_("Budget Summary"),
                             N_("The month's income and spending, the budgets, and what is left for debts") },
  [SHORE_HANDOUT_PLAN] = { "plan", N_("Repayment Plan"),
                           N_("How the monthly amount for debts pays off every loan, month by month") },
  [SHORE_HANDOUT_LETTER] = { "letter", N_("Letter"),
                             N_("A letter from the rights guide, filled in from the data, ready to sign") },
  [SHORE_HANDOUT_EVIDENCE] = { "evidence", N_("Evidence Sheet"),
                               N_("The log of collection contacts, with the rules each one may break") },
};

/**
 * shore_handout_options_init:
 * @options: options to set
 * @topic: the handout
 * @language: "zh_CN", "zh_TW" or "en"
 * @today: the date the handout is as of
 *
 * Sets @options to the defaults for @topic.
 */
void
shore_handout_options_init (ShoreHandoutOptions *options,
                            ShoreHandoutTopic    topic,
                            const char          *language,
                            const GDate         *today)
{
  g_return_if_fail (options != NULL);

  memset (options, 0, sizeof *options);
  options->topic = topic;
  options->language = language;
  g_date_clear (&options->today, 1);
  if (today != NULL && g_date_valid (today))
    options->today = *today;
  options->strategy = SHORE_PAYOFF_AVALANCHE;
}

const char *
shore_handout_topic_to_string (ShoreHandoutTopic topic)
{
  g_return_val_if_fail (topic < SHORE_HANDOUT_N_TOPICS, NULL);
  return topics[topic].id;
}

gboolean
shore_handout_topic_from_string (const char        *text,
                                 ShoreHandoutTopic *out)
{
  for (guint i = 0; text != NULL && i < SHORE_HANDOUT_N_TOPICS; i++)
    if (strcmp (text, topics[i].id) == 0)
      {
        *out = (ShoreHandoutTopic) i;
        return TRUE;
      }
  return FALSE;
}

const char *
shore_handout_topic_get_label (ShoreHandoutTopic topic)
{
  g_return_val_if_fail (topic < SHORE_HANDOUT_N_TOPICS, NULL);
  return _(topics[topic].label);
}

const char *
shore_handout_topic_get_description (ShoreHandoutTopic topic)
{
  g_return_val_if_fail (topic < SHORE_HANDOUT_N_TOPICS, NULL);
  return _(topics[topic].description);
}

/**
 * shore_handout_format_date:
 * @date: a valid date
 *
 * Returns: @date as a handout writes it, in the thread's language
 */
char *
shore_handout_format_date (const GDate *date)
{
  static const char *const months[] = {
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
  };
  const char *language = shore_i18n_get_thread_language ();

  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);

  /* English month names do not come from the process's LC_TIME, which may
   * be Chinese. */
  if (language != NULL && strcmp (language, "en") == 0)
    return g_strdup_printf ("%d %s %d", g_date_get_day (date),
                            months[g_date_get_month (date) - 1], g_date_get_year (date));
  /* Translators: a date on a handout: %1$d is the year, %2$d the month, %3$d
   * the day; in Chinese “%1$d年%2$d月%3$d日” */
  return g_strdup_printf (_("%3$d/%2$d/%1$d"), g_date_get_year (date), g_date_get_month (date),
                          g_date_get_day (date));
}

void
shore_handout_print_style (ShoreChartStyle *style,
                           double           width,
                           double           height,
                           double           font_scale,
                           const char      *language)
{
  shore_chart_style_init (style, width, height);
  style->print = TRUE;
  style->font_scale = font_scale;
  style->language = language;
}

typedef struct
{
  ShoreChart *chart;
  char       *language;
  double      font_scale;
} ChartDrawing;

static void
chart_drawing_free (gpointer data)
{
  ChartDrawing *d = data;

  shore_chart_free (d->chart);
  g_free (d->language);
  g_free (d);
}

/* Draws only: every string of the chart was translated when it was built. */
static void
draw_chart (cairo_t *cr,
            double   width,
            double   height,
            gpointer data)
{
  ChartDrawing *d = data;
  ShoreChartStyle style;

  shore_handout_print_style (&style, width, height, d->font_scale, d->language);
  shore_chart_draw (d->chart, cr, &style);
}

void
shore_handout_add_chart (const ShoreHandoutContext *ctx,
                         ShoreChart                *chart,
                         double                     height,
                         double                     font_scale)
{
  ChartDrawing *d = g_new0 (ChartDrawing, 1);

  d->chart = chart;
  d->language = g_strdup (ctx->options->language);
  d->font_scale = font_scale;
  shore_document_add_drawing (ctx->doc, height, draw_chart, d, chart_drawing_free);
}

/**
 * shore_handout_subtitle:
 * @ctx: the handout being built
 * @extra: (nullable): more to say on the line
 *
 * Returns: the subtitle line: the date, the training case, @extra
 */
char *
shore_handout_subtitle (const ShoreHandoutContext *ctx,
                        const char                *extra)
{
  g_autofree char *date = shore_handout_format_date (&ctx->options->today);
  /* Translators: the first part of a handout's subtitle; %s is a date */
  GString *line = g_string_new (NULL);

  g_string_printf (line, _("As of %s"), date);
  /* A case's title names its lender: an anonymized handout leaves it out. */
  if (!ctx->options->anonymize &&
      ctx->options->case_title != NULL && *ctx->options->case_title != '\0')
    {
      /* Translators: separates the parts of a handout's subtitle */
      g_string_append (line, _(" · "));
      /* Translators: in a handout's subtitle; %s is the title of a training case */
      g_string_append_printf (line, _("Training case: %s"), ctx->options->case_title);
    }
  if (extra != NULL && *extra != '\0')
    {
      g_string_append (line, _(" · "));
      g_string_append (line, extra);
    }
  return g_string_free (line, FALSE);
}

static gboolean
check_options (const ShoreHandoutOptions *options,
               GError                   **error)
{
  g_autoptr(GError) local = NULL;

  if (options->topic >= SHORE_HANDOUT_N_TOPICS)
    {
      g_set_error (error, SHORE_HANDOUT_ERROR, SHORE_HANDOUT_ERROR_INVALID,
                   _("Unknown handout topic"));
      return FALSE;
    }
  if (!shore_i18n_language_check (options->language, &local))
    {
      g_set_error_literal (error, SHORE_HANDOUT_ERROR, SHORE_HANDOUT_ERROR_INVALID, local->message);
      return FALSE;
    }
  if (!g_date_valid (&options->today))
    {
      g_set_error (error, SHORE_HANDOUT_ERROR, SHORE_HANDOUT_ERROR_INVALID,
                   _("The handout needs a valid date"));
      return FALSE;
    }
  if (options->topic == SHORE_HANDOUT_LETTER && options->letter != NULL &&
      !shore_letter_id_is_valid (options->letter))
    {
      g_set_error (error, SHORE_HANDOUT_ERROR, SHORE_HANDOUT_ERROR_INVALID,
                   /* Translators: %s is what was given */
                   _("Unknown letter “%s”"), options->letter);
      return FALSE;
    }
  if (options->monthly_budget < 0)
    {
      g_set_error (error, SHORE_HANDOUT_ERROR, SHORE_HANDOUT_ERROR_INVALID,
                   _("The monthly amount for debts cannot be negative"));
      return FALSE;
    }
  return TRUE;
}

/**
 * shore_handout_set_error:
 * @ctx: the handout being built
 * @error: return location for an error
 * @code: a #ShoreHandoutError
 * @format: an untranslated printf format, marked with N_()
 *
 * Sets @error with @format translated in the UI's language (the person who
 * asked for the handout reads the error), not the handout's.
 */
void
shore_handout_set_error (const ShoreHandoutContext *ctx,
                         GError                   **error,
                         ShoreHandoutError          code,
                         const char                *format,
                         ...)
{
  const char *handout = shore_i18n_set_thread_language (ctx->ui_language);
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (_(format), args);
  va_end (args);
  shore_i18n_set_thread_language (handout);
  g_set_error_literal (error, SHORE_HANDOUT_ERROR, code, message);
}

typedef gboolean (*BuildFunc) (ShoreHandoutContext *ctx, GError **error);

static const BuildFunc builders[SHORE_HANDOUT_N_TOPICS] = {
  [SHORE_HANDOUT_RIGHTS] = shore_handout_build_rights,
  [SHORE_HANDOUT_OVERDUE] = shore_handout_build_overdue,
  [SHORE_HANDOUT_BUDGET] = shore_handout_build_budget,
  [SHORE_HANDOUT_PLAN] = shore_handout_build_plan,
  [SHORE_HANDOUT_LETTER] = shore_handout_build_letter,
  [SHORE_HANDOUT_EVIDENCE] = shore_handout_build_evidence,
};

/**
 * shore_handout_build:
 * @store: the data (never written)
 * @options: which handout, in which language, as of when
 * @error: return location for an error (in the UI's language)
 *
 * Returns: (transfer full) (nullable): the handout, ready to render
 */
ShoreDocument *
shore_handout_build (ShoreStore                *store,
                     const ShoreHandoutOptions *options,
                     GError                   **error)
{
  g_autoptr(ShoreDocument) doc = NULL;
  g_autoptr(ShoreStore) copy = NULL;
  g_autofree char *copy_dir = NULL;
  g_autoptr(GError) local = NULL;
  ShoreHandoutContext ctx = { 0, };
  const char *previous;
  gboolean ok;

  g_return_val_if_fail (SHORE_IS_STORE (store), NULL);
  g_return_val_if_fail (options != NULL, NULL);

  if (!check_options (options, error))
    return NULL;

  previous = shore_i18n_set_thread_language (options->language);

  ctx.store = store;
  ctx.ui_language = previous;
  if (options->anonymize)
    {
      copy = shore_handout_anonymized_copy (store, &copy_dir, &local);
      ctx.store = copy;
    }
  ok = local == NULL;
  if (ok)
    {
      doc = shore_document_new (options->language);
      ctx.options = options;
      ctx.doc = doc;
      /* Translators: the one-line footer of every handout page; keep it short,
       * it must fit on one line of an A4 page */
      shore_document_set_footer (doc, _("Information, not legal advice. Help: legal aid 12348 · "
                                        "financial complaints 12378 · police 110"));
      /* Translators: page numbers in a handout's footer: %1$u is the page, %2$u the count */
      shore_document_set_page_format (doc, _("Page %1$u of %2$u"));
      ok = builders[options->topic] (&ctx, &local);
    }

  g_clear_object (&copy);
  if (copy_dir != NULL)
    shore_handout_remove_dir (copy_dir);
  shore_i18n_set_thread_language (previous);

  if (!ok)
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return NULL;
    }
  return g_steal_pointer (&doc);
}

/**
 * shore_handout_file_name:
 * @options: the handout
 * @prefix: (nullable): a scenario name to start with
 *
 * Returns: a file name for the handout, ASCII
 */
char *
shore_handout_file_name (const ShoreHandoutOptions *options,
                         const char                *prefix)
{
  GString *name = g_string_new (NULL);

  if (prefix != NULL && *prefix != '\0')
    g_string_append_printf (name, "%s-", prefix);
  g_string_append (name, shore_handout_topic_to_string (options->topic));
  if (options->topic == SHORE_HANDOUT_LETTER)
    g_string_append_printf (name, "-%s", options->letter != NULL ? options->letter : "hardship");
  if (options->anonymize)
    g_string_append (name, "-anon");
  g_string_append_printf (name, "-%s.pdf", options->language);
  return g_string_free (name, FALSE);
}
