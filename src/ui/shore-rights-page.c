/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shore-rights-page"

#include "config.h"

#include <glib/gi18n.h>

#include "shore-guide.h"

#include "shore-rights-page.h"
#include "shore-ui-util.h"

struct _ShoreRightsPage
{
  AdwBin                   parent_instance;

  ShoreGuide              *guide;
  const ShoreGuideArticle *article;   /* shown; borrowed from the guide */
  GHashTable              *ranks;     /* ShoreGuideArticle* → rank + 1 while searching, else NULL */

  GtkButton               *back_button;
  GtkButton               *evidence_button;
  GtkButton               *letter_button;
  AdwLeaflet              *leaflet;
  GtkSearchEntry          *search_entry;
  GtkStack                *list_stack;
  GtkScrolledWindow       *list_scroll;
  GtkLabel                *disclaimer_label;
  GtkListBox              *list_box;
  AdwStatusPage           *empty_page;
  GtkStack                *content_stack;
  AdwStatusPage           *start_page;
  GtkScrolledWindow       *article_scroll;
  GtkLabel                *section_label;
  GtkLabel                *title_label;
  GtkLabel                *summary_label;
  GtkBox                  *blocks_box;
  GtkButton               *related_button;
  GtkListBox              *sources_list;
  GtkLabel                *checked_label;
};

G_DEFINE_FINAL_TYPE (ShoreRightsPage, shore_rights_page, ADW_TYPE_BIN)

/* Row data: the article (borrowed from the guide) and its place in the guide. */
#define ROW_ARTICLE "shore-article"
#define ROW_INDEX   "shore-index"

/* The letter an article about writing to someone leads to; the others open
 * the letter dialog without a choice. */
static const struct {
  const char *article;
  const char *letter;
} article_letters[] = {
  { "fake-documents",           "complaint" },
  { "credit-disputes",          "credit-dispute" },
  { "personalised-instalments", "hardship" },
  { "stop-interest",            "hardship" },
  { "loan-extensions",          "hardship" },
  { "who-to-call",              "complaint" },
};

static const ShoreGuideArticle *
row_get_article (GtkListBoxRow *row)
{
  return g_object_get_data (G_OBJECT (row), ROW_ARTICLE);
}

static int
row_get_index (GtkListBoxRow *row)
{
  return GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), ROW_INDEX));
}

static gboolean
is_searching (ShoreRightsPage *self)
{
  return self->ranks != NULL;
}

static const char *
cite_kind_css_class (ShoreGuideCiteKind kind)
{
  switch (kind)
    {
    case SHORE_GUIDE_CITE_LAW:
      return "shore-cite-law";
    case SHORE_GUIDE_CITE_REGULATION:
      return "shore-cite-regulation";
    case SHORE_GUIDE_CITE_INDUSTRY_CODE:
      return "shore-cite-industry-code";
    case SHORE_GUIDE_CITE_PRACTICE:
      return "shore-cite-practice";
    default:
      g_assert_not_reached ();
    }
}

static char *
format_date (const GDate *date)
{
  char buffer[16];

  if (date == NULL || !g_date_valid (date))
    return g_strdup ("?");
  g_date_strftime (buffer, sizeof buffer, "%Y-%m-%d", date);
  return g_strdup (buffer);
}

static GtkWidget *
new_text_label (const char *text,
                gboolean    use_markup)
{
  GtkWidget *label = gtk_label_new (NULL);

  if (use_markup)
    gtk_label_set_markup (GTK_LABEL (label), text);
  else
    gtk_label_set_text (GTK_LABEL (label), text);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_widget_set_hexpand (label, TRUE);
  return label;
}

/* The number of @cite among the article's sources, counted from 1. */
static guint
cite_number (const ShoreGuideArticle *article,
             const ShoreGuideCite    *cite)
{
  guint index;

  if (g_ptr_array_find (article->cites, cite, &index))
    return index + 1;
  return 0;
}

