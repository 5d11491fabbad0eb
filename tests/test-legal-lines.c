/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>

#include <glib.h>

#include "shore-i18n.h"
#include "shore-legal-lines.h"
#include "shore-loan.h"

static GDate
date_of (const char *iso)
{
  GDate date;

  g_assert_true (shore_date_parse (iso, &date, NULL));
  return date;
}

static void
add_rows (const char    *prefix,
          gconstpointer  rows,
          gsize          row_size,
          gsize          n_rows,
          GTestDataFunc  check)
{
  gsize i;

  for (i = 0; i < n_rows; i++)
    {
      g_autofree char *path = g_strdup_printf ("%s/%02" G_GSIZE_FORMAT, prefix, i);

      g_test_add_data_func (path, (const guint8 *) rows + i * row_size, check);
    }
}

#define ADD_ROWS(prefix, table, check) \
  add_rows (prefix, table, sizeof table[0], G_N_ELEMENTS (table), check)

/* ---- the LPR table: the day before and the day of every change ---- */

typedef struct
{
  const char *date;
  gint64      hundredths;     /* 0: no LPR */
  const char *effective;
} LprCase;

static const LprCase lpr_cases[] = {
  { "1990-01-01", 0, NULL },
  { "2019-08-19", 0, NULL },
  { "2019-08-20", 425, "2019-08-20" },
  { "2020-04-19", 425, "2019-08-20" },
  { "2020-04-20", 385, "2020-04-20" },
  { "2020-08-20", 385, "2020-04-20" },
  { "2021-12-19", 385, "2020-04-20" },
  { "2021-12-20", 380, "2021-12-20" },
  { "2022-01-19", 380, "2021-12-20" },
  { "2022-01-20", 370, "2022-01-20" },
  { "2022-08-21", 370, "2022-01-20" },
  { "2022-08-22", 365, "2022-08-22" },
  { "2023-06-19", 365, "2022-08-22" },
  { "2023-06-20", 355, "2023-06-20" },
  { "2023-08-20", 355, "2023-06-20" },
  { "2023-08-21", 345, "2023-08-21" },
  { "2024-07-21", 345, "2023-08-21" },
  { "2024-07-22", 335, "2024-07-22" },
  { "2024-10-20", 335, "2024-07-22" },
  { "2024-10-21", 310, "2024-10-21" },
  { "2025-05-19", 310, "2024-10-21" },
  { "2025-05-20", 300, "2025-05-20" },
  { "2026-01-15", 300, "2025-05-20" },
  { "2099-12-31", 300, "2025-05-20" },
};

static void
check_lpr (gconstpointer data)
{
  const LprCase *c = data;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  GDate date = date_of (c->date);
  GDate effective;
  gint64 hundredths = -1;

  g_date_clear (&effective, 1);
  if (c->hundredths == 0)
    {
      g_assert_false (shore_lpr_lookup (&date, &hundredths, &effective, &error));
      g_assert_error (error, SHORE_LEGAL_ERROR, SHORE_LEGAL_ERROR_NO_LPR);
      g_assert_nonnull (strstr (error->message, c->date));
      g_assert_nonnull (strstr (error->message, "2019-08-20"));
      g_assert_cmpint (hundredths, ==, -1);
      return;
    }

  g_assert_true (shore_lpr_lookup (&date, &hundredths, &effective, &error));
  g_assert_no_error (error);
  g_assert_cmpint (hundredths, ==, c->hundredths);
  g_assert_true (g_date_valid (&effective));
  text = shore_date_format_iso (&effective);
  g_assert_cmpstr (text, ==, c->effective);

  /* Optional outputs */
  g_assert_true (shore_lpr_lookup (&date, NULL, NULL, NULL));
}

/* ---- which line applies to whom ---- */

typedef struct
{
  ShoreLenderType type;
  gboolean        lpr_applies;
  gboolean        line24_applies;
} ApplyCase;

static const ApplyCase apply_cases[] = {
  { SHORE_LENDER_BANK, FALSE, TRUE },
  { SHORE_LENDER_CONSUMER_FINANCE, FALSE, TRUE },
  { SHORE_LENDER_MICROLENDER, FALSE, TRUE },
  { SHORE_LENDER_PLATFORM, FALSE, TRUE },
  { SHORE_LENDER_PRIVATE, TRUE, FALSE },
  { SHORE_LENDER_CREDIT_CARD, FALSE, TRUE },
};

