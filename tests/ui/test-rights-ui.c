/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Drives the Rights page through its real widgets under Xvfb: the sidebar
 * lists every section and article under the one disclaimer; searching in
 * simplified or traditional characters shows the guide's own ranking, an
 * empty state when nothing matches, Escape clears and Enter opens the best
 * match; Ctrl+F goes to the search of whichever page is visible; an article
 * shows its paragraphs with source numbers and every source with its kind and
 * confidence in words; the related button and the two top buttons lead to
 * the Simulator, the letters and the evidence log. Runs once per language
 * (LANGUAGE=C, zh_CN, zh_TW); any GTK warning aborts the run. */

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "shore-evidence-window.h"
#include "shore-guide.h"
#include "shore-i18n.h"
#include "shore-letter-dialog.h"
#include "shore-rights-page.h"
#include "shore-window.h"

#include "shore-test-ui.h"

static ShoreGuide *guide;

static ShoreRightsPage *
get_rights_page (void)
{
  return shore_test_child (shore_test_get_window (), SHORE_TYPE_WINDOW, "rights_page");
}

static gpointer
page_child (const char *name)
{
  return shore_test_child (get_rights_page (), SHORE_TYPE_RIGHTS_PAGE, name);
}

static void
show_rights_page (void)
{
  ShoreWindow *window = shore_test_get_window ();

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "rights"));
  shore_test_settle ();
  g_assert_cmpstr (shore_window_get_visible_page (window), ==, "rights");
}

static const ShoreGuideArticle *
row_article (GtkListBoxRow *row)
{
  return g_object_get_data (G_OBJECT (row), "shore-article");
}

/* The ids of the articles the sidebar shows, in its order. */
static GPtrArray *
visible_ids (void)
{
  GPtrArray *ids = g_ptr_array_new ();
  GtkListBoxRow *row;

  for (int i = 0; (row = gtk_list_box_get_row_at_index (page_child ("list_box"), i)) != NULL; i++)
    {
      if (gtk_widget_get_child_visible (GTK_WIDGET (row)))
        g_ptr_array_add (ids, row_article (row)->id);
    }

  return ids;
}

static gboolean
ids_equal (GPtrArray *ids,
           GPtrArray *articles)
{
  if (ids->len != articles->len)
    return FALSE;
  for (guint i = 0; i < ids->len; i++)
    {
      const ShoreGuideArticle *article = g_ptr_array_index (articles, i);

      if (g_strcmp0 (g_ptr_array_index (ids, i), article->id) != 0)
        return FALSE;
    }
  return TRUE;
}

/* A label somewhere under @widget whose text is @text (or contains it). */
static gboolean
has_label (GtkWidget  *widget,
           const char *text,
           gboolean    exact)
{
  if (GTK_IS_LABEL (widget))
    {
      const char *label = gtk_label_get_text (GTK_LABEL (widget));

      if (exact ? g_strcmp0 (label, text) == 0 : strstr (label, text) != NULL)
        return TRUE;
    }
  for (GtkWidget *w = gtk_widget_get_first_child (widget); w != NULL; w = gtk_widget_get_next_sibling (w))
    if (has_label (w, text, exact))
      return TRUE;
  return FALSE;
}

