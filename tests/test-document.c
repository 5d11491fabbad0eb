/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>
#include <unistd.h>

#include <glib.h>
#include <glib/gstdio.h>
#include <gio/gio.h>
#include <cairo.h>

#include "shore-document.h"
#include "shore-test-pdf.h"

/* The PDFs are read back with poppler's command-line tools (poppler-utils),
 * see shore-test-pdf.h. */

/* Samples */

typedef struct
{
  const char *language;
  const char *font;          /* in every font name, case-insensitive; NULL: any */
  const char *other_font;    /* in no font name */
  const char *page_format;   /* NULL: the default */
  const char *title;
  const char *subtitle;
  const char *footer;
  const char *heading;       /* section headings get " N" appended */
  const char *paragraphs[3];
  const char *columns[4];
  const char *cell;          /* a cell text, gets " N" appended */
  const char *labels[3];
} DocCase;

static const DocCase doc_cases[] = {
  {
    "zh_CN", "NotoSansCJKsc", "NotoSansCJKtc", NULL,
    "关于协商还款的申请", "2024年5月20日 · 案件 A-1024",
    "本函仅供协商还款使用，不代表对任何未经核实债务的承认。",
    "第一部分",
    {
      "您好：本人于2022年3月在贵平台借款人民币12,000.00元，因失业导致收入中断，自2023年10月起未能按期还款。"
      "本人并非恶意拖欠，一直希望在能力范围内解决这笔债务，现就还款事宜提出以下协商请求。",
      "根据本人目前的收入与必要生活支出，每月可用于还款的金额约为人民币800.00元。"
      "恳请贵方停止计收罚息与违约金，按剩余本金分24期还款，并在协商期间暂停催收电话。\n"
      "如需核实本人情况，可随时通过下列方式联系本人。",
      "本人承诺按约定金额按时还款，并保留全部沟通记录。若贵方不同意上述方案，请书面告知理由及可接受的方案。"
      "根据《中华人民共和国民法典》第六百八十条，借款的利率不得违反国家有关规定。",
    },
    { "期数", "应还日期", "本金", "说明" },
    "按月等额还款，不含罚息与违约金",
    { "借款人签名", "日期", NULL },
  },
  {
    "zh_TW", "NotoSansCJKtc", "NotoSansCJKsc", "第 %u 頁，共 %u 頁",
    "關於協商還款的申請", "2024年5月20日 · 案件 A-1024",
    "本函僅供協商還款使用，不代表對任何未經核實債務的承認。",
    "第一部分",
    {
      "您好：本人於2022年3月在貴平台借款新臺幣12,000.00元，因失業導致收入中斷，自2023年10月起未能按期還款。"
      "本人並非惡意拖欠，一直希望在能力範圍內解決這筆債務，現就還款事宜提出以下協商請求。",
      "根據本人目前的收入與必要生活支出，每月可用於還款的金額約為新臺幣800.00元。"
      "懇請貴方停止計收罰息與違約金，按剩餘本金分24期還款，並在協商期間暫停催收電話。\n"
      "如需核實本人情況，可隨時通過下列方式聯繫本人。",
      "本人承諾按約定金額按時還款，並保留全部溝通記錄。若貴方不同意上述方案，請書面告知理由及可接受的方案。"
      "借款的利率不得違反國家有關規定，逾期費用亦應合理。",
    },
    { "期數", "應還日期", "本金", "說明" },
    "按月等額還款，不含罰息與違約金",
    { "借款人簽名", "日期", NULL },
  },
  {
    "en", NULL, "NotoSansCJK", "Page %u of %u",
    "Request to negotiate a repayment plan", "20 May 2024 · Case A-1024",
    "This letter is written to negotiate repayment and does not acknowledge any debt that has not been verified.",
    "Section",
    {
      "Dear Sir or Madam, in March 2022 I borrowed CNY 12,000.00 through your platform. I lost my job and my "
      "income stopped, so I have been unable to make payments since October 2023. I am not refusing to pay; "
      "I want to settle this debt within my means and propose the following.",
      "Given my current income and essential living costs, I can pay about CNY 800.00 each month. I ask you to "
      "stop charging penalty interest and fees, to let me repay the remaining principal in 24 instalments, and "
      "to pause collection calls while we negotiate.\nYou can reach me at the address below to verify my situation.",
      "I will pay the agreed amount on time and keep a record of all our correspondence. If you do not accept "
      "this plan, please tell me in writing why, and what plan you would accept instead.",
    },
    { "No.", "Due date", "Principal", "Note" },
    "Equal monthly instalment, without penalty interest or fees",
    { "Signature of the borrower", "Date", NULL },
  },
};

