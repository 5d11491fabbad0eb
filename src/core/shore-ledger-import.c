/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "shore-ledger"

#include "config.h"

#include <string.h>

#include <glib.h>
#include "shore-intl.h"
#include <gio/gio.h>
#include <sqlite3.h>

#include "shore-debts.h"
#include "shore-ledger.h"
#include "shore-ledger-private.h"
#include "shore-money.h"

/* Bill import (writing parsed rows into the ledger) and CSV export.
 *
 * Import rules:
 * - One sqlite transaction with prepared statements reused for every row;
 *   a failing row, an error or a cancel rolls back the whole bill.
 * - A row is identified by (import_source, import_key): the source is the
 *   bill kind ("wechat", "alipay", "csv"); the key is its order number
 *   with the row's date and time ("4200…@2026-10-31T12:05:11": bills
 *   anonymized by hand, and some exports, repeat order numbers across
 *   rows), else "h:" + a hash of date, signed amount and payee + ":" + how many
 *   rows with the same three came before it in the file (so that two
 *   genuinely identical rows both import, and a re-import finds both).
 *   A CSV order number "wechat:…", "alipay:…" or "csv:…" (Shore's own
 *   export) is taken apart into source and key, so that re-importing an
 *   export finds the rows it came from.
 * - An order number seen before in the same file is a duplicate as well.
 * - Fees: the billed amount already holds a fee the bill names (WeChat's
 *   零钱提现 ¥100.10 with 服务费¥0.10 took 100.10 from the balance), so the
 *   amount is stored as billed and the fee stays in the note.
 * - Neutral rows carry no direction in the bill; they are stored as money
 *   going out (−), except a CSV row whose amount the parser read as income.
 * - Category: the bill's category column when it names a category of the
 *   right kind (Shore's own export); else the category last used for the
 *   same payee (of the row's kind); else keyword rules; else none.
 * - Loans: a row whose payee, item or note holds a lender's name (the
 *   longest that matches) is linked to that loan; money out to a lender is
 *   then a debt repayment, money in from one borrowed money. A repayment
 *   is also recorded as a payment of the loan (linked to its row, removed
 *   with an undone import) unless the loan already has a payment of that
 *   day and amount, so the register and the budget agree.
 * - Payee is stored as the bill's payee; note as item · original note
 *   (WeChat's "/" placeholders dropped).
 */

#define PROGRESS_EVERY 2000
#define EXPORT_FLUSH_BYTES 65536

static const char *
source_for_kind (ShoreImportKind kind)
{
  switch (kind)
    {
    case SHORE_IMPORT_KIND_WECHAT:
      return "wechat";
    case SHORE_IMPORT_KIND_ALIPAY:
      return "alipay";
    case SHORE_IMPORT_KIND_CSV:
    case SHORE_IMPORT_KIND_AUTO:
    default:
      return "csv";
    }
}

/* ---- Keyword rules ------------------------------------------------------ */