/* A paragraph or item with the numbers of the sources it rests on. */
static char *
block_markup (const ShoreGuideArticle *article,
              const ShoreGuideBlock   *block)
{
  g_autofree char *text = g_markup_escape_text (block->text, -1);
  GString *markup = g_string_new (text);

  if (block->cites->len > 0)
    {
      g_string_append (markup, "<sup><small>");
      for (guint i = 0; i < block->cites->len; i++)
        g_string_append_printf (markup, "[%u]", cite_number (article, g_ptr_array_index (block->cites, i)));
      g_string_append (markup, "</small></sup>");
    }

  return g_string_free (markup, FALSE);
}

static GtkWidget *
create_block (const ShoreGuideArticle *article,
              const ShoreGuideBlock   *block)
{
  g_autofree char *markup = block_markup (article, block);
  GtkWidget *label = new_text_label (markup, TRUE);
  GtkWidget *box;
  GtkWidget *bullet;

  switch (block->kind)
    {
    case SHORE_GUIDE_BLOCK_PARAGRAPH:
      return label;
    case SHORE_GUIDE_BLOCK_ITEM:
      box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
      bullet = gtk_label_new ("•");
      gtk_widget_set_valign (bullet, GTK_ALIGN_START);
      gtk_widget_set_margin_start (bullet, 12);
      gtk_box_append (GTK_BOX (box), bullet);
      gtk_box_append (GTK_BOX (box), label);
      return box;
    default:
      g_assert_not_reached ();
    }
}

static GtkWidget *
create_source_row (const ShoreGuideCite *cite,
                   guint                 number)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *labels = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  g_autofree char *number_text = g_strdup_printf ("[%u]", number);
  GtkWidget *number_label = gtk_label_new (number_text);
  GtkWidget *kind_label = gtk_label_new (shore_guide_cite_kind_label (cite->kind));
  GtkWidget *confidence_label = gtk_label_new (shore_guide_confidence_label (cite->confidence));

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_add_css_class (row, "shore-guide-source");
  gtk_widget_set_margin_top (box, 10);
  gtk_widget_set_margin_bottom (box, 10);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);

  gtk_widget_set_valign (number_label, GTK_ALIGN_START);
  gtk_widget_add_css_class (number_label, "dim-label");
  gtk_widget_add_css_class (number_label, "numeric");
  gtk_box_append (GTK_BOX (line), number_label);
  gtk_box_append (GTK_BOX (line), new_text_label (cite->text, FALSE));
  gtk_box_append (GTK_BOX (box), line);

  /* The kind in words, coloured only as a second cue. */
  gtk_widget_add_css_class (kind_label, "shore-pill");
  gtk_widget_add_css_class (kind_label, cite_kind_css_class (cite->kind));
  gtk_widget_add_css_class (confidence_label, "caption");
  gtk_widget_add_css_class (confidence_label, "dim-label");
  gtk_label_set_wrap (GTK_LABEL (confidence_label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (confidence_label), 0);
  gtk_widget_set_margin_start (labels, 24);
  gtk_box_append (GTK_BOX (labels), kind_label);
  gtk_box_append (GTK_BOX (labels), confidence_label);
  gtk_box_append (GTK_BOX (box), labels);

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  return row;
}

static const char *
letter_for_article (const ShoreGuideArticle *article)
{
  for (guint i = 0; i < G_N_ELEMENTS (article_letters); i++)
    {
      if (g_strcmp0 (article_letters[i].article, article->id) == 0)
        return article_letters[i].letter;
    }

  return "";
}

static void
update_related_button (ShoreRightsPage         *self,
                       const ShoreGuideArticle *article)
{
  GtkActionable *actionable = GTK_ACTIONABLE (self->related_button);

  /* Name and target change together: never pair the old name with the new target. */
  gtk_actionable_set_action_name (actionable, NULL);
  if (g_strcmp0 (article->related, "simulator") == 0)
    {
      gtk_button_set_label (self->related_button, _("Open the _Simulator"));
      gtk_actionable_set_action_target (actionable, "s", "simulator");
      gtk_actionable_set_action_name (actionable, "win.show-page");
    }
  else if (g_strcmp0 (article->related, "letters") == 0)
    {
      gtk_button_set_label (self->related_button, _("_Write a Letter…"));
      gtk_actionable_set_action_target (actionable, "s", letter_for_article (article));
      gtk_actionable_set_action_name (actionable, "win.write-letter");
    }
  else if (g_strcmp0 (article->related, "evidence") == 0)
    {
      gtk_button_set_label (self->related_button, _("Open the _Evidence Log"));
      gtk_actionable_set_action_target_value (actionable, NULL);
      gtk_actionable_set_action_name (actionable, "win.evidence-log");
    }
  else
    {
      if (article->related != NULL)
        g_warning ("Article “%s” leads to an unknown place “%s”", article->id, article->related);
      gtk_widget_set_visible (GTK_WIDGET (self->related_button), FALSE);
      return;
    }

  gtk_widget_set_visible (GTK_WIDGET (self->related_button), TRUE);
}