#define N_SECTIONS 4
#define N_ROWS     45

static ShoreDocument *
build_sample (const DocCase *c)
{
  static const ShoreDocumentAlign aligns[] = {
    SHORE_DOCUMENT_ALIGN_END, SHORE_DOCUMENT_ALIGN_START,
    SHORE_DOCUMENT_ALIGN_END, SHORE_DOCUMENT_ALIGN_START,
  };
  ShoreDocument *doc = shore_document_new (c->language);
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autofree char *all = NULL;

  shore_document_set_title (doc, c->title, c->subtitle);
  shore_document_set_footer (doc, c->footer);
  if (c->page_format != NULL)
    shore_document_set_page_format (doc, c->page_format);

  /* Blank lines split paragraphs. */
  all = g_strjoin ("\n\n", c->paragraphs[0], c->paragraphs[1], c->paragraphs[2], NULL);
  for (guint s = 1; s <= N_SECTIONS; s++)
    {
      g_autofree char *heading = g_strdup_printf ("%s %u", c->heading, s);

      shore_document_add_heading (doc, heading);
      shore_document_add_paragraph (doc, all);
      if (s == 2)
        {
          for (guint r = 1; r <= N_ROWS; r++)
            {
              char **row = g_new0 (char *, 5);

              row[0] = g_strdup_printf ("%u", r);
              row[1] = g_strdup_printf ("2024-%02u-15", (r - 1) % 12 + 1);
              row[2] = g_strdup ("¥500.00");
              row[3] = r % 7 == 0 ? g_strdup_printf ("%s %u %s", c->cell, r, c->paragraphs[0])
                                  : g_strdup_printf ("%s %u", c->cell, r);
              g_ptr_array_add (rows, row);
            }
          shore_document_add_table (doc, c->columns, 4, rows, aligns);
        }
    }
  shore_document_add_spacer (doc, 12);
  shore_document_add_signature_lines (doc, c->labels);
  return doc;
}