static const struct
{
  const char *keyword;
  ShoreFlow   flow;
  const char *category;
} keyword_rules[] = {
  { "餐饮",   SHORE_FLOW_EXPENSE, "food" },
  { "美团",   SHORE_FLOW_EXPENSE, "food" },
  { "饿了么", SHORE_FLOW_EXPENSE, "food" },
  { "肯德基", SHORE_FLOW_EXPENSE, "food" },
  { "麦当劳", SHORE_FLOW_EXPENSE, "food" },
  { "外卖",   SHORE_FLOW_EXPENSE, "food" },
  { "瑞幸",   SHORE_FLOW_EXPENSE, "food" },
  { "星巴克", SHORE_FLOW_EXPENSE, "food" },
  { "早餐",   SHORE_FLOW_EXPENSE, "food" },
  { "午餐",   SHORE_FLOW_EXPENSE, "food" },
  { "晚餐",   SHORE_FLOW_EXPENSE, "food" },
  { "小吃",   SHORE_FLOW_EXPENSE, "food" },
  { "面馆",   SHORE_FLOW_EXPENSE, "food" },
  { "拉面",   SHORE_FLOW_EXPENSE, "food" },
  { "餐厅",   SHORE_FLOW_EXPENSE, "food" },
  { "饭店",   SHORE_FLOW_EXPENSE, "food" },
  { "奶茶",   SHORE_FLOW_EXPENSE, "food" },
  { "咖啡",   SHORE_FLOW_EXPENSE, "food" },
  { "超市",   SHORE_FLOW_EXPENSE, "groceries" },
  { "盒马",   SHORE_FLOW_EXPENSE, "groceries" },
  { "便利店", SHORE_FLOW_EXPENSE, "groceries" },
  { "美宜佳", SHORE_FLOW_EXPENSE, "groceries" },
  { "菜市场", SHORE_FLOW_EXPENSE, "groceries" },
  { "日用品", SHORE_FLOW_EXPENSE, "groceries" },
  { "滴滴",   SHORE_FLOW_EXPENSE, "transport" },
  { "地铁",   SHORE_FLOW_EXPENSE, "transport" },
  { "公交",   SHORE_FLOW_EXPENSE, "transport" },
  { "12306",  SHORE_FLOW_EXPENSE, "transport" },
  { "加油",   SHORE_FLOW_EXPENSE, "transport" },
  { "出行",   SHORE_FLOW_EXPENSE, "transport" },
  { "乘车",   SHORE_FLOW_EXPENSE, "transport" },
  { "打车",   SHORE_FLOW_EXPENSE, "transport" },
  { "高铁",   SHORE_FLOW_EXPENSE, "transport" },
  { "火车",   SHORE_FLOW_EXPENSE, "transport" },
  { "机票",   SHORE_FLOW_EXPENSE, "transport" },
  { "房租",   SHORE_FLOW_EXPENSE, "housing" },
  { "租金",   SHORE_FLOW_EXPENSE, "housing" },
  { "物业",   SHORE_FLOW_EXPENSE, "housing" },
  { "话费",   SHORE_FLOW_EXPENSE, "utilities" },
  { "电费",   SHORE_FLOW_EXPENSE, "utilities" },
  { "水费",   SHORE_FLOW_EXPENSE, "utilities" },
  { "燃气",   SHORE_FLOW_EXPENSE, "utilities" },
  { "宽带",   SHORE_FLOW_EXPENSE, "utilities" },
  { "中国移动", SHORE_FLOW_EXPENSE, "utilities" },
  { "中国联通", SHORE_FLOW_EXPENSE, "utilities" },
  { "中国电信", SHORE_FLOW_EXPENSE, "utilities" },
  { "医院",   SHORE_FLOW_EXPENSE, "health" },
  { "药",     SHORE_FLOW_EXPENSE, "health" },
  { "诊所",   SHORE_FLOW_EXPENSE, "health" },
  { "学费",   SHORE_FLOW_EXPENSE, "education" },
  { "服饰",   SHORE_FLOW_EXPENSE, "clothing" },
  { "电影",   SHORE_FLOW_EXPENSE, "entertainment" },
  { "游戏",   SHORE_FLOW_EXPENSE, "entertainment" },
  { "淘宝",   SHORE_FLOW_EXPENSE, "shopping" },
  { "天猫",   SHORE_FLOW_EXPENSE, "shopping" },
  { "京东",   SHORE_FLOW_EXPENSE, "shopping" },
  { "拼多多", SHORE_FLOW_EXPENSE, "shopping" },
  { "手续费", SHORE_FLOW_EXPENSE, "fees" },
  { "服务费", SHORE_FLOW_EXPENSE, "fees" },
  { "利息",   SHORE_FLOW_EXPENSE, "fees" },
  { "红包",   SHORE_FLOW_EXPENSE, "social" },
  { "红包",   SHORE_FLOW_INCOME,  "gifts" },
  { "工资",   SHORE_FLOW_INCOME,  "salary" },
  { "薪资",   SHORE_FLOW_INCOME,  "salary" },
  { "退款",   SHORE_FLOW_INCOME,  "refunds" },
};

/* ---- The importer ------------------------------------------------------- */

typedef struct
{
  gint64  id;
  char   *lender;
} LoanName;

static void
loan_name_free (LoanName *loan)
{
  g_free (loan->lender);
  g_free (loan);
}

typedef struct
{
  ShoreStore          *store;
  ShoreImportKind      kind;
  gboolean             dry_run;

  sqlite3_stmt        *dup_stmt;
  sqlite3_stmt        *learn_stmt;
  sqlite3_stmt        *insert_stmt;
  sqlite3_stmt        *payment_stmt;

  GHashTable          *learned;       /* "kind\x1fpayee" → gint64* (0: none) */
  GHashTable          *keys;          /* "source\x1fkey" of this file */
  GHashTable          *occurrences;   /* hash base → guint* */
  GHashTable          *by_name;       /* "kind\x1fname" → gint64*: categories by stored and shown name */
  GHashTable          *kind_of;       /* category id → ShoreCategoryKind (as int) */
  GHashTable          *builtin_ids;   /* builtin key → gint64* */
  GHashTable          *accounts;      /* CSV account name → gint64* */
  GPtrArray           *loans;         /* of LoanName, longest lender first */
} Importer;

