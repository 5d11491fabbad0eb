/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Training scenarios (data/scenarios/scenarios.xml, in the core resources).
 *
 * The file is parsed once, untranslated: the model keeps the English
 * msgids and translates them (in the calling thread's language) when a
 * scenario is described or written, the way the guide does.
 *
 * shore_training_load() writes a whole scenario in ONE store transaction
 * (shore-training-load.c writes the rows).
 */

#define G_LOG_DOMAIN "shore-training"

#include "config.h"

#include <string.h>

#include <gio/gio.h>
#include "shore-intl.h"

#include "shore-core-resources.h"
#include "shore-markup.h"
#include "shore-training-private.h"

#define SCENARIOS_RESOURCE "/io/github/shoreapp/Shore/core/scenarios.xml"

typedef struct
{
  GPtrArray *scenarios;             /* ShoreTrainingCase* */
  char      *error;                 /* why the file could not be read, or NULL */
} Model;

static const char *const names[] = { "weilidai-overdue", "five-platforms", "high-cost", "harassment", NULL };

G_DEFINE_QUARK (shore-training-error-quark, shore_training_error)

/* ---- the model ---- */

static void
account_free (gpointer data)
{
  ShoreTrainingAccount *account = data;

  g_free (account->key);
  g_free (account->name);
  g_free (account);
}

static void
loan_free (gpointer data)
{
  ShoreTrainingLoan *loan = data;

  g_free (loan->key);
  shore_loan_free (loan->loan);
  g_free (loan->account);
  g_free (loan);
}

static void
entry_free (gpointer data)
{
  ShoreTrainingEntry *entry = data;

  g_clear_pointer (&entry->days, g_array_unref);
  g_free (entry->category);
  g_free (entry->account);
  g_free (entry->payee);
  g_free (entry->note);
  g_free (entry);
}

static void
budget_free (gpointer data)
{
  ShoreTrainingBudget *budget = data;

  g_free (budget->category);
  g_free (budget);
}

static void
contact_free (gpointer data)
{
  ShoreTrainingContact *contact = data;

  g_free (contact->loan);
  g_free (contact->phone);
  g_free (contact->organization);
  g_free (contact->person);
  g_free (contact->said);
  g_free (contact->third_parties);
  g_free (contact);
}

static void
scenario_free (gpointer data)
{
  ShoreTrainingCase *scenario = data;

  g_free (scenario->name);
  g_free (scenario->title);
  g_free (scenario->summary);
  g_free (scenario->borrower);
  g_free (scenario->phone);
  g_free (scenario->address);
  g_ptr_array_unref (scenario->accounts);
  g_ptr_array_unref (scenario->loans);
  g_ptr_array_unref (scenario->entries);
  g_ptr_array_unref (scenario->budgets);
  g_ptr_array_unref (scenario->contacts);
  g_free (scenario);
}

/* ---- parsing ---- */

typedef struct
{
  Model     *model;
  ShoreTrainingCase  *scenario;
  GString   *text;
  char     **text_out;              /* where the element's text goes; NULL: none expected */
} ParseState;

static gboolean
data_error (GMarkupParseContext  *context,
            GError              **error,
            const char           *what)
{
  return shore_markup_error (context, error, SHORE_TRAINING_ERROR, SHORE_TRAINING_ERROR_INVALID,
                             "scenarios.xml", what);
}

static gboolean
parse_int64 (const char *text,
             gint64      min,
             gint64      max,
             gint64     *out)
{
  return text != NULL && g_ascii_string_to_signed (text, 10, min, max, out, NULL);
}

static gboolean
parse_int (const char *text,
           int         min,
           int         max,
           int        *out)
{
  gint64 value;

  if (!parse_int64 (text, min, max, &value))
    return FALSE;
  *out = (int) value;
  return TRUE;
}

static gboolean
parse_yes_no (const char *text,
              gboolean    fallback,
              gboolean   *out)
{
  if (text == NULL)
    *out = fallback;
  else if (g_str_equal (text, "yes"))
    *out = TRUE;
  else if (g_str_equal (text, "no"))
    *out = FALSE;
  else
    return FALSE;
  return TRUE;
}

static gboolean
start_scenario (GMarkupParseContext  *context,
                ParseState           *state,
                const char          **attr_names,
                const char          **values,
                GError              **error)
{
  const char *name = NULL;
  ShoreTrainingCase *scenario;

  if (!g_markup_collect_attributes ("scenario", attr_names, values, error,
                                    G_MARKUP_COLLECT_STRING, "name", &name,
                                    G_MARKUP_COLLECT_INVALID))
    return FALSE;
  if (!g_strv_contains (names, name))
    return data_error (context, error, "a scenario name is not one of the known names");
  for (guint i = 0; i < state->model->scenarios->len; i++)
    if (g_str_equal (((ShoreTrainingCase *) state->model->scenarios->pdata[i])->name, name))
      return data_error (context, error, "a scenario appears twice");

  scenario = g_new0 (ShoreTrainingCase, 1);
  scenario->name = g_strdup (name);
  scenario->accounts = g_ptr_array_new_with_free_func (account_free);
  scenario->loans = g_ptr_array_new_with_free_func (loan_free);
  scenario->entries = g_ptr_array_new_with_free_func (entry_free);
  scenario->budgets = g_ptr_array_new_with_free_func (budget_free);
  scenario->contacts = g_ptr_array_new_with_free_func (contact_free);
  g_ptr_array_add (state->model->scenarios, scenario);
  state->scenario = scenario;
  return TRUE;
}

static gboolean
start_account (GMarkupParseContext  *context,
               ParseState           *state,
               const char          **attr_names,
               const char          **values,
               GError              **error)
{
  const char *key = NULL, *kind = NULL, *opening = NULL;
  ShoreTrainingAccount *account;

  if (!g_markup_collect_attributes ("account", attr_names, values, error,
                                    G_MARKUP_COLLECT_STRING, "key", &key,
                                    G_MARKUP_COLLECT_STRING, "kind", &kind,
                                    G_MARKUP_COLLECT_STRING | G_MARKUP_COLLECT_OPTIONAL, "opening", &opening,
                                    G_MARKUP_COLLECT_INVALID))
    return FALSE;

  account = g_new0 (ShoreTrainingAccount, 1);
  account->key = g_strdup (key);
  g_ptr_array_add (state->scenario->accounts, account);

  if (!shore_account_kind_from_string (kind, &account->kind))
    return data_error (context, error, "<account kind> is not an account kind");
  if (opening != NULL && !parse_int64 (opening, -G_GINT64_CONSTANT (100000000000), G_GINT64_CONSTANT (100000000000),
                                       &account->opening))
    return data_error (context, error, "<account opening> is not an amount in fen");
  return TRUE;
}

static gboolean
start_loan (GMarkupParseContext  *context,
            ParseState           *state,
            const char          **attr_names,
            const char          **values,
            GError              **error)
{
  const char *key = NULL, *type = NULL, *principal = NULL, *rate = NULL, *fee_rate = NULL;
  const char *upfront = NULL, *term = NULL, *method = NULL, *paid = NULL, *due = NULL, *account = NULL;
  ShoreLoan *terms;
  ShoreTrainingLoan *loan;

  if (!g_markup_collect_attributes ("loan", attr_names, values, error,
                                    G_MARKUP_COLLECT_STRING, "key", &key,
                                    G_MARKUP_COLLECT_STRING, "lender-type", &type,
                                    G_MARKUP_COLLECT_STRING, "principal", &principal,
                                    G_MARKUP_COLLECT_STRING, "rate", &rate,
                                    G_MARKUP_COLLECT_STRING | G_MARKUP_COLLECT_OPTIONAL, "fee-rate", &fee_rate,
                                    G_MARKUP_COLLECT_STRING | G_MARKUP_COLLECT_OPTIONAL, "upfront-fee", &upfront,
                                    G_MARKUP_COLLECT_STRING, "term", &term,
                                    G_MARKUP_COLLECT_STRING, "method", &method,
                                    G_MARKUP_COLLECT_STRING, "paid", &paid,
                                    G_MARKUP_COLLECT_STRING, "due", &due,
                                    G_MARKUP_COLLECT_STRING, "account", &account,
                                    G_MARKUP_COLLECT_INVALID))
    return FALSE;

  loan = g_new0 (ShoreTrainingLoan, 1);
  loan->key = g_strdup (key);
  loan->account = g_strdup (account);
  loan->loan = terms = shore_loan_new ();
  g_clear_pointer (&terms->lender, g_free);
  g_ptr_array_add (state->scenario->loans, loan);

  if (!shore_lender_type_from_string (type, &terms->lender_type)
      || !parse_int64 (principal, 1, G_MAXINT64, &terms->principal)
      || !shore_rate_parse (rate, &terms->rate, NULL)
      || (fee_rate != NULL && !shore_rate_parse (fee_rate, &terms->monthly_fee_rate, NULL))
      || (upfront != NULL && !parse_int64 (upfront, 0, G_MAXINT64, &terms->upfront_fee))
      || !parse_int (term, 1, SHORE_LOAN_TERM_MAX, &terms->term_months)
      || !shore_method_from_string (method, &terms->method)
      || !parse_int (paid, 0, SHORE_LOAN_TERM_MAX - 1, &loan->paid)
      || !parse_int (due, -1000, 27, &loan->due))
    return data_error (context, error, "a <loan> attribute is out of range");
  terms->has_monthly_fee_rate = fee_rate != NULL;
  return TRUE;
}

static gboolean
parse_days (const char *text,
            GArray     *out)
{
  g_auto(GStrv) parts = g_strsplit (text, " ", -1);

  for (guint i = 0; parts[i] != NULL; i++)
    {
      int day;

      if (parts[i][0] == '\0')
        continue;
      if (!parse_int (parts[i], 1, 31, &day))
        return FALSE;
      g_array_append_val (out, day);
    }
  return out->len > 0;
}

static gboolean
start_entry (GMarkupParseContext  *context,
             ParseState           *state,
             const char           *element,
             const char          **attr_names,
             const char          **values,
             GError              **error)
{
  const char *days = NULL, *amount = NULL, *category = NULL, *account = NULL, *recurring = NULL;
  gboolean monthly = g_str_equal (element, "monthly");
  ShoreTrainingEntry *entry;

  if (!g_markup_collect_attributes (element, attr_names, values, error,
                                    G_MARKUP_COLLECT_STRING, "days", &days,
                                    G_MARKUP_COLLECT_STRING, "amount", &amount,
                                    G_MARKUP_COLLECT_STRING, "category", &category,
                                    G_MARKUP_COLLECT_STRING, "account", &account,
                                    G_MARKUP_COLLECT_STRING | G_MARKUP_COLLECT_OPTIONAL, "recurring", &recurring,
                                    G_MARKUP_COLLECT_INVALID))
    return FALSE;

  entry = g_new0 (ShoreTrainingEntry, 1);
  entry->category = g_strdup (category);
  entry->account = g_strdup (account);
  g_ptr_array_add (state->scenario->entries, entry);

  if (monthly)
    {
      entry->days = g_array_new (FALSE, FALSE, sizeof (int));
      if (!parse_days (days, entry->days))
        return data_error (context, error, "<monthly days> is not a list of days of the month");
    }
  else if (!parse_int (days, -1000, 0, &entry->offset))
    return data_error (context, error, "<entry days> is not a number of days before the load day");

  if (!parse_int64 (amount, -G_GINT64_CONSTANT (100000000000), G_GINT64_CONSTANT (100000000000), &entry->amount)
      || entry->amount == 0)
    return data_error (context, error, "an entry's amount is not a non-zero amount in fen");
  if (!parse_yes_no (recurring, FALSE, &entry->recurring)
      || (entry->recurring && (!monthly || entry->days->len != 1)))
    return data_error (context, error, "only a <monthly> entry on one day can be recurring");
  return TRUE;
}

static gboolean
start_budget (GMarkupParseContext  *context,
              ParseState           *state,
              const char          **attr_names,
              const char          **values,
              GError              **error)
{
  const char *category = NULL, *amount = NULL;
  ShoreTrainingBudget *budget;

  if (!g_markup_collect_attributes ("budget", attr_names, values, error,
                                    G_MARKUP_COLLECT_STRING, "category", &category,
                                    G_MARKUP_COLLECT_STRING, "amount", &amount,
                                    G_MARKUP_COLLECT_INVALID))
    return FALSE;

  budget = g_new0 (ShoreTrainingBudget, 1);
  budget->category = g_strdup (category);
  g_ptr_array_add (state->scenario->budgets, budget);
  if (!parse_int64 (amount, 1, G_GINT64_CONSTANT (100000000000), &budget->amount))
    return data_error (context, error, "<budget amount> is not an amount in fen");
  return TRUE;
}

static gboolean
parse_time (const char *text,
            int        *hour,
            int        *minute)
{
  g_auto(GStrv) parts = NULL;

  if (text == NULL || strlen (text) != 5 || text[2] != ':')
    return FALSE;
  parts = g_strsplit (text, ":", 2);
  return parse_int (parts[0], 0, 23, hour) && parse_int (parts[1], 0, 59, minute);
}

static gboolean
start_contact (GMarkupParseContext  *context,
               ParseState           *state,
               const char          **attr_names,
               const char          **values,
               GError              **error)
{
  const char *days = NULL, *time = NULL, *channel = NULL, *connected = NULL, *duration = NULL;
  const char *loan = NULL, *demanded = NULL, *phone = NULL;
  ShoreTrainingContact *contact;

  if (!g_markup_collect_attributes ("contact", attr_names, values, error,
                                    G_MARKUP_COLLECT_STRING, "days", &days,
                                    G_MARKUP_COLLECT_STRING, "time", &time,
                                    G_MARKUP_COLLECT_STRING, "channel", &channel,
                                    G_MARKUP_COLLECT_STRING | G_MARKUP_COLLECT_OPTIONAL, "connected", &connected,
                                    G_MARKUP_COLLECT_STRING | G_MARKUP_COLLECT_OPTIONAL, "duration", &duration,
                                    G_MARKUP_COLLECT_STRING | G_MARKUP_COLLECT_OPTIONAL, "loan", &loan,
                                    G_MARKUP_COLLECT_STRING | G_MARKUP_COLLECT_OPTIONAL, "demanded", &demanded,
                                    G_MARKUP_COLLECT_STRING, "phone", &phone,
                                    G_MARKUP_COLLECT_INVALID))
    return FALSE;

  contact = g_new0 (ShoreTrainingContact, 1);
  contact->loan = g_strdup (loan);
  contact->phone = g_strdup (phone);
  contact->duration = -1;
  g_ptr_array_add (state->scenario->contacts, contact);

  if (!parse_int (days, -1000, -1, &contact->offset)
      || !parse_time (time, &contact->hour, &contact->minute)
      || !shore_contact_channel_from_string (channel, &contact->channel)
      || !parse_yes_no (connected, TRUE, &contact->connected)
      || (duration != NULL && !parse_int (duration, 0, 86400, &contact->duration))
      || (demanded != NULL && !parse_int64 (demanded, 1, G_GINT64_CONSTANT (100000000000), &contact->demanded)))
    return data_error (context, error, "a <contact> attribute is out of range");
  return TRUE;
}

/* The msgid slot of a text element inside @parent, or NULL. */
static char **
text_slot (ParseState *state,
           const char *parent,
           const char *element)
{
  ShoreTrainingCase *scenario = state->scenario;
  GPtrArray *list = NULL;
  gpointer last;

  if (g_str_equal (parent, "scenario"))
    {
      if (g_str_equal (element, "title"))
        return &scenario->title;
      if (g_str_equal (element, "summary"))
        return &scenario->summary;
      return NULL;
    }
  if (g_str_equal (parent, "borrower"))
    return g_str_equal (element, "name") ? &scenario->borrower
         : g_str_equal (element, "address") ? &scenario->address : NULL;

  if (g_str_equal (parent, "account"))
    list = scenario->accounts;
  else if (g_str_equal (parent, "loan"))
    list = scenario->loans;
  else if (g_str_equal (parent, "monthly") || g_str_equal (parent, "entry"))
    list = scenario->entries;
  else if (g_str_equal (parent, "contact"))
    list = scenario->contacts;
  if (list == NULL || list->len == 0)
    return NULL;
  last = list->pdata[list->len - 1];

  if (list == scenario->accounts)
    return g_str_equal (element, "name") ? &((ShoreTrainingAccount *) last)->name : NULL;
  if (list == scenario->loans)
    return g_str_equal (element, "lender") ? &((ShoreTrainingLoan *) last)->loan->lender
         : g_str_equal (element, "note") ? &((ShoreTrainingLoan *) last)->loan->note : NULL;
  if (list == scenario->entries)
    return g_str_equal (element, "payee") ? &((ShoreTrainingEntry *) last)->payee
         : g_str_equal (element, "note") ? &((ShoreTrainingEntry *) last)->note : NULL;

  return g_str_equal (element, "organization") ? &((ShoreTrainingContact *) last)->organization
       : g_str_equal (element, "person") ? &((ShoreTrainingContact *) last)->person
       : g_str_equal (element, "said") ? &((ShoreTrainingContact *) last)->said
       : g_str_equal (element, "third-parties") ? &((ShoreTrainingContact *) last)->third_parties : NULL;
}

static gboolean
start_text (GMarkupParseContext  *context,
            ParseState           *state,
            const char           *parent,
            const char           *element,
            const char          **attr_names,
            const char          **values,
            GError              **error)
{
  const char *note = NULL;
  char **slot = text_slot (state, parent, element);

  if (slot == NULL || *slot != NULL)
    return data_error (context, error, "an unexpected or repeated element");
  /* <said note> is for translators only (scenarios.its) */
  if (!g_markup_collect_attributes (element, attr_names, values, error,
                                    G_MARKUP_COLLECT_STRING | G_MARKUP_COLLECT_OPTIONAL, "note", &note,
                                    G_MARKUP_COLLECT_INVALID))
    return FALSE;
  state->text_out = slot;
  return TRUE;
}

static void
on_start_element_cb (GMarkupParseContext  *context,
                     const char           *element,
                     const char          **attr_names,
                     const char          **values,
                     gpointer              user_data,
                     GError              **error)
{
  ParseState *state = user_data;
  const GSList *stack = g_markup_parse_context_get_element_stack (context);
  const char *parent = stack->next != NULL ? stack->next->data : NULL;

  if (state->text_out != NULL)
    {
      data_error (context, error, "an element inside a text");
      return;
    }

  if (parent == NULL)
    {
      if (!g_str_equal (element, "scenarios"))
        data_error (context, error, "the root element is not <scenarios>");
      return;
    }
  if (g_str_equal (parent, "scenarios"))
    {
      if (!g_str_equal (element, "scenario"))
        data_error (context, error, "only <scenario> goes in <scenarios>");
      else
        start_scenario (context, state, attr_names, values, error);
      return;
    }
  if (state->scenario == NULL)
    {
      data_error (context, error, "an element outside a scenario");
      return;
    }

  if (g_str_equal (parent, "scenario"))
    {
      if (g_str_equal (element, "borrower"))
        {
          const char *phone = NULL;

          if (g_markup_collect_attributes (element, attr_names, values, error,
                                           G_MARKUP_COLLECT_STRING, "phone", &phone,
                                           G_MARKUP_COLLECT_INVALID))
            {
              g_free (state->scenario->phone);
              state->scenario->phone = g_strdup (phone);
            }
          return;
        }
      if (g_str_equal (element, "account"))
        start_account (context, state, attr_names, values, error);
      else if (g_str_equal (element, "loan"))
        start_loan (context, state, attr_names, values, error);
      else if (g_str_equal (element, "monthly") || g_str_equal (element, "entry"))
        start_entry (context, state, element, attr_names, values, error);
      else if (g_str_equal (element, "budget"))
        start_budget (context, state, attr_names, values, error);
      else if (g_str_equal (element, "contact"))
        start_contact (context, state, attr_names, values, error);
      else
        start_text (context, state, parent, element, attr_names, values, error);
      return;
    }

  start_text (context, state, parent, element, attr_names, values, error);
}

static void
on_end_element_cb (GMarkupParseContext  *context,
                   const char           *element,
                   gpointer              user_data,
                   GError              **error)
{
  ParseState *state = user_data;

  if (state->text_out != NULL)
    {
      char *text = shore_markup_take_text (state->text);

      if (*text == '\0')
        {
          g_free (text);
          data_error (context, error, "an empty text");
        }
      else
        *state->text_out = text;
      state->text_out = NULL;
      return;
    }
  if (g_str_equal (element, "scenario"))
    state->scenario = NULL;
}

static void
on_text_cb (GMarkupParseContext  *context,
            const char           *text,
            gsize                 length,
            gpointer              user_data,
            GError              **error)
{
  ParseState *state = user_data;

  if (state->text_out != NULL)
    g_string_append_len (state->text, text, (gssize) length);
}

static const GMarkupParser scenarios_parser = {
  on_start_element_cb,
  on_end_element_cb,
  on_text_cb,
  NULL,
  NULL,
};

static gboolean
find_key (GPtrArray  *list,
          gsize       key_offset,
          const char *key)
{
  for (guint i = 0; key != NULL && i < list->len; i++)
    if (g_strcmp0 (G_STRUCT_MEMBER (char *, list->pdata[i], key_offset), key) == 0)
      return TRUE;
  return FALSE;
}

/* What the parser cannot see element by element: texts present, keys
 * that name an account or a loan of the scenario. */
static gboolean
check_scenario (const ShoreTrainingCase  *scenario,
                GError                  **error)
{
  const char *what = NULL;
  guint i;

  if (scenario->title == NULL || scenario->summary == NULL || scenario->borrower == NULL
      || scenario->phone == NULL || scenario->address == NULL)
    what = "a title, summary or borrower is missing";
  for (i = 0; what == NULL && i < scenario->accounts->len; i++)
    if (((ShoreTrainingAccount *) scenario->accounts->pdata[i])->name == NULL)
      what = "an <account> has no <name>";
  for (i = 0; what == NULL && i < scenario->loans->len; i++)
    {
      ShoreTrainingLoan *loan = scenario->loans->pdata[i];

      if (loan->loan->lender == NULL)
        what = "a <loan> has no <lender>";
      else if (!find_key (scenario->accounts, G_STRUCT_OFFSET (ShoreTrainingAccount, key), loan->account))
        what = "a <loan account> names no account";
    }
  for (i = 0; what == NULL && i < scenario->entries->len; i++)
    {
      ShoreTrainingEntry *entry = scenario->entries->pdata[i];

      if (entry->payee == NULL)
        what = "an entry has no <payee>";
      else if (!find_key (scenario->accounts, G_STRUCT_OFFSET (ShoreTrainingAccount, key), entry->account))
        what = "an entry's account names no account";
    }
  for (i = 0; what == NULL && i < scenario->contacts->len; i++)
    {
      ShoreTrainingContact *contact = scenario->contacts->pdata[i];

      if (contact->organization == NULL || contact->person == NULL || contact->said == NULL)
        what = "a <contact> lacks its organization, person or what was said";
      else if (contact->loan != NULL && !find_key (scenario->loans, G_STRUCT_OFFSET (ShoreTrainingLoan, key), contact->loan))
        what = "a <contact loan> names no loan";
    }

  if (what == NULL)
    return TRUE;
  g_set_error (error, SHORE_TRAINING_ERROR, SHORE_TRAINING_ERROR_INVALID,
               "scenarios.xml, %s: %s", scenario->name, what);
  return FALSE;
}

static gboolean
parse_model (Model   *model,
             GError **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GMarkupParseContext) context = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  ParseState state = { model, NULL, text, NULL };
  const char *data;
  gsize size;

  bytes = g_resources_lookup_data (SCENARIOS_RESOURCE, G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (bytes == NULL)
    return FALSE;
  data = g_bytes_get_data (bytes, &size);

  context = g_markup_parse_context_new (&scenarios_parser, G_MARKUP_PREFIX_ERROR_POSITION, &state, NULL);
  if (!g_markup_parse_context_parse (context, data, (gssize) size, error)
      || !g_markup_parse_context_end_parse (context, error))
    return FALSE;

  for (guint i = 0; names[i] != NULL; i++)
    {
      gboolean found = FALSE;

      for (guint j = 0; j < model->scenarios->len && !found; j++)
        {
          ShoreTrainingCase *scenario = model->scenarios->pdata[j];

          found = g_str_equal (scenario->name, names[i]);
          if (found && !check_scenario (scenario, error))
            return FALSE;
        }
      if (!found)
        {
          g_set_error (error, SHORE_TRAINING_ERROR, SHORE_TRAINING_ERROR_INVALID,
                       "scenarios.xml has no scenario %s", names[i]);
          return FALSE;
        }
    }
  return TRUE;
}

/* The parsed file, once per process; it is never freed. */
static const Model *
get_model (void)
{
  static gsize once = 0;
  static Model model;

  if (g_once_init_enter (&once))
    {
      g_autoptr(GError) error = NULL;

      model.scenarios = g_ptr_array_new_with_free_func (scenario_free);
      if (!parse_model (&model, &error))
        {
          g_critical ("%s", error->message);
          model.error = g_strdup (error->message);
          g_ptr_array_set_size (model.scenarios, 0);
        }
      g_once_init_leave (&once, 1);
    }
  return &model;
}

static const ShoreTrainingCase *
find_scenario (const char  *name,
               GError     **error)
{
  const Model *model;

  if (!shore_training_name_is_valid (name))
    {
      g_autofree char *known = g_strjoinv (", ", (char **) names);

      g_set_error (error, SHORE_TRAINING_ERROR, SHORE_TRAINING_ERROR_UNKNOWN,
                   /* Translators: %1$s is what was asked for, %2$s the list of names such as
                    * “weilidai-overdue, five-platforms”; the names stay as they are */
                   _("There is no training case named “%1$s”. The cases are: %2$s."),
                   name != NULL ? name : "", known);
      return NULL;
    }

  model = get_model ();
  for (guint i = 0; i < model->scenarios->len; i++)
    if (g_str_equal (((ShoreTrainingCase *) model->scenarios->pdata[i])->name, name))
      return model->scenarios->pdata[i];

  g_set_error (error, SHORE_TRAINING_ERROR, SHORE_TRAINING_ERROR_INVALID,
               /* Translators: %s is a technical detail, in English */
               _("The training cases cannot be read (%s)."),
               model->error != NULL ? model->error : name);
  return NULL;
}

char *
shore_training_translate (const char *msgid)
{
  return msgid != NULL ? g_strdup (shore_gettext (msgid)) : NULL;
}

/* ---- public API ---- */

/**
 * shore_training_list_names:
 *
 * Returns: (transfer none): the scenario names in display order, %NULL-terminated
 */
const char * const *
shore_training_list_names (void)
{
  return names;
}

gboolean
shore_training_name_is_valid (const char *name)
{
  return name != NULL && g_strv_contains (names, name);
}

/**
 * shore_training_get:
 * @name: a scenario name
 * @error: return location for a #GError
 *
 * Describes a scenario in the calling thread's language.
 *
 * Returns: (transfer full): the scenario's texts, or %NULL with
 *   %SHORE_TRAINING_ERROR_UNKNOWN (the message lists the names)
 */
ShoreTrainingScenario *
shore_training_get (const char  *name,
                    GError     **error)
{
  const ShoreTrainingCase *scenario;
  ShoreTrainingScenario *out;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  scenario = find_scenario (name, error);
  if (scenario == NULL)
    return NULL;

  out = g_new0 (ShoreTrainingScenario, 1);
  out->name = g_strdup (scenario->name);
  out->title = shore_training_translate (scenario->title);
  out->summary = shore_training_translate (scenario->summary);
  out->borrower = shore_training_translate (scenario->borrower);
  out->phone = g_strdup (scenario->phone);
  out->address = shore_training_translate (scenario->address);
  return out;
}

void
shore_training_scenario_free (ShoreTrainingScenario *scenario)
{
  if (scenario == NULL)
    return;
  g_free (scenario->name);
  g_free (scenario->title);
  g_free (scenario->summary);
  g_free (scenario->borrower);
  g_free (scenario->phone);
  g_free (scenario->address);
  g_free (scenario);
}

/**
 * shore_training_load:
 * @name: a scenario name
 * @store: an empty store (no loans, no transactions)
 * @today: the load day: every date of the scenario is relative to it
 * @error: return location for a #GError
 *
 * Writes the scenario into @store in one transaction: accounts, loans with
 * the payments made so far, three months of entries, budgets, repeating
 * items and collection contacts, with names and texts in the calling
 * thread's language. Nothing is written on failure.
 *
 * Returns: %TRUE on success; %FALSE with %SHORE_TRAINING_ERROR_UNKNOWN,
 *   %SHORE_TRAINING_ERROR_NOT_EMPTY or a store error
 */
gboolean
shore_training_load (const char   *name,
                     ShoreStore   *store,
                     const GDate  *today,
                     GError      **error)
{
  const ShoreTrainingCase *scenario;

  g_return_val_if_fail (SHORE_IS_STORE (store), FALSE);
  g_return_val_if_fail (today != NULL && g_date_valid (today), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  scenario = find_scenario (name, error);
  if (scenario == NULL)
    return FALSE;

  if (!shore_store_begin (store, error))
    return FALSE;
  if (shore_training_write_case (scenario, store, today, error) && shore_store_commit (store, error))
    return TRUE;

  shore_store_rollback (store);
  return FALSE;
}