static void
test_render (gconstpointer data)
{
  const DocCase *c = data;
  g_autoptr(ShoreDocument) doc = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *pdf = NULL;
  g_autofree char *info = NULL;
  g_autoptr(GPtrArray) fonts = NULL;
  g_autofree char *pages_field = NULL;
  g_autofree char *size_field = NULL;
  g_autofree char *title_field = NULL;
  g_autofree char *shot = NULL;
  g_autoptr(GPtrArray) texts = NULL;
  guint n_pages, n_fonts = 0, header_pages = 0;

  if (!shore_test_pdf_have_poppler ())
    {
      g_test_skip ("poppler-utils (pdfinfo, pdffonts, pdftotext) is not installed");
      return;
    }

  dir = g_dir_make_tmp ("shore-document-XXXXXX", &error);
  g_assert_no_error (error);
  pdf = g_build_filename (dir, "doc.pdf", NULL);

  doc = build_sample (c);
  n_pages = shore_document_get_n_pages (doc, SHORE_DOCUMENT_A4_WIDTH, SHORE_DOCUMENT_A4_HEIGHT);
  g_assert_cmpuint (n_pages, >=, 3);
  g_assert_true (shore_document_render_pdf (doc, pdf, &error));
  g_assert_no_error (error);
  shot = g_strdup_printf ("document-%s.pdf", c->language);
  shore_test_pdf_keep_shot (pdf, shot);

  /* Page count, A4, metadata */
  info = shore_test_pdf_run_tool ("pdfinfo", pdf, NULL);
  pages_field = shore_test_pdf_info_field (info, "Pages");
  size_field = shore_test_pdf_info_field (info, "Page size");
  title_field = shore_test_pdf_info_field (info, "Title");
  g_assert_nonnull (pages_field);
  g_assert_cmpuint ((guint) g_ascii_strtoull (pages_field, NULL, 10), ==, n_pages);
  g_assert_nonnull (size_field);
  g_assert_true (g_str_has_prefix (size_field, "595.28 x 841.89 pts"));
  g_assert_cmpstr (title_field, ==, c->title);

  /* Every font embedded, the right CJK variant */
  fonts = shore_test_pdf_fonts (pdf);
  for (guint i = 0; i < fonts->len; i++)
    {
      const ShoreTestPdfFont *font = g_ptr_array_index (fonts, i);
      const char *line = font->line;
      g_autofree char *lower = g_ascii_strdown (line, -1);

      n_fonts++;
      if (!font->embedded)
        g_error ("font not embedded: %s", line);
      if (c->font != NULL)
        {
          g_autofree char *want = g_ascii_strdown (c->font, -1);

          /* 如 alone is drawn with Droid Sans Fallback in zh_CN (see
           * work_around_broken_glyphs in shore-document.c). */
          if (strstr (lower, want) == NULL && strstr (lower, "droidsansfallback") == NULL)
            g_error ("expected a %s font: %s", c->font, line);
        }
      if (c->other_font != NULL)
        {
          g_autofree char *avoid = g_ascii_strdown (c->other_font, -1);

          if (strstr (lower, avoid) != NULL)
            g_error ("unexpected font: %s", line);
        }
    }
  g_assert_cmpuint (n_fonts, >, 0);

  /* The text, page by page */
  texts = shore_test_pdf_page_texts (pdf);
  g_assert_cmpuint (texts->len, ==, n_pages);
  for (guint p = 0; p < n_pages; p++)
    {
      const char *page = g_ptr_array_index (texts, p);
      g_autofree char *number = NULL;
      g_autofree char *footer = shore_test_pdf_squeeze (c->footer);
      g_autofree char *columns = g_strconcat (c->columns[1], c->columns[2], NULL);
      g_autofree char *header = shore_test_pdf_squeeze (columns);

      if (c->page_format != NULL)
        {
          g_autofree char *format = shore_test_pdf_squeeze (c->page_format);
          g_auto(GStrv) parts = g_strsplit (format, "%u", 3);

          number = g_strdup_printf ("%s%u%s%u%s", parts[0], p + 1, parts[1], n_pages, parts[2]);
        }
      else
        number = g_strdup_printf ("%u/%u", p + 1, n_pages);

      if (strstr (page, number) == NULL)
        g_error ("page %u lacks its number %s: %s", p + 1, number, page);
      g_assert_nonnull (strstr (page, footer));
      if (strstr (page, header) != NULL)
        header_pages++;
    }
  {
    const char *first = g_ptr_array_index (texts, 0);
    const char *last = g_ptr_array_index (texts, n_pages - 1);
    g_autofree char *title = shore_test_pdf_squeeze (c->title);
    g_autofree char *row_1 = g_strdup_printf ("%s1", c->cell);
    g_autofree char *row_n = g_strdup_printf ("%s%u", c->cell, N_ROWS);
    g_autofree char *squeezed_1 = shore_test_pdf_squeeze (row_1);
    g_autofree char *squeezed_n = shore_test_pdf_squeeze (row_n);
    g_autofree char *label = shore_test_pdf_squeeze (c->labels[0]);
    guint row_1_page = G_MAXUINT, row_n_page = G_MAXUINT;

    g_assert_nonnull (strstr (first, title));
    g_assert_nonnull (strstr (last, label));
    for (guint p = 0; p < n_pages; p++)
      {
        const char *page = g_ptr_array_index (texts, p);

        if (row_1_page == G_MAXUINT && strstr (page, squeezed_1) != NULL)
          row_1_page = p;
        if (strstr (page, squeezed_n) != NULL)
          row_n_page = p;
      }
    /* The table crosses a page and its header repeats there. */
    g_assert_cmpuint (row_1_page, <, row_n_page);
    g_assert_cmpuint (row_n_page, <, n_pages);
    g_assert_cmpuint (header_pages, ==, row_n_page - row_1_page + 1);
  }

  /* The same pages on another surface, another size: US Letter */
  {
    cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 612, 792);
    cairo_t *cr = cairo_create (surface);
    guint n_letter = shore_document_get_n_pages (doc, 612, 792);

    g_assert_cmpuint (n_letter, >=, 3);
    for (guint p = 0; p <= n_letter; p++)
      shore_document_draw_page (doc, cr, p, 612, 792);
    g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
    cairo_destroy (cr);
    cairo_surface_destroy (surface);
    g_assert_cmpuint (shore_document_get_n_pages (doc, SHORE_DOCUMENT_A4_WIDTH,
                                                  SHORE_DOCUMENT_A4_HEIGHT), ==, n_pages);
  }

  g_unlink (pdf);
  g_rmdir (dir);
}

