/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shore-cli"

#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

#include <glib.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "shore-cli.h"
#include "shore-cli-common.h"
#include "shore-handout.h"
#include "shore-i18n.h"
#include "shore-letters.h"
#include "shore-paths.h"
#include "shore-payoff.h"
#include "shore-store.h"
#include "shore-training.h"

/* `shore handout` writes handouts as A4 PDFs, from the user's data (never
 * written) or from a training scenario loaded into a throw-away store. Every
 * PDF is first written to a hidden temporary file next to its target and
 * renamed into place only when every one of them is ready, so a failure
 * leaves the output as it was. */

typedef struct
{
  char     *topic;
  char     *lang;
  char     *output;
  char     *scenario;
  char     *letter;
  char     *loan;
  char     *budget;
  char     *strategy;
  char     *name;
  char     *phone;
  char     *address;
  char     *as_of;
  gboolean  all;
  gboolean  anonymize;
  gboolean  list_scenarios;
} HandoutArgs;

/* What the options ask for, checked. */
typedef struct
{
  gboolean             all;
  ShoreHandoutTopic    topic;       /* single form */
  GStrv                languages;
  GStrv                scenarios;   /* NULL: the user's data */
  const char          *letter;
  gint64               loan_id;
  gint64               monthly_budget;
  ShorePayoffStrategy  strategy;
  GDate                as_of;
} Request;

/* Where a handout's data comes from: a store, and the scenario's texts when
 * it is a training case. */
typedef struct
{
  ShoreStore            *store;
  char                  *temp_dir;  /* a throw-away store's folder, removed afterwards */
  ShoreTrainingScenario *scenario;
} Source;

/* A handout rendered to @temp, to be renamed to @target. */
typedef struct
{
  char *temp;
  char *target;
} Pending;

static void
request_clear (Request *r)
{
  g_clear_pointer (&r->languages, g_strfreev);
  g_clear_pointer (&r->scenarios, g_strfreev);
}

static void
pending_free (Pending *p)
{
  if (p->temp != NULL)
    g_unlink (p->temp);
  g_free (p->temp);
  g_free (p->target);
  g_free (p);
}

/* Files */

static void
source_clear (Source *s)
{
  g_clear_object (&s->store);
  shore_paths_remove_tree (s->temp_dir, NULL);
  g_clear_pointer (&s->temp_dir, g_free);
  g_clear_pointer (&s->scenario, shore_training_scenario_free);
}

static gboolean
open_temp_store (Source  *s,
                 GError **error)
{
  s->temp_dir = g_dir_make_tmp ("shore-handout-XXXXXX", error);
  if (s->temp_dir == NULL)
    return FALSE;
  s->store = shore_store_open (s->temp_dir, error);
  return s->store != NULL;
}

/* The user's data; with no database yet, an empty throw-away store, so the
 * topics that need data say so and the rights still print. Creates nothing
 * in the data folder. */
static gboolean
open_user_source (Source      *s,
                  const char  *data_dir_option,
                  GError     **error)
{
  g_autofree char *data_dir = shore_paths_resolve_data_dir (data_dir_option);
  g_autofree char *db_path = shore_paths_database_file (data_dir);

  if (!g_file_test (db_path, G_FILE_TEST_EXISTS))
    return open_temp_store (s, error);

  s->store = shore_store_open (data_dir, error);
  return s->store != NULL;
}

/* A training scenario in @language: the names in the store and its texts
 * come out in that language's script. */
static gboolean
open_scenario_source (Source       *s,
                      const char   *name,
                      const char   *language,
                      const GDate  *as_of,
                      GError      **error)
{
  const char *previous;
  gboolean ok;

  if (!open_temp_store (s, error))
    return FALSE;

  previous = shore_i18n_set_thread_language (language);
  ok = shore_training_load (name, s->store, as_of, error) &&
       (s->scenario = shore_training_get (name, error)) != NULL;
  shore_i18n_set_thread_language (previous);
  return ok;
}

/* A hidden temporary file in @target's folder, to be renamed to @target. */
static char *
make_temp_next_to (const char  *target,
                   GError     **error)
{
  int saved = 0;
  char *path = shore_paths_make_temp_beside (target, &saved);

  if (path == NULL)
    {
      g_autofree char *dir = g_path_get_dirname (target);

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   /* Translators: the first %s is a folder, the second says what went wrong */
                   _("Could not write a file in “%s”: %s"), dir, g_strerror (saved));
    }
  return path;
}