static void
show_article (ShoreRightsPage         *self,
              const ShoreGuideArticle *article)
{
  g_autofree char *checked = NULL;
  g_autofree char *checked_text = NULL;
  GtkAdjustment *adjustment;

  self->article = article;

  gtk_label_set_text (self->section_label, article->section->title);
  gtk_label_set_text (self->title_label, article->title);
  gtk_label_set_text (self->summary_label, article->summary);

  shore_ui_remove_all_children (GTK_WIDGET (self->blocks_box));
  for (guint i = 0; i < article->blocks->len; i++)
    gtk_box_append (self->blocks_box, create_block (article, g_ptr_array_index (article->blocks, i)));

  update_related_button (self, article);

  shore_ui_remove_all_children (GTK_WIDGET (self->sources_list));
  for (guint i = 0; i < article->cites->len; i++)
    gtk_list_box_append (self->sources_list, create_source_row (g_ptr_array_index (article->cites, i), i + 1));

  checked = format_date (&article->checked);
  /* Translators: %s is a date such as 2026-11-24, when an article of the legal guide was last compared with its sources */
  checked_text = g_strdup_printf (_("Last checked %s"), checked);
  gtk_label_set_text (self->checked_label, checked_text);

  adjustment = gtk_scrolled_window_get_vadjustment (self->article_scroll);
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_lower (adjustment));
  gtk_stack_set_visible_child_name (self->content_stack, "article");
}

static void
update_back_button (ShoreRightsPage *self)
{
  gboolean on_content = g_strcmp0 (adw_leaflet_get_visible_child_name (self->leaflet), "content") == 0;
  gboolean can_go_back = adw_leaflet_get_folded (self->leaflet) && on_content;

  gtk_widget_set_visible (GTK_WIDGET (self->back_button), can_go_back);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "rights.back", can_go_back);
}

/* Shows @article and, on a narrow window, goes to it. */
static void
open_article (ShoreRightsPage         *self,
              const ShoreGuideArticle *article)
{
  show_article (self, article);
  if (!adw_leaflet_get_folded (self->leaflet))
    return;
  /* Keyboard users land on the way back: with the focus out of the
   * leaflet, it does not hand it to (and select all of) the title. */
  gtk_widget_set_visible (GTK_WIDGET (self->back_button), TRUE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "rights.back", TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->back_button));
  adw_leaflet_set_visible_child_name (self->leaflet, "content");
}

static GtkWidget *
create_article_row (const ShoreGuideArticle *article,
                    int                      index)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = gtk_label_new (article->title);
  GtkWidget *section = gtk_label_new (article->section->title);

  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (title), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_wrap (GTK_LABEL (section), TRUE);
  gtk_label_set_xalign (GTK_LABEL (section), 0);
  gtk_widget_add_css_class (section, "caption");
  gtk_widget_add_css_class (section, "dim-label");
  /* Only search results, out of their sections, say where they belong. */
  gtk_widget_set_visible (section, FALSE);
  gtk_widget_set_margin_top (box, 4);
  gtk_widget_set_margin_bottom (box, 4);
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), section);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);

  g_object_set_data (G_OBJECT (row), ROW_ARTICLE, (gpointer) article);
  g_object_set_data (G_OBJECT (row), ROW_INDEX, GINT_TO_POINTER (index));
  return row;
}