static void
check_apply (gconstpointer data)
{
  const ApplyCase *c = data;
  ShoreLegalLine lines[SHORE_N_LEGAL_LINES];
  GDate contract = date_of ("2026-01-15");
  g_autofree char *lpr_date = NULL;
  int kind;

  shore_legal_lines_for (c->type, &contract, lines);

  for (kind = 0; kind < SHORE_N_LEGAL_LINES; kind++)
    {
      g_assert_cmpint (lines[kind].kind, ==, kind);
      g_assert_nonnull (lines[kind].title);
      g_assert_nonnull (lines[kind].explanation);
      g_assert_cmpuint (strlen (lines[kind].explanation), >, 200);
      g_assert_true (g_utf8_validate (lines[kind].explanation, -1, NULL));
    }

  /* 2026: LPR 3.00 % since 2025-05-20, so 12.00 % */
  g_assert_cmpint (lines[SHORE_LEGAL_LINE_4LPR].annual_hundredths, ==, 1200);
  g_assert_cmpint (lines[SHORE_LEGAL_LINE_4LPR].lpr_hundredths, ==, 300);
  lpr_date = shore_date_format_iso (&lines[SHORE_LEGAL_LINE_4LPR].lpr_date);
  g_assert_cmpstr (lpr_date, ==, "2025-05-20");
  g_assert_cmpint (lines[SHORE_LEGAL_LINE_4LPR].basis, ==, SHORE_BASIS_LAW);
  g_assert_cmpint (lines[SHORE_LEGAL_LINE_4LPR].applies, ==, c->lpr_applies);

  g_assert_cmpint (lines[SHORE_LEGAL_LINE_24].annual_hundredths, ==, 2400);
  g_assert_cmpint (lines[SHORE_LEGAL_LINE_24].basis, ==, SHORE_BASIS_REGULATION);
  g_assert_cmpint (lines[SHORE_LEGAL_LINE_24].applies, ==, c->line24_applies);
  g_assert_false (g_date_valid (&lines[SHORE_LEGAL_LINE_24].lpr_date));

  g_assert_cmpint (lines[SHORE_LEGAL_LINE_36].annual_hundredths, ==, 3600);
  g_assert_cmpint (lines[SHORE_LEGAL_LINE_36].basis, ==, SHORE_BASIS_HISTORIC);
  g_assert_false (lines[SHORE_LEGAL_LINE_36].applies);

  /* Exactly one line applies */
  g_assert_cmpint (lines[0].applies + lines[1].applies + lines[2].applies, ==, 1);
}

/* ---- the 4 × LPR line by contract date ---- */

typedef struct
{
  const char *contract;
  gint64      annual;
} FourCase;

static const FourCase four_cases[] = {
  { "2019-08-20", 1700 },
  { "2020-06-01", 1540 },
  { "2021-12-20", 1520 },
  { "2022-01-20", 1480 },
  { "2022-08-22", 1460 },
  { "2023-06-20", 1420 },
  { "2023-08-21", 1380 },
  { "2024-07-22", 1340 },
  { "2024-10-21", 1240 },
  { "2025-05-20", 1200 },
  { "2026-08-20", 1200 },
};

static void
check_four (gconstpointer data)
{
  const FourCase *c = data;
  ShoreLegalLine lines[SHORE_N_LEGAL_LINES];
  GDate contract = date_of (c->contract);

  shore_legal_lines_for (SHORE_LENDER_PRIVATE, &contract, lines);
  g_assert_cmpint (lines[SHORE_LEGAL_LINE_4LPR].annual_hundredths, ==, c->annual);
  g_assert_cmpint (lines[SHORE_LEGAL_LINE_4LPR].annual_hundredths, ==, 4 * lines[SHORE_LEGAL_LINE_4LPR].lpr_hundredths);
  g_assert_true (lines[SHORE_LEGAL_LINE_4LPR].applies);
}

/* Before the first LPR: no 4 × LPR line, even for private lending */
static void
test_before_lpr (void)
{
  ShoreLegalLine lines[SHORE_N_LEGAL_LINES];
  GDate contract = date_of ("2019-08-19");

  shore_legal_lines_for (SHORE_LENDER_PRIVATE, &contract, lines);
  g_assert_cmpint (lines[SHORE_LEGAL_LINE_4LPR].annual_hundredths, ==, 0);
  g_assert_cmpint (lines[SHORE_LEGAL_LINE_4LPR].lpr_hundredths, ==, 0);
  g_assert_false (lines[SHORE_LEGAL_LINE_4LPR].applies);
  g_assert_false (g_date_valid (&lines[SHORE_LEGAL_LINE_4LPR].lpr_date));
  g_assert_false (shore_legal_line_crossed (&lines[SHORE_LEGAL_LINE_4LPR], 5.0));
  g_assert_nonnull (lines[SHORE_LEGAL_LINE_4LPR].explanation);
}