/* Building and rendering */

typedef struct
{
  const Request *request;
  const char    *output;        /* the file (single form) or the folder (--all) */
  GPtrArray     *pending;       /* of Pending */
  GHashTable    *skipped;       /* file names without language already reported */
  GString       *report;        /* printed once everything is in place */
} Batch;

static void
fill_options (ShoreHandoutOptions *options,
              const Request       *request,
              const HandoutArgs   *args,
              const Source        *source,
              ShoreHandoutTopic    topic,
              const char          *language,
              const char          *letter)
{
  const ShoreTrainingScenario *scenario = source->scenario;
  /* An anonymized handout keeps the scenario's invented person out, and
   * its title, which may name the lender; what was typed on the command
   * line goes in as it is. */
  gboolean from_scenario = scenario != NULL && !args->anonymize;

  shore_handout_options_init (options, topic, language, &request->as_of);
  options->anonymize = args->anonymize;
  options->case_title = from_scenario ? scenario->title : NULL;
  options->letter = letter;
  options->borrower_name = args->name != NULL ? args->name : from_scenario ? scenario->borrower : NULL;
  options->borrower_phone = args->phone != NULL ? args->phone : from_scenario ? scenario->phone : NULL;
  options->borrower_address = args->address != NULL ? args->address
                              : from_scenario ? scenario->address : NULL;
  options->loan_id = request->loan_id;
  options->monthly_budget = request->monthly_budget;
  options->strategy = request->strategy;
}

/* Builds one handout and renders it to a temporary file. A topic the data
 * cannot fill is skipped in --all mode (once for all languages). */
static gboolean
render_one (Batch                     *batch,
            Source                    *source,
            const ShoreHandoutOptions *options,
            const char                *prefix,
            GError                   **error)
{
  g_autoptr(ShoreDocument) doc = NULL;
  g_autoptr(GError) local = NULL;
  g_autofree char *file_name = shore_handout_file_name (options, prefix);
  g_autofree char *target = NULL;
  Pending *pending;

  doc = shore_handout_build (source->store, options, &local);
  if (doc == NULL)
    {
      if (batch->request->all && g_error_matches (local, SHORE_HANDOUT_ERROR, SHORE_HANDOUT_ERROR_NO_DATA))
        {
          /* "plan-zh_CN.pdf" → "plan" */
          char *key = g_strndup (file_name, strlen (file_name) - strlen (options->language) - strlen ("-.pdf"));

          if (g_hash_table_add (batch->skipped, key))
            {
              g_string_append_printf (batch->report,
                                      /* Translators: a line of “shore handout --all”; %1$s is a handout
                                       * such as “five-platforms-evidence”, %2$s why it was not written */
                                      _("Skipped %1$s: %2$s"), key, local->message);
              g_string_append_c (batch->report, '\n');
            }
          return TRUE;
        }
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }

  target = batch->request->all ? g_build_filename (batch->output, file_name, NULL)
                               : g_strdup (batch->output);
  pending = g_new0 (Pending, 1);
  pending->target = g_steal_pointer (&target);
  g_ptr_array_add (batch->pending, pending);
  pending->temp = make_temp_next_to (pending->target, error);
  return pending->temp != NULL && shore_document_render_pdf (doc, pending->temp, error);
}

/* Every topic, and every letter, of one source in one language. */
static gboolean
render_all_topics (Batch             *batch,
                   Source            *source,
                   const HandoutArgs *args,
                   const char        *language,
                   const char        *prefix,
                   GError           **error)
{
  const char * const *letters = shore_letter_list_ids ();
  ShoreHandoutOptions options;

  for (guint t = 0; t < SHORE_HANDOUT_N_TOPICS; t++)
    {
      if (t != SHORE_HANDOUT_LETTER)
        {
          fill_options (&options, batch->request, args, source, (ShoreHandoutTopic) t, language, NULL);
          if (!render_one (batch, source, &options, prefix, error))
            return FALSE;
          continue;
        }
      for (guint l = 0; letters[l] != NULL; l++)
        {
          fill_options (&options, batch->request, args, source, SHORE_HANDOUT_LETTER, language,
                        letters[l]);
          if (!render_one (batch, source, &options, prefix, error))
            return FALSE;
        }
    }
  return TRUE;
}