static void
test_sections (void)
{
  GPtrArray *sections = shore_guide_get_sections (guide);
  GtkListBox *list_box;
  g_autoptr(GPtrArray) ids = NULL;
  guint headers = 0;
  GtkListBoxRow *row;

  show_rights_page ();
  list_box = page_child ("list_box");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (page_child ("content_stack")), ==, "start");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (page_child ("list_stack")), ==, "list");

  /* The disclaimer, once, above the list. */
  g_assert_true (gtk_widget_get_visible (page_child ("disclaimer_label")));
  g_assert_cmpstr (gtk_label_get_text (page_child ("disclaimer_label")), ==, shore_guide_get_disclaimer (guide));

  /* Every article in guide order, each section heading its first article. */
  ids = visible_ids ();
  g_assert_true (ids_equal (ids, shore_guide_get_articles (guide)));
  for (int i = 0; (row = gtk_list_box_get_row_at_index (list_box, i)) != NULL; i++)
    {
      GtkWidget *header = gtk_list_box_row_get_header (row);

      if (header == NULL)
        continue;
      g_assert_cmpuint (headers, <, sections->len);
      g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (header)), ==,
                       ((ShoreGuideSection *) g_ptr_array_index (sections, headers))->title);
      g_assert_cmpstr (row_article (row)->section->id, ==,
                       ((ShoreGuideSection *) g_ptr_array_index (sections, headers))->id);
      headers++;
    }
  g_assert_cmpuint (headers, ==, sections->len);

  /* The two ways out of the guide. */
  g_assert_cmpstr (gtk_actionable_get_action_name (page_child ("evidence_button")), ==, "win.evidence-log");
  g_assert_cmpstr (gtk_actionable_get_action_name (page_child ("letter_button")), ==, "win.write-letter");
  g_assert_cmpstr (g_variant_get_string (gtk_actionable_get_action_target_value (page_child ("letter_button")), NULL), ==, "");
}

typedef struct
{
  const char *query;
  GPtrArray  *expected;
} SearchWait;

static gboolean
search_shown (gpointer data)
{
  SearchWait *wait = data;
  g_autoptr(GPtrArray) ids = visible_ids ();
  const char *stack = gtk_stack_get_visible_child_name (page_child ("list_stack"));

  if (wait->expected->len == 0)
    return g_strcmp0 (stack, "empty") == 0;
  return g_strcmp0 (stack, "list") == 0 && ids_equal (ids, wait->expected);
}

/* Types @query and waits for the search to show what the guide ranks. */
static GPtrArray *
search_for (const char *query)
{
  SearchWait wait = { query, shore_guide_search (guide, query) };

  gtk_editable_set_text (page_child ("search_entry"), query);
  shore_test_wait_for (search_shown, &wait, query);
  return wait.expected;
}

static void
test_search (void)
{
  /* Both scripts, in every language: the citations are Chinese in all of them. */
  static const struct {
    const char *query;
    const char *same_as;   /* gives the same articles, or NULL */
    gboolean    found;
  } cases[] = {
    { "催收", NULL, TRUE },
    { "徵信", "征信", TRUE },
    { "民法典", NULL, TRUE },
    { "12378", NULL, TRUE },
    { "xyzzy-no-such-words", NULL, FALSE },
  };
  GtkWidget *entry;

  show_rights_page ();
  entry = page_child ("search_entry");

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GPtrArray) results = search_for (cases[i].query);

      g_test_message ("query %s: %u articles", cases[i].query, results->len);
      g_assert_cmpuint (results->len > 0, ==, cases[i].found);
      if (cases[i].same_as != NULL)
        {
          g_autoptr(GPtrArray) other = shore_guide_search (guide, cases[i].same_as);

          g_assert_cmpuint (other->len, ==, results->len);
          for (guint j = 0; j < other->len; j++)
            g_assert_true (g_ptr_array_index (other, j) == g_ptr_array_index (results, j));
        }
      if (cases[i].found)
        {
          /* Ranked across sections: no section headers, the disclaimer out of the way. */
          g_assert_null (gtk_list_box_row_get_header (gtk_list_box_get_row_at_index (page_child ("list_box"), 0)));
          g_assert_false (gtk_widget_get_visible (page_child ("disclaimer_label")));
        }
    }

  /* Enter opens the best match. */
  {
    g_autoptr(GPtrArray) results = search_for ("催收");
    const ShoreGuideArticle *best = g_ptr_array_index (results, 0);

    g_signal_emit_by_name (entry, "activate");
    shore_test_settle ();
    g_assert_cmpstr (shore_rights_page_get_article (get_rights_page ()), ==, best->id);
    g_assert_cmpstr (gtk_stack_get_visible_child_name (page_child ("content_stack")), ==, "article");
    g_assert_cmpstr (gtk_label_get_text (page_child ("title_label")), ==, best->title);
  }

  /* Escape clears the search and brings back the whole guide. */
  g_signal_emit_by_name (entry, "stop-search");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "");
  {
    g_autoptr(GPtrArray) all = search_for ("");

    g_assert_cmpuint (all->len, ==, shore_guide_get_articles (guide)->len);
    g_assert_true (gtk_widget_get_visible (page_child ("disclaimer_label")));
    g_assert_nonnull (gtk_list_box_row_get_header (gtk_list_box_get_row_at_index (page_child ("list_box"), 0)));
  }
}