/* Headings, widows and orphans: a heading pushed down the first page by a
 * spacer, then a paragraph of five short hard lines. Whatever the spacer,
 * the heading shares its page with at least two lines, and no page holds
 * exactly one of the five. */

typedef struct
{
  const char *language;
  const char *heading;
  const char *lines[6];     /* NULL-terminated */
} KeepCase;

#define N_LINES 5

static const KeepCase keep_cases[] = {
  { "en", "Where the heading goes", { "Line alpha", "Line bravo", "Line charlie", "Line delta", "Line echo", NULL } },
  { "zh_CN", "标题的位置", { "第一行甲", "第二行乙", "第三行丙", "第四行丁", "第五行戊", NULL } },
};

static void
test_keep (gconstpointer data)
{
  const KeepCase *c = data;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *pdf = NULL;
  g_autofree char *body = g_strjoinv ("\n", (char **) c->lines);
  guint moved = 0, split = 0;

  if (!shore_test_pdf_have_poppler ())
    {
      g_test_skip ("poppler-utils (pdftotext) is not installed");
      return;
    }

  dir = g_dir_make_tmp ("shore-document-XXXXXX", &error);
  g_assert_no_error (error);
  pdf = g_build_filename (dir, "keep.pdf", NULL);

  for (double space = 560; space <= 720; space += 5)
    {
      g_autoptr(ShoreDocument) doc = shore_document_new (c->language);
      g_autoptr(GPtrArray) texts = NULL;
      g_autofree char *heading = shore_test_pdf_squeeze (c->heading);
      guint heading_page = G_MAXUINT;

      shore_document_add_paragraph (doc, "Intro");
      shore_document_add_spacer (doc, space);
      shore_document_add_heading (doc, c->heading);
      shore_document_add_paragraph (doc, body);
      g_assert_true (shore_document_render_pdf (doc, pdf, &error));
      g_assert_no_error (error);

      texts = shore_test_pdf_page_texts (pdf);
      g_assert_cmpuint (texts->len, ==, shore_document_get_n_pages (doc, SHORE_DOCUMENT_A4_WIDTH,
                                                                    SHORE_DOCUMENT_A4_HEIGHT));
      for (guint p = 0; p < texts->len; p++)
        {
          const char *page = g_ptr_array_index (texts, p);
          guint n_here = 0;

          if (strstr (page, heading) != NULL)
            heading_page = p;
          for (guint l = 0; l < N_LINES; l++)
            {
              g_autofree char *line = shore_test_pdf_squeeze (c->lines[l]);

              if (strstr (page, line) != NULL)
                n_here++;
            }
          if (n_here == 1)
            g_error ("a lone line on page %u (space %.0f): %s", p + 1, space, page);
          if (n_here > 0 && n_here < N_LINES)
            split++;
        }
      g_assert_cmpuint (heading_page, <, texts->len);
      {
        const char *page = g_ptr_array_index (texts, heading_page);
        g_autofree char *line_1 = shore_test_pdf_squeeze (c->lines[0]);
        g_autofree char *line_2 = shore_test_pdf_squeeze (c->lines[1]);

        if (strstr (page, line_1) == NULL || strstr (page, line_2) == NULL)
          g_error ("heading without two lines on page %u (space %.0f): %s",
                   heading_page + 1, space, page);
      }
      if (heading_page > 0)
        moved++;
    }
  /* The sweep did reach both cases: a heading moved, a paragraph split. */
  g_assert_cmpuint (moved, >, 0);
  g_assert_cmpuint (split, >, 0);

  g_unlink (pdf);
  g_rmdir (dir);
}