static gboolean
render_language (Batch             *batch,
                 Source            *source,
                 const HandoutArgs *args,
                 const char        *language,
                 const char        *prefix,
                 GError           **error)
{
  ShoreHandoutOptions options;

  if (batch->request->all)
    return render_all_topics (batch, source, args, language, prefix, error);

  fill_options (&options, batch->request, args, source, batch->request->topic, language, args->letter);
  return render_one (batch, source, &options, prefix, error);
}

static gboolean
render_everything (Batch             *batch,
                   const HandoutArgs *args,
                   const char        *data_dir_option,
                   GError           **error)
{
  const Request *request = batch->request;

  if (request->scenarios == NULL)
    {
      Source source = { NULL, NULL, NULL };
      gboolean ok = open_user_source (&source, data_dir_option, error);

      for (guint l = 0; ok && request->languages[l] != NULL; l++)
        ok = render_language (batch, &source, args, request->languages[l], NULL, error);
      source_clear (&source);
      return ok;
    }

  /* Names are written into the store in the handout's language: one store
   * per scenario and language. */
  for (guint s = 0; request->scenarios[s] != NULL; s++)
    for (guint l = 0; request->languages[l] != NULL; l++)
      {
        Source source = { NULL, NULL, NULL };
        const char *name = request->scenarios[s];
        gboolean ok;

        ok = open_scenario_source (&source, name, request->languages[l], &request->as_of, error) &&
             render_language (batch, &source, args, request->languages[l],
                              request->all ? name : NULL, error);
        source_clear (&source);
        if (!ok)
          return FALSE;
      }
  return TRUE;
}

/* Renames every temporary file into place; stops at the first failure (the
 * rest are removed with the batch). */
static gboolean
commit (Batch   *batch,
        GError **error)
{
  for (guint i = 0; i < batch->pending->len; i++)
    {
      Pending *p = g_ptr_array_index (batch->pending, i);

      if (g_rename (p->temp, p->target) != 0)
        {
          int saved = errno;

          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                       /* Translators: the first %s is a file, the second says what went wrong */
                       _("Could not write “%s”: %s"), p->target, g_strerror (saved));
          return FALSE;
        }
      g_clear_pointer (&p->temp, g_free);
      /* Translators: a line of “shore handout”; %s is the PDF file written */
      g_string_append_printf (batch->report, _("Wrote %s"), p->target);
      g_string_append_c (batch->report, '\n');
    }
  return TRUE;
}

/* Options */

/* “zh_CN, zh_TW” → { "zh_CN", "zh_TW" } */
static GStrv
split_list (const char *text)
{
  GStrv parts = g_strsplit (text, ",", -1);

  for (guint i = 0; parts[i] != NULL; i++)
    g_strstrip (parts[i]);
  return parts;
}

/* Each of @items once, in order. */
static GStrv
strv_unique (const char * const *items)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GPtrArray) seen = g_ptr_array_new ();

  for (guint i = 0; items[i] != NULL; i++)
    if (!g_ptr_array_find_with_equal_func (seen, items[i], g_str_equal, NULL))
      {
        g_ptr_array_add (seen, (gpointer) items[i]);
        g_strv_builder_add (builder, items[i]);
      }
  return g_strv_builder_end (builder);
}

static gboolean
parse_languages (const char  *text,
                 gboolean     all,
                 GStrv       *out,
                 GError     **error)
{
  g_auto(GStrv) parts = split_list (text);

  if (!all && g_strv_length (parts) != 1)
    {
      shore_cli_set_bad_value (error,
                               /* Translators: %s is the option “--lang”; keep zh_CN, zh_TW and en as they are */
                               _("Give one language to “%s”: zh_CN, zh_TW or en; several go with “--all” only"),
                               "--lang");
      return FALSE;
    }
  for (guint i = 0; parts[i] != NULL; i++)
    if (!shore_i18n_language_is_valid (parts[i]))
      {
        shore_cli_set_bad_value (error,
                                 /* Translators: the first %s is what the user typed, the second the option “--lang”; keep zh_CN, zh_TW and en as they are */
                                 _("“%s” is not valid for “%s”; use zh_CN, zh_TW or en"), parts[i], "--lang");
        return FALSE;
      }
  *out = strv_unique ((const char * const *) parts);
  return TRUE;
}