static gboolean
focus_in_search (gpointer data)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (shore_test_get_window ()));

  return focus != NULL && (focus == data || gtk_widget_is_ancestor (focus, data));
}

static void
test_ctrl_f (void)
{
  ShoreWindow *window = shore_test_get_window ();
  GtkWidget *entry;

  show_rights_page ();
  entry = page_child ("search_entry");
  gtk_widget_grab_focus (GTK_WIDGET (page_child ("list_box")));
  g_assert_false (focus_in_search (entry));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.search", NULL));
  shore_test_settle ();
  g_assert_true (focus_in_search (entry));

  /* On the Budget page the same key goes to its search, not this one's. */
  gtk_widget_grab_focus (GTK_WIDGET (page_child ("list_box")));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "budget"));
  shore_test_settle ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.search", NULL));
  shore_test_settle ();
  g_assert_false (focus_in_search (entry));
}

static void
assert_article_shown (const ShoreGuideArticle *article)
{
  GtkWidget *sources = page_child ("sources_list");
  GtkWidget *blocks = page_child ("blocks_box");
  g_autofree char *checked = g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (&article->checked),
                                              g_date_get_month (&article->checked), g_date_get_day (&article->checked));
  guint n = 0;

  g_assert_cmpstr (shore_rights_page_get_article (get_rights_page ()), ==, article->id);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (page_child ("content_stack")), ==, "article");
  g_assert_cmpstr (gtk_label_get_text (page_child ("title_label")), ==, article->title);
  g_assert_cmpstr (gtk_label_get_text (page_child ("summary_label")), ==, article->summary);
  g_assert_true (gtk_label_get_selectable (page_child ("summary_label")));
  g_assert_nonnull (strstr (gtk_label_get_text (page_child ("checked_label")), checked));

  for (GtkWidget *w = gtk_widget_get_first_child (blocks); w != NULL; w = gtk_widget_get_next_sibling (w))
    {
      const ShoreGuideBlock *block = g_ptr_array_index (article->blocks, n);

      g_assert_true (has_label (w, block->text, FALSE));
      n++;
    }
  g_assert_cmpuint (n, ==, article->blocks->len);

  /* Each source: its text, its kind and how sure we are, in words. */
  for (guint i = 0; i < article->cites->len; i++)
    {
      const ShoreGuideCite *cite = g_ptr_array_index (article->cites, i);
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (sources), (int) i);

      g_assert_nonnull (row);
      g_assert_true (has_label (GTK_WIDGET (row), cite->text, TRUE));
      g_assert_true (has_label (GTK_WIDGET (row), shore_guide_cite_kind_label (cite->kind), TRUE));
      g_assert_true (has_label (GTK_WIDGET (row), shore_guide_confidence_label (cite->confidence), TRUE));
    }
  g_assert_null (gtk_list_box_get_row_at_index (GTK_LIST_BOX (sources), (int) article->cites->len));
}