static gboolean
filter_row (GtkListBoxRow *row,
            gpointer       user_data)
{
  ShoreRightsPage *self = user_data;

  return !is_searching (self) || g_hash_table_contains (self->ranks, row_get_article (row));
}

static int
sort_rows (GtkListBoxRow *row1,
           GtkListBoxRow *row2,
           gpointer       user_data)
{
  ShoreRightsPage *self = user_data;

  if (is_searching (self))
    {
      int rank1 = GPOINTER_TO_INT (g_hash_table_lookup (self->ranks, row_get_article (row1)));
      int rank2 = GPOINTER_TO_INT (g_hash_table_lookup (self->ranks, row_get_article (row2)));

      if (rank1 != rank2)
        return rank1 < rank2 ? -1 : 1;
    }

  return row_get_index (row1) - row_get_index (row2);
}

/* The section titles head their articles; search results are ranked across sections. */
static void
update_header (GtkListBoxRow *row,
               GtkListBoxRow *before,
               gpointer       user_data)
{
  ShoreRightsPage *self = user_data;
  const ShoreGuideArticle *article = row_get_article (row);
  GtkWidget *header;

  if (is_searching (self) || (before != NULL && row_get_article (before)->section == article->section))
    {
      gtk_list_box_row_set_header (row, NULL);
      return;
    }

  header = gtk_list_box_row_get_header (row);
  if (header == NULL)
    {
      header = gtk_label_new (NULL);
      gtk_label_set_wrap (GTK_LABEL (header), TRUE);
      gtk_label_set_xalign (GTK_LABEL (header), 0);
      gtk_widget_add_css_class (header, "heading");
      gtk_widget_add_css_class (header, "shore-guide-section");
      gtk_list_box_row_set_header (row, header);
    }
  gtk_label_set_text (GTK_LABEL (header), article->section->title);
}

static void
fill_list (ShoreRightsPage *self)
{
  GPtrArray *articles = shore_guide_get_articles (self->guide);

  for (guint i = 0; i < articles->len; i++)
    gtk_list_box_append (self->list_box, create_article_row (g_ptr_array_index (articles, i), (int) i));
}

static void
show_section_captions (ShoreRightsPage *self,
                       gboolean         show)
{
  GtkListBoxRow *row;

  for (int i = 0; (row = gtk_list_box_get_row_at_index (self->list_box, i)) != NULL; i++)
    gtk_widget_set_visible (gtk_widget_get_last_child (gtk_list_box_row_get_child (row)), show);
}

static void
on_search_entry_search_changed_cb (ShoreRightsPage *self)
{
  const char *query = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_autofree char *trimmed = g_strstrip (g_strdup (query));
  gboolean searching = trimmed[0] != '\0';
  gboolean found = TRUE;

  if (self->guide == NULL)
    return;

  g_clear_pointer (&self->ranks, g_hash_table_unref);
  if (searching)
    {
      g_autoptr(GPtrArray) results = shore_guide_search (self->guide, query);

      self->ranks = g_hash_table_new (NULL, NULL);
      for (guint i = 0; i < results->len; i++)
        g_hash_table_insert (self->ranks, g_ptr_array_index (results, i), GINT_TO_POINTER (i + 1));
      found = results->len > 0;
    }

  show_section_captions (self, searching);
  gtk_widget_set_visible (GTK_WIDGET (self->disclaimer_label), !searching);
  gtk_list_box_invalidate_filter (self->list_box);
  gtk_list_box_invalidate_sort (self->list_box);
  gtk_list_box_invalidate_headers (self->list_box);
  gtk_stack_set_visible_child_name (self->list_stack, found ? "list" : "empty");
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->list_scroll), 0);
}

static GtkListBoxRow *
first_visible_row (ShoreRightsPage *self)
{
  GtkListBoxRow *row;

  /* In sorted order; rows the search filters out are not child-visible. */
  for (int i = 0; (row = gtk_list_box_get_row_at_index (self->list_box, i)) != NULL; i++)
    {
      if (gtk_widget_get_child_visible (GTK_WIDGET (row)))
        return row;
    }

  return NULL;
}

