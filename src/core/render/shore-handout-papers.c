/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shore-handout"

#include "config.h"

#include <string.h>

#include "../shore-intl.h"
#include "../shore-debts.h"
#include "../shore-evidence-store.h"
#include "../shore-letters.h"
#include "shore-handout-private.h"

/* The papers a borrower takes away: a letter ready to sign (or a form to
 * fill in by hand), and the evidence sheet of the collection contacts. */

/* In the subtitle of a handout made from an anonymized copy. */
static const char *
anonymized_note (const ShoreHandoutContext *ctx)
{
  /* Translators: in the subtitle of a training handout whose names and numbers were replaced */
  return ctx->options->anonymize ? _("Names and numbers changed") : NULL;
}

/* ---- The letter ---------------------------------------------------------- */

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (ShoreLetterFields, shore_letter_fields_clear)

static gboolean
looks_numeric (const char *cell)
{
  gunichar c = g_utf8_get_char (cell);

  return g_unichar_isdigit (c) || c == 0x00A5 /* ¥ */ || c == 0xFFE5 /* ￥ */ || c == '-' || c == 0x2212;
}

static void
add_letter_table (ShoreDocument          *doc,
                  const ShoreLetterTable *table)
{
  guint n_columns = g_strv_length (table->header);
  g_autofree ShoreDocumentAlign *aligns = g_new0 (ShoreDocumentAlign, MAX (n_columns, 1));

  if (n_columns == 0)
    return;
  /* a column of amounts or numbers only is aligned to the end */
  for (guint c = 0; c < n_columns; c++)
    {
      gboolean numeric = table->rows->len > 0;

      for (guint r = 0; r < table->rows->len; r++)
        {
          const char *cell = ((char **) g_ptr_array_index (table->rows, r))[c];

          if (cell != NULL && cell[0] != '\0' && !looks_numeric (cell))
            numeric = FALSE;
        }
      aligns[c] = numeric && c > 0 ? SHORE_DOCUMENT_ALIGN_END : SHORE_DOCUMENT_ALIGN_START;
    }

  if (table->caption != NULL && table->caption[0] != '\0')
    shore_document_add_paragraph (doc, table->caption);
  shore_document_add_table (doc, (const char * const *) table->header, n_columns, table->rows, aligns);
}

/* The letter as it is sent: the recipient, the subject, the body, then
 * the closing and the signature block with a blank to sign on, in one
 * paragraph so that they stay together. */
static void
add_letter (ShoreDocument     *doc,
            const ShoreLetter *letter)
{
  g_autoptr(GString) ending = g_string_new (letter->closing);

  shore_document_add_paragraph (doc, letter->recipient);
  shore_document_add_paragraph (doc, letter->subject);
  for (guint i = 0; i < letter->blocks->len; i++)
    {
      const ShoreLetterBlock *block = g_ptr_array_index (letter->blocks, i);

      if (block->table != NULL)
        add_letter_table (doc, block->table);
      else if (block->text != NULL)
        shore_document_add_paragraph (doc, block->text);
    }

  /* a no-break space: an empty line that does not end the paragraph */
  g_string_append (ending, "\n\u00a0");
  for (guint i = 0; i < letter->signature->len; i++)
    {
      const char *entry = g_ptr_array_index (letter->signature, i);

      g_string_append_printf (ending, "\n%s", entry);
      if (g_str_equal (entry, _("Signature:")))
        /* the same blank as the letter's own (shore-letters.c), after a space as the other
         * lines have unless the label ends with a full-width colon */
        g_string_append_printf (ending, "%s%s", g_str_has_suffix (entry, ":") ? " " : "",
                                C_("letter form", "______________"));
    }
  shore_document_add_paragraph_kept (doc, ending->str);
}

static void
add_guidance (ShoreDocument     *doc,
              const ShoreLetter *letter)
{
  g_autoptr(GString) bullets = g_string_new (NULL);

  if (letter->guidance->len == 0)
    return;
  shore_document_add_page_break (doc);
  /* Translators: the heading of the page after a letter, with advice on sending it */
  shore_document_add_heading (doc, _("How to send this letter"));
  shore_document_add_paragraph (doc,
                                _("This page is advice for you: it is not part of the letter. Do not send it."));
  for (guint i = 0; i < letter->guidance->len; i++)
    g_string_append_printf (bullets, "• %s\n\n", (const char *) g_ptr_array_index (letter->guidance, i));
  shore_document_add_paragraph (doc, bullets->str);
}

static void
set_borrower (char       **field,
              const char  *value,
              gboolean     anonymize)
{
  g_free (*field);
  *field = g_strdup (!anonymize && value != NULL ? value : "");
}