static gboolean
parse_scenarios (const char  *text,
                 gboolean     all,
                 GStrv       *out,
                 GError     **error)
{
  const char * const *names = shore_training_list_names ();
  g_auto(GStrv) parts = NULL;

  if (all && strcmp (text, "all") == 0)
    {
      *out = g_strdupv ((char **) names);
      return TRUE;
    }

  parts = split_list (text);
  if (!all && g_strv_length (parts) != 1)
    {
      shore_cli_set_bad_value (error,
                               /* Translators: %s is the option “--scenario” */
                               _("Give one training case to “%s”; several go with “--all” only"), "--scenario");
      return FALSE;
    }
  for (guint i = 0; parts[i] != NULL; i++)
    if (!shore_training_name_is_valid (parts[i]))
      {
        g_autofree char *known = g_strjoinv (", ", (char **) names);

        shore_cli_set_bad_value (error,
                                 /* Translators: the first %s is what the user typed, the second the training cases' names, keep them as they are */
                                 _("“%s” is not a training case; use one of %s"), parts[i], known);
        return FALSE;
      }
  *out = strv_unique ((const char * const *) parts);
  return TRUE;
}

static gboolean
conflict (const char  *option,
          const char  *other,
          GError     **error)
{
  shore_cli_set_bad_value (error,
                           /* Translators: both %s are command-line options, such as “--topic” and “--all” */
                           _("“%s” cannot be used with “%s”"), option, other);
  return FALSE;
}

static gboolean
check_output (const ShoreCliCommand  *cmd,
              const char             *output,
              gboolean                all,
              GError                **error)
{
  g_autofree char *dir = NULL;

  if (!shore_cli_require (cmd, "-o", output, error))
    return FALSE;

  if (all)
    {
      if (g_file_test (output, G_FILE_TEST_IS_DIR))
        return TRUE;
      shore_cli_set_bad_value (error,
                               /* Translators: %s is what the user typed after “-o” */
                               _("“%s” is not a folder; with “--all”, “-o” names the folder to write into"), output);
      return FALSE;
    }

  dir = g_path_get_dirname (output);
  if (g_file_test (output, G_FILE_TEST_IS_DIR))
    {
      shore_cli_set_bad_value (error,
                               /* Translators: %s is what the user typed after “-o” */
                               _("“%s” is a folder; give the name of the PDF file to write"), output);
      return FALSE;
    }
  if (!g_file_test (dir, G_FILE_TEST_IS_DIR))
    {
      shore_cli_set_bad_value (error,
                               /* Translators: %s is a folder */
                               _("The folder “%s” does not exist"), dir);
      return FALSE;
    }
  return TRUE;
}

static gboolean
parse_topic (const HandoutArgs  *args,
             Request            *request,
             GError            **error)
{
  if (!shore_handout_topic_from_string (args->topic, &request->topic))
    {
      shore_cli_set_bad_value (error,
                               /* Translators: the first %s is what the user typed, the second the option “--topic”; keep the topic names as they are */
                               _("“%s” is not valid for “%s”; use rights, overdue, budget, plan, letter or evidence"),
                               args->topic, "--topic");
      return FALSE;
    }
  if (args->letter != NULL && request->topic != SHORE_HANDOUT_LETTER)
    {
      shore_cli_set_bad_value (error,
                               /* Translators: keep the options “--letter” and “--topic letter” as they are */
                               _("“--letter” goes with “--topic letter”"));
      return FALSE;
    }
  return TRUE;
}

static gboolean
parse_letter (const char  *letter,
              GError     **error)
{
  g_autofree char *known = NULL;

  if (letter == NULL || shore_letter_id_is_valid (letter))
    return TRUE;

  known = g_strjoinv (", ", (char **) shore_letter_list_ids ());
  shore_cli_set_bad_value (error,
                           /* Translators: the first %s is what the user typed, the second the option “--letter”, the third the letters' names, keep them as they are */
                           _("“%s” is not valid for “%s”; use one of %s"), letter, "--letter", known);
  return FALSE;
}