static void
importer_clear (Importer *self)
{
  g_clear_pointer (&self->dup_stmt, sqlite3_finalize);
  g_clear_pointer (&self->learn_stmt, sqlite3_finalize);
  g_clear_pointer (&self->insert_stmt, sqlite3_finalize);
  g_clear_pointer (&self->payment_stmt, sqlite3_finalize);
  g_clear_pointer (&self->learned, g_hash_table_unref);
  g_clear_pointer (&self->keys, g_hash_table_unref);
  g_clear_pointer (&self->occurrences, g_hash_table_unref);
  g_clear_pointer (&self->by_name, g_hash_table_unref);
  g_clear_pointer (&self->kind_of, g_hash_table_unref);
  g_clear_pointer (&self->builtin_ids, g_hash_table_unref);
  g_clear_pointer (&self->accounts, g_hash_table_unref);
  g_clear_pointer (&self->loans, g_ptr_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Importer, importer_clear)

static gint64 *
new_id (gint64 id)
{
  return g_memdup2 (&id, sizeof id);
}

static int
compare_lender_length (gconstpointer a,
                       gconstpointer b)
{
  const LoanName *la = *(LoanName * const *) a;
  const LoanName *lb = *(LoanName * const *) b;

  return (int) strlen (lb->lender) - (int) strlen (la->lender);
}

static gboolean
importer_init (Importer        *self,
               ShoreStore      *store,
               ShoreImportKind  kind,
               gboolean         dry_run,
               GError         **error)
{
  g_autoptr(GPtrArray) categories = NULL;
  g_autoptr(sqlite3_stmt) loans = NULL;
  g_autoptr(GError) local_error = NULL;
  gboolean has_row = FALSE;

  self->store = store;
  self->kind = kind;
  self->dry_run = dry_run;
  self->learned = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->occurrences = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->by_name = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->kind_of = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->builtin_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->accounts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->loans = g_ptr_array_new_with_free_func ((GDestroyNotify) loan_name_free);

  self->dup_stmt = shore_store_prepare (store,
                                        "SELECT 1 FROM transactions WHERE import_source = ?1 AND import_key = ?2",
                                        error);
  if (self->dup_stmt == NULL)
    return FALSE;
  self->learn_stmt = shore_store_prepare (store,
                                          "SELECT t.category_id FROM transactions t"
                                          " JOIN categories c ON c.id = t.category_id"
                                          " WHERE t.payee = ?1 AND c.kind = ?2 AND c.archived = 0"
                                          " ORDER BY t.date DESC, t.id DESC LIMIT 1",
                                          error);
  if (self->learn_stmt == NULL)
    return FALSE;
  /* A repayment in the bill is a payment of the loan, unless the register
   * already has one of that day and amount (typed by hand, or an earlier
   * bill), and not before the loan began. */
  self->payment_stmt = shore_store_prepare (store,
                                            "INSERT INTO payments (loan_id, date, amount, transaction_id)"
                                            " SELECT l.id, ?2, ?3, ?4 FROM loans l"
                                            " WHERE l.id = ?1 AND l.start_date <= ?2"
                                            " AND NOT EXISTS (SELECT 1 FROM payments p"
                                            "  WHERE p.loan_id = ?1 AND p.date = ?2 AND p.amount = ?3)",
                                            error);
  if (self->payment_stmt == NULL)
    return FALSE;

  categories = shore_ledger_list_categories (store, -1, TRUE, error);
  if (categories == NULL)
    return FALSE;
  for (guint i = 0; i < categories->len; i++)
    {
      ShoreCategory *category = g_ptr_array_index (categories, i);
      const char *kind_text = shore_category_kind_to_string (category->kind);

      g_hash_table_insert (self->kind_of, new_id (category->id), GINT_TO_POINTER (category->kind));
      if (category->builtin_key != NULL)
        g_hash_table_insert (self->builtin_ids, g_strdup (category->builtin_key), new_id (category->id));
      if (!category->archived || !g_hash_table_contains (self->by_name, category->name))
        g_hash_table_replace (self->by_name, g_strconcat (kind_text, "\x1f", category->name, NULL),
                              new_id (category->id));
    }

  loans = shore_store_prepare (store, "SELECT id, lender FROM loans WHERE archived = 0", error);
  if (loans == NULL)
    return FALSE;
  while (shore_store_step (store, loans, &has_row, &local_error) && has_row)
    {
      const char *lender = (const char *) sqlite3_column_text (loans, 1);
      LoanName *loan;

      if (lender == NULL || g_utf8_strlen (lender, -1) < 2)
        continue;   /* a one-letter lender would match everything */
      loan = g_new0 (LoanName, 1);
      loan->id = sqlite3_column_int64 (loans, 0);
      loan->lender = g_strdup (lender);
      g_ptr_array_add (self->loans, loan);
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  g_ptr_array_sort (self->loans, compare_lender_length);

  return TRUE;
}

static gint64
builtin_id (Importer   *self,
            const char *key)
{
  gint64 *id = g_hash_table_lookup (self->builtin_ids, key);

  return id != NULL ? *id : 0;
}

static ShoreCategoryKind
flow_kind (ShoreFlow flow)
{
  switch (flow)
    {
    case SHORE_FLOW_INCOME:
      return SHORE_CATEGORY_INCOME;
    case SHORE_FLOW_NEUTRAL:
      return SHORE_CATEGORY_NEUTRAL;
    case SHORE_FLOW_EXPENSE:
    default:
      return SHORE_CATEGORY_EXPENSE;
    }
}

/* The category last used for @payee among those of @kind; 0: none. */
static gboolean
learned_category (Importer           *self,
                  const char         *payee,
                  ShoreCategoryKind   kind,
                  gint64             *out,
                  GError            **error)
{
  g_autofree char *cache_key = NULL;
  gint64 *cached;
  gboolean has_row = FALSE;

  *out = 0;
  if (payee[0] == '\0')
    return TRUE;

  cache_key = g_strconcat (shore_category_kind_to_string (kind), "\x1f", payee, NULL);
  cached = g_hash_table_lookup (self->learned, cache_key);
  if (cached != NULL)
    {
      *out = *cached;
      return TRUE;
    }

  sqlite3_bind_text (self->learn_stmt, 1, payee, -1, SQLITE_STATIC);
  sqlite3_bind_text (self->learn_stmt, 2, shore_category_kind_to_string (kind), -1, SQLITE_STATIC);
  if (!shore_store_step (self->store, self->learn_stmt, &has_row, error))
    {
      sqlite3_reset (self->learn_stmt);
      return FALSE;
    }
  if (has_row)
    *out = sqlite3_column_int64 (self->learn_stmt, 0);
  sqlite3_reset (self->learn_stmt);

  g_hash_table_insert (self->learned, g_steal_pointer (&cache_key), new_id (*out));
  return TRUE;
}

static gint64
keyword_category (Importer             *self,
                  const ShoreImportRow *row,
                  ShoreFlow             flow)
{
  if (flow == SHORE_FLOW_NEUTRAL)
    return builtin_id (self, "transfer");
  if (row->loan_repayment && flow == SHORE_FLOW_EXPENSE)
    return builtin_id (self, "debt");

  for (guint i = 0; i < G_N_ELEMENTS (keyword_rules); i++)
    {
      const char *keyword = keyword_rules[i].keyword;

      if (keyword_rules[i].flow != flow)
        continue;
      if (strstr (row->payee, keyword) != NULL || strstr (row->item, keyword) != NULL ||
          strstr (row->type, keyword) != NULL)
        return builtin_id (self, keyword_rules[i].category);
    }

  return 0;
}

static gint64
match_loan (Importer             *self,
            const ShoreImportRow *row)
{
  for (guint i = 0; i < self->loans->len; i++)
    {
      LoanName *loan = g_ptr_array_index (self->loans, i);

      if (strstr (row->payee, loan->lender) != NULL || strstr (row->item, loan->lender) != NULL ||
          strstr (row->note, loan->lender) != NULL)
        return loan->id;
    }

  return 0;
}

/* The category the bill names (generic CSV), when it exists; any kind. */
static gint64
named_category (Importer             *self,
                const ShoreImportRow *row,
                ShoreFlow             flow,
                ShoreCategoryKind    *out_kind)
{
  static const ShoreCategoryKind kinds[] = { SHORE_CATEGORY_EXPENSE, SHORE_CATEGORY_INCOME, SHORE_CATEGORY_NEUTRAL };

  if (row->category[0] == '\0')
    return 0;

  /* the row's own kind first, then a neutral one (a transfer exported with a sign) */
  for (guint pass = 0; pass < 2; pass++)
    for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
      {
        g_autofree char *key = NULL;
        gint64 *id;

        if ((pass == 0) != (kinds[i] == flow_kind (flow)) ||
            (pass == 1 && kinds[i] != SHORE_CATEGORY_NEUTRAL))
          continue;
        key = g_strconcat (shore_category_kind_to_string (kinds[i]), "\x1f", row->category, NULL);
        id = g_hash_table_lookup (self->by_name, key);
        if (id != NULL)
          {
            *out_kind = kinds[i];
            return *id;
          }
      }

  return 0;
}

static gboolean
is_placeholder (const char *text)
{
  return text[0] == '\0' || strcmp (text, "/") == 0;
}

static char *
build_note (const ShoreImportRow *row)
{
  gboolean has_item = !is_placeholder (row->item);
  gboolean has_note = !is_placeholder (row->note);

  if (has_item && has_note && strcmp (row->item, row->note) != 0)
    return g_strconcat (row->item, " · ", row->note, NULL);
  if (has_item)
    return g_strdup (row->item);
  if (has_note)
    return g_strdup (row->note);
  return g_strdup ("");
}

/* The identity of @row: (source, key). */
static void
row_identity (Importer             *self,
              const ShoreImportRow *row,
              gint64                signed_amount,
              char                **out_source,
              char                **out_key)
{
  static const char * const sources[] = { "wechat:", "alipay:", "csv:" };
  g_autofree char *base = NULL;
  g_autofree char *hash = NULL;
  char date[16];
  guint *count;

  if (row->order_id[0] != '\0')
    {
      if (self->kind == SHORE_IMPORT_KIND_CSV)
        for (guint i = 0; i < G_N_ELEMENTS (sources); i++)
          if (g_str_has_prefix (row->order_id, sources[i]) && row->order_id[strlen (sources[i])] != '\0')
            {
              *out_source = g_strndup (sources[i], strlen (sources[i]) - 1);
              *out_key = g_strdup (row->order_id + strlen (sources[i]));
              return;
            }
      g_date_strftime (date, sizeof date, "%Y-%m-%d", &row->date);
      *out_source = g_strdup (source_for_kind (self->kind));
      *out_key = row->time[0] != '\0' ? g_strdup_printf ("%s@%sT%s", row->order_id, date, row->time)
                                       : g_strdup_printf ("%s@%s", row->order_id, date);
      return;
    }

  g_date_strftime (date, sizeof date, "%Y-%m-%d", &row->date);
  base = g_strdup_printf ("%s|%" G_GINT64_FORMAT "|%s", date, signed_amount, row->payee);
  hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, base, -1);
  count = g_hash_table_lookup (self->occurrences, base);
  if (count == NULL)
    {
      count = g_new0 (guint, 1);
      g_hash_table_insert (self->occurrences, g_steal_pointer (&base), count);
    }
  (*count)++;

  *out_source = g_strdup (source_for_kind (self->kind));
  *out_key = g_strdup_printf ("h:%.24s:%u", hash, *count);
}

static gboolean
exists_in_ledger (Importer    *self,
                  const char  *source,
                  const char  *key,
                  gboolean    *out_exists,
                  GError     **error)
{
  gboolean ok;

  sqlite3_bind_text (self->dup_stmt, 1, source, -1, SQLITE_STATIC);
  sqlite3_bind_text (self->dup_stmt, 2, key, -1, SQLITE_STATIC);
  ok = shore_store_step (self->store, self->dup_stmt, out_exists, error);
  sqlite3_reset (self->dup_stmt);

  return ok;
}

/* The account a row goes to; 0 on a dry run when it would be created. */
static gboolean
row_account (Importer             *self,
             const ShoreImportRow *row,
             gint64                default_id,
             gint64               *out,
             GError              **error)
{
  g_autoptr(GError) local_error = NULL;
  gint64 *cached;
  gint64 id;

  if (self->kind != SHORE_IMPORT_KIND_CSV || row->account[0] == '\0')
    {
      *out = default_id;
      return TRUE;
    }

  cached = g_hash_table_lookup (self->accounts, row->account);
  if (cached != NULL)
    {
      *out = *cached;
      return TRUE;
    }

  id = shore_ledger_lookup_account (self->store, SHORE_ACCOUNT_OTHER, row->account, !self->dry_run, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  g_hash_table_insert (self->accounts, g_strdup (row->account), new_id (id));
  *out = id;
  return TRUE;
}

/* Plans and (unless a dry run) writes one row. */
static gboolean
import_row (Importer             *self,
            const ShoreImportRow *row,
            gint64                account_id,
            gint64                import_id,
            ShoreImportPlan      *plan,
            ShoreImportSummary   *summary,
            GError              **error)
{
  ShoreTxnData data = { 0 };
  ShoreFlow flow = row->flow;
  ShoreCategoryKind named_kind = SHORE_CATEGORY_EXPENSE;
  gint64 magnitude, named;
  gboolean outgoing = row->flow != SHORE_FLOW_INCOME;
  gboolean exists = FALSE;
  g_autofree char *source = NULL;
  g_autofree char *key = NULL;
  g_autofree char *file_key = NULL;
  gboolean ok = TRUE;

  memset (plan, 0, sizeof *plan);

  /* The billed amount is what the account lost or gained; a fee the bill
   * names (WeChat 服务费) is already inside it and stays in the note. */
  magnitude = row->amount;

  /* identity and duplicates */
  row_identity (self, row, outgoing ? -row->amount : row->amount, &source, &key);
  file_key = g_strconcat (source, "\x1f", key, NULL);
  if (g_hash_table_contains (self->keys, file_key))
    exists = TRUE;
  else if (!exists_in_ledger (self, source, key, &exists, error))
    return FALSE;
  if (exists)
    {
      plan->status = SHORE_IMPORT_ROW_DUPLICATE;
      summary->duplicates++;
      return TRUE;
    }
  g_hash_table_add (self->keys, g_steal_pointer (&file_key));

  /* category and loan */
  named = named_category (self, row, flow, &named_kind);
  if (named != 0)
    {
      plan->category_id = named;
      if (named_kind == SHORE_CATEGORY_NEUTRAL)
        flow = SHORE_FLOW_NEUTRAL;
    }
  else if (!learned_category (self, row->payee, flow_kind (flow), &plan->category_id, error))
    return FALSE;
  if (plan->category_id == 0)
    plan->category_id = keyword_category (self, row, flow);

  plan->loan_id = match_loan (self, row);
  if (plan->loan_id != 0 && flow == SHORE_FLOW_EXPENSE)
    plan->category_id = builtin_id (self, "debt");
  else if (plan->loan_id != 0 && flow == SHORE_FLOW_INCOME && plan->category_id == 0)
    plan->category_id = builtin_id (self, "borrowing");

  /* totals */
  summary->transactions++;
  summary->linked_loans += plan->loan_id != 0;
  switch (flow)
    {
    case SHORE_FLOW_INCOME:
      summary->income_count++;
      ok = shore_money_add (summary->income, magnitude, &summary->income);
      break;
    case SHORE_FLOW_NEUTRAL:
      summary->neutral_count++;
      ok = shore_money_add (summary->neutral, magnitude, &summary->neutral);
      break;
    case SHORE_FLOW_EXPENSE:
    default:
      summary->expense_count++;
      ok = shore_money_add (summary->expense, magnitude, &summary->expense);
      break;
    }
  if (!ok)
    {
      g_set_error (error, SHORE_IMPORT_ERROR, SHORE_IMPORT_ERROR_BAD_ROW,
                   /* Translators: %u is a line number of the bill file */
                   _("The amounts of the bill add up to more than can be counted (line %u)."),
                   row->line);
      return FALSE;
    }

  if (self->dry_run)
    return TRUE;

  data.date = row->date;
  data.time = row->time;
  data.amount = outgoing ? -magnitude : magnitude;
  data.category_id = plan->category_id;
  data.payee = is_placeholder (row->payee) ? (char *) "" : row->payee;
  data.note = build_note (row);
  data.loan_id = plan->loan_id;
  data.import_id = import_id;
  data.import_source = source;
  data.import_key = key;
  ok = row_account (self, row, account_id, &data.account_id, error) &&
       shore_ledger_insert_txn (self->store, &data, &self->insert_stmt, error);
  g_free (data.note);

  if (ok && plan->loan_id != 0 && flow == SHORE_FLOW_EXPENSE)
    {
      char date[16];

      g_date_strftime (date, sizeof date, "%Y-%m-%d", &row->date);
      sqlite3_bind_int64 (self->payment_stmt, 1, plan->loan_id);
      sqlite3_bind_text (self->payment_stmt, 2, date, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (self->payment_stmt, 3, magnitude);
      sqlite3_bind_int64 (self->payment_stmt, 4, data.id);
      ok = shore_store_step_done (self->store, self->payment_stmt, error);
      sqlite3_reset (self->payment_stmt);
    }

  return ok;
}

static gboolean
check_cancelled (GCancellable  *cancellable,
                 GError       **error)
{
  if (!g_cancellable_is_cancelled (cancellable))
    return FALSE;

  g_set_error_literal (error, SHORE_IMPORT_ERROR, SHORE_IMPORT_ERROR_CANCELLED,
                       _("The import was cancelled; nothing from the bill was saved."));
  return TRUE;
}

static ShoreAccountKind
account_kind_for (ShoreImportKind kind)
{
  switch (kind)
    {
    case SHORE_IMPORT_KIND_WECHAT:
      return SHORE_ACCOUNT_WECHAT;
    case SHORE_IMPORT_KIND_ALIPAY:
      return SHORE_ACCOUNT_ALIPAY;
    case SHORE_IMPORT_KIND_CSV:
    case SHORE_IMPORT_KIND_AUTO:
    default:
      return SHORE_ACCOUNT_CASH;
    }
}

static gboolean
write_import_record (ShoreStore               *store,
                     const ShoreImportResult  *result,
                     const char               *file_name,
                     gint64                    account_id,
                     gint64                   *out_id,
                     GError                  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = shore_store_prepare (store,
                              "INSERT INTO imports (file_name, kind, account_id, row_count, skipped_count)"
                              " VALUES (?1, ?2, ?3, ?4, ?5)",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, file_name != NULL ? file_name : "", -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, source_for_kind (result->kind), -1, SQLITE_STATIC);
  if (account_id > 0)
    sqlite3_bind_int64 (stmt, 3, account_id);
  else
    sqlite3_bind_null (stmt, 3);
  sqlite3_bind_int64 (stmt, 4, (gint64) result->rows->len + result->n_skipped);
  sqlite3_bind_int64 (stmt, 5, result->n_skipped);
  if (!shore_store_step_done (store, stmt, error))
    return FALSE;

  *out_id = sqlite3_last_insert_rowid (shore_store_get_db (store));
  return TRUE;
}

static gboolean
finish_import_record (ShoreStore                *store,
                      const ShoreImportSummary  *summary,
                      GError                   **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = shore_store_prepare (store,
                              "UPDATE imports SET imported_count = ?2, duplicate_count = ?3 WHERE id = ?1",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, summary->import_id);
  sqlite3_bind_int64 (stmt, 2, summary->transactions);
  sqlite3_bind_int64 (stmt, 3, summary->duplicates);

  return shore_store_step_done (store, stmt, error);
}

static gboolean
import_rows (ShoreStore               *store,
             const ShoreImportResult  *result,
             gint64                    account_id,
             const char               *file_name,
             gboolean                  dry_run,
             ShoreImportProgress       progress,
             gpointer                  progress_data,
             GCancellable             *cancellable,
             ShoreImportSummary       *summary,
             GArray                   *plans,
             GError                  **error)
{
  g_auto(Importer) importer = { 0 };
  guint n_rows = result->rows->len;

  if (account_id == 0)
    account_id = shore_ledger_lookup_account (store, account_kind_for (result->kind), NULL, !dry_run, error);
  if (account_id == 0 && !dry_run)
    return FALSE;
  if (error != NULL && *error != NULL)
    return FALSE;
  summary->account_id = account_id;

  if (!dry_run && !write_import_record (store, result, file_name, account_id, &summary->import_id, error))
    return FALSE;

  if (!importer_init (&importer, store, result->kind, dry_run, error))
    return FALSE;

  for (guint i = 0; i < n_rows; i++)
    {
      const ShoreImportRow *row = g_ptr_array_index (result->rows, i);
      ShoreImportPlan plan;
      gboolean ok;

      if (i % PROGRESS_EVERY == 0 && i > 0)
        {
          if (progress != NULL)
            progress ((double) i / n_rows, progress_data);
          if (check_cancelled (cancellable, error))
            return FALSE;
        }

      ok = import_row (&importer, row, account_id, summary->import_id, &plan, summary, error);
      if (plans != NULL)
        g_array_append_val (plans, plan);
      if (!ok && error != NULL && *error != NULL && (*error)->domain == SHORE_STORE_ERROR)
        {
          g_autofree char *message = g_steal_pointer (&(*error)->message);

          (*error)->message = g_strdup_printf (
            /* Translators: %u is a line number of the bill file, %s the reason */
            _("Line %u of the bill could not be saved: %s"), row->line, message);
        }
      if (!ok)
        return FALSE;
    }

  if (check_cancelled (cancellable, error))
    return FALSE;
  if (progress != NULL)
    progress (1.0, progress_data);

  return dry_run || finish_import_record (store, summary, error);
}

gboolean
shore_ledger_import (ShoreStore               *store,
                     const ShoreImportResult  *result,
                     gint64                    account_id,
                     const char               *file_name,
                     gboolean                  dry_run,
                     ShoreImportProgress       progress,
                     gpointer                  progress_data,
                     GCancellable             *cancellable,
                     ShoreImportSummary       *out_summary,
                     GArray                  **out_plan,
                     GError                  **error)
{
  g_autoptr(GArray) plans = NULL;
  g_autoptr(GError) local_error = NULL;
  ShoreImportSummary summary = { 0 };
  gboolean ok;

  g_return_val_if_fail (SHORE_IS_STORE (store), FALSE);
  g_return_val_if_fail (result != NULL && result->rows != NULL, FALSE);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  summary.kind = result->kind;
  summary.skipped = result->n_skipped;
  if (out_plan != NULL)
    plans = g_array_sized_new (FALSE, TRUE, sizeof (ShoreImportPlan), result->rows->len);

  /* A dry run reads in a transaction too, for one consistent view */
  if (!shore_store_begin (store, error))
    return FALSE;

  ok = import_rows (store, result, account_id, file_name, dry_run, progress, progress_data,
                    cancellable, &summary, plans, &local_error);
  if (!ok)
    {
      shore_store_rollback (store);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  /* A dry run, or a bill with nothing new (a re-import): nothing is written,
   * not even the record of the import or the account it would create */
  if (dry_run || summary.transactions == 0)
    {
      shore_store_rollback (store);
      summary.import_id = 0;
      if (!dry_run && account_id == 0)
        {
          summary.account_id = shore_ledger_lookup_account (store, account_kind_for (result->kind), NULL,
                                                            FALSE, &local_error);
          if (local_error != NULL)
            {
              g_propagate_error (error, g_steal_pointer (&local_error));
              return FALSE;
            }
        }
    }
  else if (!shore_store_commit (store, error))
    {
      shore_store_rollback (store);
      return FALSE;
    }
  if (out_summary != NULL)
    *out_summary = summary;
  if (out_plan != NULL)
    *out_plan = g_steal_pointer (&plans);
  return TRUE;
}

gboolean
shore_ledger_undo_import (ShoreStore  *store,
                          gint64       import_id,
                          GError     **error)
{
  static const char * const statements[] = {
    "DELETE FROM payments WHERE transaction_id IN (SELECT id FROM transactions WHERE import_id = ?1)",
    "DELETE FROM transactions WHERE import_id = ?1",
    "DELETE FROM imports WHERE id = ?1",
  };
  gboolean ok = TRUE;

  g_return_val_if_fail (SHORE_IS_STORE (store), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!shore_store_begin (store, error))
    return FALSE;

  /* The rows go first: deleting the record would unlink them (SET NULL) */
  for (guint i = 0; ok && i < G_N_ELEMENTS (statements); i++)
    {
      g_autoptr(sqlite3_stmt) stmt = shore_store_prepare (store, statements[i], error);

      ok = stmt != NULL;
      if (ok)
        {
          sqlite3_bind_int64 (stmt, 1, import_id);
          ok = shore_store_step_done (store, stmt, error);
        }
    }
  if (ok && sqlite3_changes (shore_store_get_db (store)) == 0)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                           _("This import was already undone."));
      ok = FALSE;
    }

  if (ok && shore_store_commit (store, error))
    return TRUE;

  shore_store_rollback (store);
  return FALSE;
}

/* ---- CSV export --------------------------------------------------------- */

/* One cell by the CSV rules (RFC 4180): quoted when it holds a comma, a
 * quote or a line break, quotes doubled. A text cell that a spreadsheet
 * would run as a formula (= + - @ first) gets a leading '. */
static void
append_cell (GString    *line,
             const char *text,
             gboolean    is_text,
             gboolean    first)
{
  g_autoptr(GString) cell = g_string_new (NULL);

  if (!first)
    g_string_append_c (line, ',');
  if (text == NULL || text[0] == '\0')
    return;

  if (is_text && strchr ("=+-@", text[0]) != NULL)
    g_string_append_c (cell, '\'');
  g_string_append (cell, text);

  if (strpbrk (cell->str, ",\"\r\n") == NULL)
    {
      g_string_append_len (line, cell->str, cell->len);
      return;
    }

  g_string_append_c (line, '"');
  for (const char *p = cell->str; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (line, '"');
      g_string_append_c (line, *p);
    }
  g_string_append_c (line, '"');
}

static gboolean
flush_buffer (GOutputStream  *out,
              GString        *buffer,
              GCancellable   *cancellable,
              GError        **error)
{
  gboolean ok = g_output_stream_write_all (out, buffer->str, buffer->len, NULL, cancellable, error);

  g_string_truncate (buffer, 0);
  return ok;
}

gboolean
shore_ledger_export_csv (ShoreStore            *store,
                         const ShoreTxnFilter  *filter,
                         GOutputStream         *out,
                         guint                 *out_count,
                         GCancellable          *cancellable,
                         GError               **error)
{
  g_autoptr(GString) sql = g_string_new (NULL);
  g_autoptr(GString) buffer = g_string_sized_new (EXPORT_FLUSH_BYTES + 1024);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GError) local_error = NULL;
  gboolean has_row = FALSE;
  guint count = 0;
  /* The generic CSV importer knows these names in every UI language
   * (shore-import.c, guess_fields): translations must use exactly those. */
  const char *header[] = {
    /* Translators: the column headings of the exported CSV file. The importer recognises
     * 日期,时间,金额,账户,分类,收付对象,备注,订单号 (zh_CN) and 日期,時間,金額,帳戶,分類,收付對象,備註,訂單號 (zh_TW):
     * use exactly these */
    C_("csv header", "Date"), C_("csv header", "Time"), C_("csv header", "Amount"),
    C_("csv header", "Account"), C_("csv header", "Category"), C_("csv header", "Payee"),
    C_("csv header", "Note"), C_("csv header", "Order number"),
  };

  g_return_val_if_fail (SHORE_IS_STORE (store), FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (out), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  g_string_append (sql,
                   "SELECT " SHORE_LEDGER_TXN_COLUMNS ", a.name, c.name, c.builtin_key"
                   " FROM transactions t JOIN accounts a ON a.id = t.account_id"
                   " LEFT JOIN categories c ON c.id = t.category_id");
  shore_ledger_append_filter (sql, filter);
  g_string_append (sql, " ORDER BY t.date, t.time, t.id");

  stmt = shore_store_prepare (store, sql->str, error);
  if (stmt == NULL)
    return FALSE;
  shore_ledger_bind_filter (stmt, filter);

  g_string_append (buffer, "\xEF\xBB\xBF");
  for (guint i = 0; i < G_N_ELEMENTS (header); i++)
    append_cell (buffer, header[i], TRUE, i == 0);
  g_string_append (buffer, "\r\n");

  while (shore_store_step (store, stmt, &has_row, &local_error) && has_row)
    {
      ShoreTxnData data;
      g_autofree char *date = NULL;
      g_autofree char *amount = NULL;
      g_autofree char *order = NULL;
      const int x = SHORE_LEDGER_N_TXN_COLUMNS;
      const char *category_name = (const char *) sqlite3_column_text (stmt, x + 1);

      if (!shore_ledger_read_txn (stmt, 0, &data))
        {
          shore_txn_data_clear (&data);
          g_set_error_literal (error, SHORE_STORE_ERROR, SHORE_STORE_ERROR_NOT_A_DATABASE,
                               _("A saved entry of the budget cannot be read; the database may be damaged."));
          return FALSE;
        }

      date = shore_date_format_iso (&data.date);
      amount = shore_money_format_plain (data.amount);
      if (data.import_source != NULL && data.import_key != NULL)
        order = g_strconcat (data.import_source, ":", data.import_key, NULL);

      append_cell (buffer, date, FALSE, TRUE);
      append_cell (buffer, data.time, FALSE, FALSE);
      append_cell (buffer, amount, FALSE, FALSE);
      append_cell (buffer, (const char *) sqlite3_column_text (stmt, x + 0), TRUE, FALSE);
      append_cell (buffer, category_name != NULL ?
                           shore_ledger_category_display_name ((const char *) sqlite3_column_text (stmt, x + 2),
                                                               category_name) : NULL,
                   TRUE, FALSE);
      append_cell (buffer, data.payee, TRUE, FALSE);
      append_cell (buffer, data.note, TRUE, FALSE);
      append_cell (buffer, order, TRUE, FALSE);
      g_string_append (buffer, "\r\n");
      shore_txn_data_clear (&data);
      count++;

      if (buffer->len >= EXPORT_FLUSH_BYTES && !flush_buffer (out, buffer, cancellable, error))
        return FALSE;
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  if (!flush_buffer (out, buffer, cancellable, error))
    return FALSE;

  if (out_count != NULL)
    *out_count = count;
  return TRUE;
}