/* Page number formats */

static void
test_write_error (void)
{
  g_autoptr(ShoreDocument) doc = shore_document_new ("en");
  g_autoptr(GError) error = NULL;

  shore_document_add_paragraph (doc, "Text");
  g_assert_false (shore_document_render_pdf (doc, "/nonexistent-dir/shore/doc.pdf", &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "doc.pdf"));
}

/* A PDF replaces an old file only once it is whole, and leaves nothing
 * beside it; a folder it cannot write to keeps the old file as it was. */
static void
test_replace (void)
{
  g_autoptr(ShoreDocument) doc = shore_document_new ("en");
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("shore-test-document-XXXXXX", &error);
  g_autofree char *pdf = g_build_filename (dir, "handout.pdf", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GDir) listing = NULL;
  gsize length;

  g_assert_no_error (error);
  shore_document_add_paragraph (doc, "Text");
  g_assert_true (g_file_set_contents (pdf, "old", -1, &error));
  g_assert_true (shore_document_render_pdf (doc, pdf, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (pdf, &contents, &length, &error));
  g_assert_true (g_str_has_prefix (contents, "%PDF"));
  listing = g_dir_open (dir, 0, &error);
  g_assert_cmpstr (g_dir_read_name (listing), ==, "handout.pdf");
  g_assert_null (g_dir_read_name (listing));
  g_clear_pointer (&listing, g_dir_close);

  if (geteuid () != 0)   /* root writes anywhere */
    {
      g_autofree char *again = NULL;

      g_assert_cmpint (g_chmod (dir, 0500), ==, 0);
      g_assert_false (shore_document_render_pdf (doc, pdf, &error));
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED);
      g_clear_error (&error);
      g_assert_cmpint (g_chmod (dir, 0700), ==, 0);
      g_assert_true (g_file_get_contents (pdf, &again, NULL, NULL));
      g_assert_cmpmem (again, length, contents, length);
    }

  g_unlink (pdf);
  g_rmdir (dir);
}

static void
test_empty (void)
{
  g_autoptr(ShoreDocument) doc = shore_document_new (NULL);

  g_assert_cmpuint (shore_document_get_n_pages (doc, SHORE_DOCUMENT_A4_WIDTH,
                                                SHORE_DOCUMENT_A4_HEIGHT), ==, 1);
  shore_document_add_paragraph (doc, "\n\n \n");
  shore_document_add_spacer (doc, 2000);
  g_assert_cmpuint (shore_document_get_n_pages (doc, SHORE_DOCUMENT_A4_WIDTH,
                                                SHORE_DOCUMENT_A4_HEIGHT), ==, 1);
}

typedef struct
{
  const char *format;
  const char *expected;   /* page 2 of 5 */
} FormatCase;