/* Enter in the search opens the best match. */
static void
on_search_entry_activate_cb (ShoreRightsPage *self)
{
  GtkListBoxRow *row = first_visible_row (self);

  if (row == NULL)
    return;
  gtk_list_box_select_row (self->list_box, row);
  open_article (self, row_get_article (row));
}

static void
on_search_entry_stop_search_cb (ShoreRightsPage *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
}

/* Down in the search goes on to the results. */
static gboolean
on_search_key_pressed_cb (GtkEventControllerKey *controller,
                          guint                  keyval,
                          guint                  keycode,
                          GdkModifierType        state,
                          ShoreRightsPage       *self)
{
  GtkListBoxRow *row;

  if ((keyval != GDK_KEY_Down && keyval != GDK_KEY_KP_Down) || (state & GDK_MODIFIER_MASK) != 0)
    return GDK_EVENT_PROPAGATE;

  row = first_visible_row (self);
  if (row == NULL)
    return GDK_EVENT_PROPAGATE;
  gtk_widget_grab_focus (GTK_WIDGET (row));
  return GDK_EVENT_STOP;
}

static void
on_list_box_row_selected_cb (ShoreRightsPage *self,
                             GtkListBoxRow   *row)
{
  /* Side by side, the article follows the selection; folded, only
   * activating a row leaves the list. */
  if (row != NULL && row_get_article (row) != self->article)
    show_article (self, row_get_article (row));
}

static void
on_list_box_row_activated_cb (ShoreRightsPage *self,
                              GtkListBoxRow   *row)
{
  open_article (self, row_get_article (row));
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  ShoreRightsPage *self = SHORE_RIGHTS_PAGE (widget);
  GtkListBoxRow *row = gtk_list_box_get_selected_row (self->list_box);

  adw_leaflet_set_visible_child_name (self->leaflet, "sidebar");
  if (row != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (row));
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  ShoreRightsPage *self = SHORE_RIGHTS_PAGE (widget);

  adw_leaflet_set_visible_child_name (self->leaflet, "sidebar");
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
load_guide (ShoreRightsPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *checked = NULL;
  g_autofree char *description = NULL;

  self->guide = shore_guide_new (&error);
  if (self->guide == NULL)
    {
      /* A bundled resource: only a broken build gets here. */
      g_warning ("Could not load the rights guide: %s", error->message);
      adw_status_page_set_title (self->start_page, _("The Guide Could Not Be Opened"));
      adw_status_page_set_description (self->start_page, error->message);
      gtk_widget_set_sensitive (GTK_WIDGET (self->search_entry), FALSE);
      return;
    }

  gtk_label_set_text (self->disclaimer_label, shore_guide_get_disclaimer (self->guide));
  checked = format_date (shore_guide_get_checked (self->guide));
  /* Translators: %s is a date such as 2026-11-24 */
  description = g_strdup_printf (_("Choose an article to read what the rules say, where each rule comes from and how sure we are of it.\n\nThe whole guide was last checked on %s."),
                                 checked);
  adw_status_page_set_description (self->start_page, description);
  fill_list (self);
}

static void
shore_rights_page_dispose (GObject *object)
{
  ShoreRightsPage *self = SHORE_RIGHTS_PAGE (object);

  /* The list may outlive the page (the leaflet's pages hold it) and
   * calls these as it drops its rows. */
  if (self->list_box != NULL)
    {
      gtk_list_box_set_filter_func (self->list_box, NULL, NULL, NULL);
      gtk_list_box_set_sort_func (self->list_box, NULL, NULL, NULL);
      gtk_list_box_set_header_func (self->list_box, NULL, NULL, NULL);
    }
  gtk_widget_dispose_template (GTK_WIDGET (self), SHORE_TYPE_RIGHTS_PAGE);
  self->article = NULL;
  g_clear_pointer (&self->ranks, g_hash_table_unref);
  g_clear_pointer (&self->guide, shore_guide_unref);

  G_OBJECT_CLASS (shore_rights_page_parent_class)->dispose (object);
}

static void
shore_rights_page_class_init (ShoreRightsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = shore_rights_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/shore-rights-page.ui");
  gtk_widget_class_bind_template_child (widget_class, ShoreRightsPage, back_button);
  gtk_widget_class_bind_template_child (widget_class, ShoreRightsPage, evidence_button);
  gtk_widget_class_bind_template_child (widget_class, ShoreRightsPage, letter_button);
  gtk_widget_class_bind_template_child (widget_class, ShoreRightsPage, leaflet);
  gtk_widget_class_bind_template_child (widget_class, ShoreRightsPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, ShoreRightsPage, list_stack);
  gtk_widget_class_bind_template_child (widget_class, ShoreRightsPage, list_scroll);
  gtk_widget_class_bind_template_child (widget_class, ShoreRightsPage, disclaimer_label);
  gtk_widget_class_bind_template_child (widget_class, ShoreRightsPage, list_box);
  gtk_widget_class_bind_template_child (widget_class, ShoreRightsPage, empty_page);
  gtk_widget_class_bind_template_child (widget_class, ShoreRightsPage, content_stack);
  gtk_widget_class_bind_template_child (widget_class, ShoreRightsPage, start_page);
  gtk_widget_class_bind_template_child (widget_class, ShoreRightsPage, article_scroll);
  gtk_widget_class_bind_template_child (widget_class, ShoreRightsPage, section_label);
  gtk_widget_class_bind_template_child (widget_class, ShoreRightsPage, title_label);
  gtk_widget_class_bind_template_child (widget_class, ShoreRightsPage, summary_label);
  gtk_widget_class_bind_template_child (widget_class, ShoreRightsPage, blocks_box);
  gtk_widget_class_bind_template_child (widget_class, ShoreRightsPage, related_button);
  gtk_widget_class_bind_template_child (widget_class, ShoreRightsPage, sources_list);
  gtk_widget_class_bind_template_child (widget_class, ShoreRightsPage, checked_label);
  gtk_widget_class_bind_template_callback (widget_class, on_search_entry_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_entry_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_entry_stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_list_box_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_list_box_row_selected_cb);

  gtk_widget_class_install_action (widget_class, "rights.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "rights.search", NULL, search_action);
}

/* Alt+← works while the page is on screen: a shortcut controller in the
 * window's scope only runs for mapped widgets. */
static void
add_shortcuts (ShoreRightsPage *self)
{
  GtkEventController *controller = gtk_shortcut_controller_new ();

  gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (controller), GTK_SHORTCUT_SCOPE_GLOBAL);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Left, GDK_ALT_MASK),
                                                          gtk_named_action_new ("rights.back")));
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  controller = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect (controller, "key-pressed", G_CALLBACK (on_search_key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->search_entry), controller);
}