static gboolean
parse_numbers (const HandoutArgs  *args,
               Request            *request,
               GError            **error)
{
  int loan_id = 0;

  if (args->loan != NULL)
    {
      if (!shore_cli_parse_int ("--loan", args->loan, 1, G_MAXINT, &loan_id, error))
        return FALSE;
      request->loan_id = loan_id;
    }
  if (args->budget != NULL &&
      !shore_cli_parse_money ("--monthly-budget", args->budget, FALSE, &request->monthly_budget, error))
    return FALSE;
  if (args->strategy != NULL && !shore_payoff_strategy_from_string (args->strategy, &request->strategy))
    {
      shore_cli_set_bad_value (error,
                               /* Translators: the first %s is what the user typed, the second the option “--strategy”; keep the strategy names as they are */
                               _("“%s” is not valid for “%s”; use avalanche, snowball or overdue-first"),
                               args->strategy, "--strategy");
      return FALSE;
    }
  if (args->as_of == NULL)
    shore_cli_today (&request->as_of);
  else if (!shore_cli_parse_date ("--as-of", args->as_of, &request->as_of, error))
    return FALSE;
  return TRUE;
}

static gboolean
parse_request (const ShoreCliCommand  *cmd,
               const HandoutArgs      *args,
               Request                *request,
               GError                **error)
{
  request->all = args->all;
  request->strategy = SHORE_PAYOFF_AVALANCHE;
  g_date_clear (&request->as_of, 1);

  if (args->all)
    {
      if (args->topic != NULL)
        return conflict ("--topic", "--all", error);
      if (args->letter != NULL)
        return conflict ("--letter", "--all", error);
    }
  else if (!shore_cli_require (cmd, "--topic", args->topic, error) ||
           !parse_topic (args, request, error))
    return FALSE;

  if (!parse_letter (args->letter, error) ||
      !shore_cli_require (cmd, "--lang", args->lang, error) ||
      !parse_languages (args->lang, args->all, &request->languages, error) ||
      (args->scenario != NULL &&
       !parse_scenarios (args->scenario, args->all, &request->scenarios, error)) ||
      !parse_numbers (args, request, error))
    return FALSE;

  return check_output (cmd, args->output, args->all, error);
}

/* --list-scenarios */

static int
list_scenarios (void)
{
  const char * const *names = shore_training_list_names ();
  g_autoptr(GString) out = g_string_new (NULL);
  int width = 0;

  for (guint i = 0; names[i] != NULL; i++)
    width = MAX (width, (int) strlen (names[i]));

  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autoptr(ShoreTrainingScenario) scenario = NULL;
      g_autoptr(GError) error = NULL;

      scenario = shore_training_get (names[i], &error);
      if (scenario == NULL)
        return shore_cli_fail_error (error);
      shore_cli_append_padded (out, names[i], width + 2, FALSE);
      g_string_append_printf (out, "%s\n", scenario->title);
    }
  fputs (out->str, stdout);
  return SHORE_CLI_EXIT_OK;
}

static int
run (ShoreCliCommand *cmd,
     HandoutArgs     *args)
{
  Request request = { 0, };
  Batch batch = { &request, args->output,
                  g_ptr_array_new_with_free_func ((GDestroyNotify) pending_free),
                  g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL),
                  g_string_new (NULL) };
  g_autoptr(GError) error = NULL;
  int status = SHORE_CLI_EXIT_OK;

  if (args->list_scenarios)
    status = list_scenarios ();
  else if (!parse_request (cmd, args, &request, &error) ||
           !render_everything (&batch, args, cmd->data_dir, &error) ||
           !commit (&batch, &error))
    status = shore_cli_fail_error (error);
  else
    {
      fputs (batch.report->str, stdout);
      if (request.all)
        {
          printf (g_dngettext (GETTEXT_PACKAGE,
                               /* Translators: the last line of “shore handout --all”; %1$u is a count, %2$s a folder */
                               "%1$u handout written to %2$s",
                               "%1$u handouts written to %2$s",
                               batch.pending->len),
                  batch.pending->len, args->output);
          printf ("\n");
        }
    }

  /* Removes whatever temporary file is left after a failure. */
  g_ptr_array_unref (batch.pending);
  g_hash_table_unref (batch.skipped);
  g_string_free (batch.report, TRUE);
  request_clear (&request);
  return status;
}