static const FormatCase format_cases[] = {
  { "%u / %u",          "2/5" },
  { "Page %u of %u",    "Page2of5" },
  { "%2$u 页中第 %1$u 页", "5页中第2页" },
  { "%u%% (%u)",        "2%(5)" },
};

static void
test_page_format (gconstpointer data)
{
  const FormatCase *c = data;
  g_autoptr(ShoreDocument) doc = shore_document_new ("zh_CN");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) texts = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *pdf = NULL;

  if (!shore_test_pdf_have_poppler ())
    {
      g_test_skip ("poppler-utils (pdftotext) is not installed");
      return;
    }

  dir = g_dir_make_tmp ("shore-document-XXXXXX", &error);
  g_assert_no_error (error);
  pdf = g_build_filename (dir, "format.pdf", NULL);

  shore_document_set_page_format (doc, c->format);
  for (guint i = 0; i < 5; i++)
    {
      if (i > 0)
        shore_document_add_spacer (doc, 700);
      shore_document_add_paragraph (doc, "X");
    }
  g_assert_true (shore_document_render_pdf (doc, pdf, &error));
  g_assert_no_error (error);
  texts = shore_test_pdf_page_texts (pdf);
  g_assert_cmpuint (texts->len, ==, 5);
  g_assert_nonnull (strstr (g_ptr_array_index (texts, 1), c->expected));

  g_unlink (pdf);
  g_rmdir (dir);
}

/* A short zh_CN document with 如, which cairo 1.16 subsets into a broken
 * outline in Noto Sans CJK SC Regular: every glyph must draw (MuPDF says
 * "cannot render glyph" otherwise) and the text must still read back. */
static void
test_broken_glyph (void)
{
  g_autofree char *dir = g_dir_make_tmp ("shore-document-XXXXXX", NULL);
  g_autofree char *pdf = g_build_filename (dir, "glyph.pdf", NULL);
  g_autofree char *png = g_build_filename (dir, "glyph.png", NULL);
  g_autofree char *mutool = g_find_program_in_path ("mutool");
  g_autoptr(ShoreDocument) doc = shore_document_new ("zh_CN");
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *err = NULL;
  int status = 0;

  shore_document_add_paragraph (doc, "如需核实本人情况，如有疑问请联系。");
  g_assert_true (shore_document_render_pdf (doc, pdf, &error));
  g_assert_no_error (error);

  if (!shore_test_pdf_have_poppler () || mutool == NULL)
    {
      g_test_skip ("poppler-utils and mupdf-tools (mutool) are needed to read the PDF back");
      goto out;
    }

  text = shore_test_pdf_run_tool ("pdftotext", pdf, NULL);
  g_assert_nonnull (strstr (text, "如需核实本人情况"));

  {
    const char *argv[] = { mutool, "draw", "-q", "-r", "30", "-o", png, pdf, NULL };

    g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL, &err, &status, &error);
    g_assert_no_error (error);
    g_assert_null (strstr (err, "cannot render glyph"));
    g_assert_null (strstr (err, "broken file"));
  }

out:
  g_unlink (png);
  g_unlink (pdf);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (doc_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/document/render/%s", doc_cases[i].language);

      g_test_add_data_func (path, &doc_cases[i], test_render);
    }
  for (guint i = 0; i < G_N_ELEMENTS (keep_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/document/keep/%s", keep_cases[i].language);

      g_test_add_data_func (path, &keep_cases[i], test_keep);
    }
  for (guint i = 0; i < G_N_ELEMENTS (format_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/document/page-format/%u", i);

      g_test_add_data_func (path, &format_cases[i], test_page_format);
    }
  g_test_add_func ("/document/write-error", test_write_error);
  g_test_add_func ("/document/replace", test_replace);
  g_test_add_func ("/document/empty", test_empty);
  g_test_add_func ("/document/broken-glyph", test_broken_glyph);

  return g_test_run ();
}