static void
shore_rights_page_init (ShoreRightsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_list_box_set_filter_func (self->list_box, filter_row, self, NULL);
  gtk_list_box_set_sort_func (self->list_box, sort_rows, self, NULL);
  gtk_list_box_set_header_func (self->list_box, update_header, self, NULL);
  g_signal_connect_object (self->leaflet, "notify::folded", G_CALLBACK (update_back_button),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->leaflet, "notify::visible-child", G_CALLBACK (update_back_button),
                           self, G_CONNECT_SWAPPED);
  add_shortcuts (self);
  load_guide (self);
  update_back_button (self);
}

gboolean
shore_rights_page_show_article (ShoreRightsPage *self,
                                const char      *article_id)
{
  const ShoreGuideArticle *article;
  GtkListBoxRow *row;

  g_return_val_if_fail (SHORE_IS_RIGHTS_PAGE (self), FALSE);
  g_return_val_if_fail (article_id != NULL, FALSE);

  if (self->guide == NULL || (article = shore_guide_lookup_article (self->guide, article_id)) == NULL)
    return FALSE;

  for (int i = 0; (row = gtk_list_box_get_row_at_index (self->list_box, i)) != NULL; i++)
    {
      if (row_get_article (row) == article)
        gtk_list_box_select_row (self->list_box, row);
    }
  open_article (self, article);
  return TRUE;
}

const char *
shore_rights_page_get_article (ShoreRightsPage *self)
{
  g_return_val_if_fail (SHORE_IS_RIGHTS_PAGE (self), NULL);

  return self->article != NULL ? self->article->id : NULL;
}