/* What must be in the store for the letter to say anything. */
static gboolean
check_letter_data (ShoreHandoutContext *ctx,
                   const char          *id,
                   GError             **error)
{
  g_autoptr(GError) local = NULL;

  if (g_str_equal (id, "hardship"))
    {
      g_autoptr(GListModel) debts = shore_debts_list (ctx->store, &ctx->options->today, &local);
      guint open = 0;

      if (debts == NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local));
          return FALSE;
        }
      for (guint i = 0; i < g_list_model_get_n_items (debts); i++)
        {
          g_autoptr(ShoreDebt) debt = g_list_model_get_item (debts, i);

          if (shore_debt_get_status (debt)->state != SHORE_LOAN_STATE_PAID_OFF)
            open++;
        }
      if (open == 0)
        {
          shore_handout_set_error (ctx, error, SHORE_HANDOUT_ERROR_NO_DATA,
                                   N_("A repayment plan request needs a loan that is not paid off yet: "
                                      "add the loans first."));
          return FALSE;
        }
    }
  else if (g_str_equal (id, "complaint"))
    {
      g_autoptr(GPtrArray) contacts = shore_evidence_store_list (ctx->store, &local);

      if (contacts == NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local));
          return FALSE;
        }
      if (contacts->len == 0)
        {
          shore_handout_set_error (ctx, error, SHORE_HANDOUT_ERROR_NO_DATA,
                                   N_("A complaint about collection needs the contacts it is about: record "
                                      "them in the evidence log first."));
          return FALSE;
        }
    }
  return TRUE;
}

gboolean
shore_handout_build_letter (ShoreHandoutContext *ctx, GError **error)
{
  const ShoreHandoutOptions *options = ctx->options;
  const char *id = options->letter != NULL ? options->letter : "hardship";
  g_auto(ShoreLetterFields) fields = { 0, };
  g_autoptr(ShoreLetter) letter = NULL;
  g_autoptr(GError) local = NULL;

  if (!shore_letter_id_is_valid (id))
    {
      shore_handout_set_error (ctx, error, SHORE_HANDOUT_ERROR_INVALID,
                               /* Translators: %s is what was given */
                               N_("Unknown letter “%s”"), id);
      return FALSE;
    }
  if (!check_letter_data (ctx, id, error))
    return FALSE;

  shore_letter_fields_init (&fields);
  /* a training copy never shows the real borrower: blanks instead */
  set_borrower (&fields.name, options->borrower_name, options->anonymize);
  set_borrower (&fields.phone, options->borrower_phone, options->anonymize);
  set_borrower (&fields.address, options->borrower_address, options->anonymize);
  if (!shore_letter_fields_prefill (ctx->store, id, &options->today, &fields, &local) ||
      (letter = shore_letter_build_form (ctx->store, id, &fields, &options->today, &local)) == NULL)
    {
      shore_handout_set_error (ctx, error,
                               local->domain == SHORE_LETTERS_ERROR ? SHORE_HANDOUT_ERROR_NO_DATA
                                                                    : SHORE_HANDOUT_ERROR_INVALID,
                               /* Translators: %s says why, in the handout's language */
                               N_("The letter could not be written: %s"), local->message);
      return FALSE;
    }

  if ((options->case_title != NULL && options->case_title[0] != '\0') || options->anonymize)
    {
      g_autofree char *subtitle = shore_handout_subtitle (ctx, anonymized_note (ctx));

      shore_document_set_title (ctx->doc, letter->title, subtitle);
    }
  else
    /* a letter to send carries its own date: no handout line under its title */
    shore_document_set_title (ctx->doc, letter->title, NULL);

  /* the footer's help line is for the borrower, not for the lender who gets the letter */
  shore_document_set_footer (ctx->doc, NULL);
  add_letter (ctx->doc, letter);
  add_guidance (ctx->doc, letter);
  return TRUE;
}

/* ---- The evidence sheet -------------------------------------------------- */

gboolean
shore_handout_build_evidence (ShoreHandoutContext *ctx, GError **error)
{
  g_autoptr(GPtrArray) contacts = NULL;
  g_autofree ShoreContact *flat = NULL;
  g_autoptr(GArray) flags = NULL;
  g_autofree char *subtitle = NULL;

  if (!shore_evidence_store_check (ctx->store, &ctx->options->today, &contacts, &flat, &flags, error))
    return FALSE;
  if (contacts->len == 0)
    {
      shore_handout_set_error (ctx, error, SHORE_HANDOUT_ERROR_NO_DATA,
                               N_("The evidence log has no contacts yet: record the calls, messages and "
                                  "visits first."));
      return FALSE;
    }

  subtitle = shore_handout_subtitle (ctx, anonymized_note (ctx));
  shore_document_set_title (ctx->doc, shore_evidence_sheet_title (), subtitle);
  shore_evidence_sheet_add_to_document (ctx->doc, flat, contacts->len, flags, NULL);
  return TRUE;
}