/* ---- what the explanations must say ---- */

typedef struct
{
  ShoreLegalLineKind kind;
  const char        *needle;
} CiteCase;

static const CiteCase cite_cases[] = {
  { SHORE_LEGAL_LINE_4LPR, "第二十五条" },
  { SHORE_LEGAL_LINE_4LPR, "第二十八条" },
  { SHORE_LEGAL_LINE_4LPR, "第二十九条" },
  { SHORE_LEGAL_LINE_4LPR, "第一条" },
  { SHORE_LEGAL_LINE_4LPR, "《最高人民法院关于审理民间借贷案件适用法律若干问题的规定》" },
  { SHORE_LEGAL_LINE_4LPR, "《最高人民法院关于新民间借贷司法解释适用范围问题的批复》" },
  { SHORE_LEGAL_LINE_4LPR, "licensed by the financial regulators" },
  { SHORE_LEGAL_LINE_4LPR, "our reading" },
  { SHORE_LEGAL_LINE_24, "commonly cited" },
  { SHORE_LEGAL_LINE_24, "金规〔2025〕9号" },
  { SHORE_LEGAL_LINE_24, "not a statute" },
  { SHORE_LEGAL_LINE_24, "reported" },
  { SHORE_LEGAL_LINE_24, "2021-01-01" },
  { SHORE_LEGAL_LINE_24, "Credit cards" },
  { SHORE_LEGAL_LINE_36, "第三十一条" },
  { SHORE_LEGAL_LINE_36, "2020-08-20" },
  { SHORE_LEGAL_LINE_36, "void" },
};

static void
check_cite (gconstpointer data)
{
  const CiteCase *c = data;
  ShoreLegalLine lines[SHORE_N_LEGAL_LINES];
  GDate contract = date_of ("2026-01-15");

  shore_legal_lines_for (SHORE_LENDER_PRIVATE, &contract, lines);
  g_assert_nonnull (strstr (lines[c->kind].explanation, c->needle));
}

/* ---- crossing a line ---- */

typedef struct
{
  ShoreLegalLineKind kind;
  const char        *contract;
  double             annual;
  gboolean           crossed;
} CrossCase;

static const CrossCase cross_cases[] = {
  { SHORE_LEGAL_LINE_4LPR, "2026-01-15", 0.12, FALSE },
  { SHORE_LEGAL_LINE_4LPR, "2026-01-15", 0.1201, TRUE },
  { SHORE_LEGAL_LINE_4LPR, "2026-01-15", 0.1825, TRUE },
  { SHORE_LEGAL_LINE_4LPR, "2020-06-01", 0.154, FALSE },
  { SHORE_LEGAL_LINE_4LPR, "2020-06-01", 0.1541, TRUE },
  { SHORE_LEGAL_LINE_4LPR, "2019-01-01", 9.0, FALSE },
  { SHORE_LEGAL_LINE_24, "2026-01-15", 0.24, FALSE },
  { SHORE_LEGAL_LINE_24, "2026-01-15", 0.2400001, TRUE },
  { SHORE_LEGAL_LINE_24, "2026-01-15", 0.18, FALSE },
  { SHORE_LEGAL_LINE_24, "2026-01-15", -0.5, FALSE },
  { SHORE_LEGAL_LINE_36, "2026-01-15", 0.36, FALSE },
  { SHORE_LEGAL_LINE_36, "2026-01-15", 0.37, TRUE },
};

static void
check_cross (gconstpointer data)
{
  const CrossCase *c = data;
  ShoreLegalLine lines[SHORE_N_LEGAL_LINES];
  GDate contract = date_of (c->contract);

  shore_legal_lines_for (SHORE_LENDER_BANK, &contract, lines);
  g_assert_cmpint (shore_legal_line_crossed (&lines[c->kind], c->annual), ==, c->crossed);
}

int
main (int    argc,
      char **argv)
{
  shore_i18n_init ();
  g_test_init (&argc, &argv, NULL);

  ADD_ROWS ("/legal-lines/lpr", lpr_cases, check_lpr);
  ADD_ROWS ("/legal-lines/applies", apply_cases, check_apply);
  ADD_ROWS ("/legal-lines/four-lpr", four_cases, check_four);
  g_test_add_func ("/legal-lines/before-lpr", test_before_lpr);
  ADD_ROWS ("/legal-lines/cites", cite_cases, check_cite);
  ADD_ROWS ("/legal-lines/crossed", cross_cases, check_cross);

  return g_test_run ();
}