static void
args_clear (HandoutArgs *args)
{
  g_free (args->topic);
  g_free (args->lang);
  g_free (args->output);
  g_free (args->scenario);
  g_free (args->letter);
  g_free (args->loan);
  g_free (args->budget);
  g_free (args->strategy);
  g_free (args->name);
  g_free (args->phone);
  g_free (args->address);
  g_free (args->as_of);
}

static void
add_options (ShoreCliCommand *cmd,
             HandoutArgs     *args)
{
  GOptionEntry output = { "output", 'o', 0, G_OPTION_ARG_FILENAME, &args->output,
                          N_("The PDF file to write; with --all, the folder to write into"), "FILE" };

  shore_cli_command_add_option (cmd, "topic", &args->topic, "TOPIC",
                                N_("The handout: rights, overdue, budget, plan, letter or evidence"));
  shore_cli_command_add_option (cmd, "lang", &args->lang, "LANG",
                                N_("The handout’s language: zh_CN, zh_TW or en (with --all, a list such as zh_CN,zh_TW)"));
  g_array_append_val (cmd->entries, output);
  shore_cli_command_add_flag (cmd, "all", &args->all,
                              N_("Write every handout, every letter included, in each language"));
  shore_cli_command_add_option (cmd, "scenario", &args->scenario, "NAME",
                                N_("Use a training case instead of your data (with --all, a list or “all”)"));
  shore_cli_command_add_flag (cmd, "list-scenarios", &args->list_scenarios,
                              N_("List the training cases"));
  shore_cli_command_add_flag (cmd, "anonymize", &args->anonymize,
                              N_("Replace names, phone numbers and lenders"));
  shore_cli_command_add_option (cmd, "letter", &args->letter, "LETTER",
                                N_("The letter: hardship, complaint, credit-dispute or stop-third-parties (default: hardship)"));
  shore_cli_command_add_option (cmd, "loan", &args->loan, "ID",
                                N_("The loan the handout is about (default: the one overdue longest)"));
  shore_cli_command_add_option (cmd, "monthly-budget", &args->budget, "A",
                                N_("What can go to debts every month, for the plan (default: the budget’s surplus)"));
  shore_cli_command_add_option (cmd, "strategy", &args->strategy, "S",
                                N_("The plan’s strategy: avalanche (the default), snowball or overdue-first"));
  shore_cli_command_add_option (cmd, "name", &args->name, "N", N_("The borrower’s name, for letters"));
  shore_cli_command_add_option (cmd, "phone", &args->phone, "P", N_("The borrower’s phone number, for letters"));
  shore_cli_command_add_option (cmd, "address", &args->address, "A", N_("The borrower’s address, for letters"));
  shore_cli_command_add_option (cmd, "as-of", &args->as_of, "YYYY-MM-DD",
                                N_("The date of the handout (default: today)"));
}

/**
 * shore_cli_handout_run:
 *
 * `shore handout --topic T --lang L -o FILE.pdf [--scenario NAME] …`, or
 * `shore handout --all --lang L,L -o DIR [--scenario NAME,…|all]`, or
 * `shore handout --list-scenarios`.
 *
 * Returns: the exit status
 */
int
shore_cli_handout_run (int    argc,
                       char **argv)
{
  ShoreCliCommand cmd;
  HandoutArgs args = { 0, };
  int status = SHORE_CLI_EXIT_OK;

  shore_cli_command_init (&cmd, "handout",
                          "shore handout --topic rights|overdue|budget|plan|letter|evidence --lang zh_CN|zh_TW|en -o FILE.pdf [--scenario NAME] [--anonymize] [--letter L] [--loan ID] [--monthly-budget A] [--strategy S] [--name N --phone P --address A] [--as-of YYYY-MM-DD]\n"
                          "       shore handout --all --lang zh_CN,zh_TW[,en] -o DIR [--scenario NAME[,NAME…]|all] [--anonymize]\n"
                          "       shore handout --list-scenarios",
                          N_("Write print-ready A4 handouts as PDF, from your data or a training case, in simplified or traditional Chinese or English."));
  add_options (&cmd, &args);

  if (shore_cli_command_parse (&cmd, argc, argv, &status))
    status = run (&cmd, &args);

  args_clear (&args);
  shore_cli_command_clear (&cmd);
  return status;
}