static void
test_articles (void)
{
  GPtrArray *articles = shore_guide_get_articles (guide);
  const ShoreGuideArticle *calls = shore_guide_lookup_article (guide, "calls");
  GtkWidget *first;

  show_rights_page ();
  for (guint i = 0; i < articles->len; i++)
    {
      const ShoreGuideArticle *article = g_ptr_array_index (articles, i);

      g_assert_true (shore_rights_page_show_article (get_rights_page (), article->id));
      assert_article_shown (article);
    }
  g_assert_false (shore_rights_page_show_article (get_rights_page (), "no-such-article"));

  /* “calls” rests on an industry code first: its first paragraph says [1]. */
  g_assert_nonnull (calls);
  g_assert_true (shore_rights_page_show_article (get_rights_page (), "calls"));
  first = gtk_widget_get_first_child (page_child ("blocks_box"));
  g_assert_true (GTK_IS_LABEL (first));
  g_assert_true (g_str_has_suffix (gtk_label_get_text (GTK_LABEL (first)), "[1]"));
  g_assert_true (gtk_label_get_selectable (GTK_LABEL (first)));

  /* Activating a row in the list opens its article. */
  g_signal_emit_by_name (page_child ("list_box"), "row-activated",
                         gtk_list_box_get_row_at_index (page_child ("list_box"), 1));
  shore_test_settle ();
  assert_article_shown (g_ptr_array_index (articles, 1));
}

static void
close_dialog (GType type)
{
  GtkWindow *dialog = shore_test_wait_for_dialog (type);

  g_assert_nonnull (dialog);
  g_assert_true (gtk_window_get_transient_for (dialog) == GTK_WINDOW (shore_test_get_window ()));
  gtk_window_destroy (dialog);
  shore_test_wait_for (shore_test_toplevel_gone, GSIZE_TO_POINTER (type), "the dialog to close");
}

static void
test_related (void)
{
  static const struct {
    const char *article;
    const char *action;      /* NULL: no button */
    const char *target;      /* NULL: no parameter */
  } cases[] = {
    { "four-times-lpr",  "win.show-page",    "simulator" },
    { "credit-disputes", "win.write-letter", "credit-dispute" },
    { "who-to-call",     "win.write-letter", "complaint" },
    { "calls",           "win.evidence-log", NULL },
    { "civil-matter",    NULL,               NULL },
  };
  ShoreWindow *window = shore_test_get_window ();

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      GtkWidget *button = page_child ("related_button");
      GVariant *target;

      show_rights_page ();
      g_assert_true (shore_rights_page_show_article (get_rights_page (), cases[i].article));
      g_assert_cmpint (gtk_widget_get_visible (button), ==, cases[i].action != NULL);
      if (cases[i].action == NULL)
        continue;

      g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (button)), ==, cases[i].action);
      target = gtk_actionable_get_action_target_value (GTK_ACTIONABLE (button));
      if (cases[i].target == NULL)
        g_assert_null (target);
      else
        g_assert_cmpstr (g_variant_get_string (target, NULL), ==, cases[i].target);

      g_signal_emit_by_name (button, "clicked");
      shore_test_settle ();
      if (g_str_equal (cases[i].action, "win.show-page"))
        g_assert_cmpstr (shore_window_get_visible_page (window), ==, cases[i].target);
      else if (g_str_equal (cases[i].action, "win.write-letter"))
        close_dialog (SHORE_TYPE_LETTER_DIALOG);
      else
        close_dialog (SHORE_TYPE_EVIDENCE_WINDOW);
    }

  /* The buttons at the top of the page. */
  show_rights_page ();
  g_signal_emit_by_name (page_child ("evidence_button"), "clicked");
  close_dialog (SHORE_TYPE_EVIDENCE_WINDOW);
  g_signal_emit_by_name (page_child ("letter_button"), "clicked");
  close_dialog (SHORE_TYPE_LETTER_DIALOG);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  int ret;

  shore_i18n_init ();
  g_test_init (&argc, &argv, NULL);

  shore_test_setup ("shore-rights-ui-XXXXXX", FALSE);
  /* The page loads the guide in the same language. */
  guide = shore_guide_new (&error);
  g_assert_no_error (error);

  g_test_add_func ("/rights-ui/sections", test_sections);
  g_test_add_func ("/rights-ui/search", test_search);
  g_test_add_func ("/rights-ui/ctrl-f", test_ctrl_f);
  g_test_add_func ("/rights-ui/articles", test_articles);
  g_test_add_func ("/rights-ui/related", test_related);

  ret = shore_test_run ();
  shore_guide_unref (guide);
  return ret;
}
