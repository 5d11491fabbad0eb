/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#include <glib.h>
#include <glib/gstdio.h>
#include <gio/gio.h>

#include "shore-import.h"
#include "shore-test-util.h"

/* Fixtures: tests/data/import, written by make-fixtures.py and
 * make-xlsx.py there; the rows below must follow them. */

#define E SHORE_FLOW_EXPENSE
#define I SHORE_FLOW_INCOME
#define N SHORE_FLOW_NEUTRAL

typedef struct
{
  guint       line;
  const char *date;      /* YYYY-MM-DD */
  const char *time;
  ShoreFlow   flow;
  gint64      amount;
  gint64      fee;
  gint64      refunded;
  gboolean    loan;
  const char *order_id;
  const char *payee;
} ExpectRow;

typedef struct
{
  const char      *file;
  ShoreImportKind  kind;        /* what detect and parse report */
  const char      *hint;
  guint            n_skipped;
  const char      *first_date;
  const char      *last_date;
  ExpectRow        rows[12];    /* ends at line 0 */
} FixtureCase;

static const FixtureCase fixture_cases[] = {
  { "wechat.csv", SHORE_IMPORT_KIND_WECHAT, "WeChat", 6, "2024-03-01", "2024-03-21", {
      { 18, "2024-03-01", "12:45:27", E, 2816, 0, 0, FALSE, "4200000001", "米线店(广场店)" },
      { 19, "2024-03-02", "10:10:11", I, 35, 0, 0, FALSE, "1000039901", "好友" },
      { 20, "2024-03-03", "16:29:37", N, 10010, 10, 0, FALSE, "2072107151", "招商银行(1111)" },
      { 21, "2024-03-04", "18:36:44", N, 54858, 0, 0, TRUE, "4200000069", "建设银行信用卡还款" },
      /* 已退款(￥20.00): the 京东-退款 row matched by merchant order id M2 */
      { 24, "2024-03-06", "11:00:00", E, 3000, 0, 2000, FALSE, "4200002", "京东" },
      { 27, "2024-03-09", "20:00:00", E, 120000, 0, 0, FALSE, "1000050001", "房东" },
      { 28, "2024-03-10", "08:00:00", E, 50000, 0, 0, TRUE, "4200003", "微众银行" },
      /* a refund of an order outside the bill */
      { 31, "2024-03-21", "08:00:00", I, 800, 0, 0, FALSE, "Q1", "超市" },
      { 0 } } },
  { "wechat-2026.csv", SHORE_IMPORT_KIND_WECHAT, "WeChat", 0, "2026-03-02", "2026-03-03", {
      { 19, "2026-03-02", "08:15:00", E, 650, 0, 0, FALSE, "4200009001", "早餐店" },
      { 20, "2026-03-03", "19:00:00", I, 2300, 0, 0, FALSE, "1000090002", "用户A" },
      { 0 } } },
  { "wechat.xlsx", SHORE_IMPORT_KIND_WECHAT, "WeChat", 0, "2025-03-01", "2025-03-03", {
      { 19, "2025-03-01", "12:45:27", E, 2816, 0, 0, FALSE, "4200000001", "米线店" },
      { 20, "2025-03-02", "12:00:00", E, 1250, 0, 0, FALSE, "4200000002", "便利店" },
      { 21, "2025-03-03", "09:00:00", I, 2300, 0, 0, FALSE, "1000000003", "用户A" },
      { 0 } } },
  { "alipay.csv", SHORE_IMPORT_KIND_ALIPAY, "Alipay", 4, "2024-01-18", "2024-03-12", {
      { 26, "2024-03-12", "21:32:14", E, 4974, 0, 0, FALSE, "2024A01", "小李" },
      { 27, "2024-03-08", "14:16:52", E, 2000, 0, 0, FALSE, "2024A02", "x4***6" },
      { 28, "2024-03-04", "18:21:04", I, 1603, 0, 0, FALSE, "2024Z99_R1", "某店" },
      { 29, "2024-03-02", "15:24:35", N, 9934, 0, 0, FALSE, "2024A03", "蚂蚁财富" },
      { 30, "2024-01-18", "10:17:29", I, 22222850, 0, 0, FALSE, "2024A04", "老张" },
      { 34, "2024-02-01", "10:00:00", E, 7000, 0, 3000, FALSE, "2024B77", "杂货铺" },
      { 36, "2024-02-10", "09:00:00", N, 30000, 0, 0, TRUE, "2024C01", "花呗" },
      { 37, "2024-02-11", "09:00:00", E, 3000, 0, 0, FALSE, "2024C02", "小吃店" },
      { 0 } } },
  { "alipay-old.csv", SHORE_IMPORT_KIND_ALIPAY, "Alipay", 0, "2021-06-01", "2021-06-03", {
      { 6, "2021-06-01", "12:01", E, 1250, 0, 0, FALSE, "2021O1", "小吃店" },
      { 7, "2021-06-02", "09:30", I, 10000, 0, 0, FALSE, "2021O2", "老张" },
      { 8, "2021-06-03", "10:00", N, 100000, 0, 0, TRUE, "2021O3", "借呗" },
      { 0 } } },
  { "generic-bom.csv", SHORE_IMPORT_KIND_CSV, "", 0, "2024-03-01", "2024-03-04", {
      { 2, "2024-03-01", "08:30", E, 1250, 0, 0, FALSE, "O-1", "Bakery" },
      { 3, "2024-03-02", "", I, 100000, 0, 0, FALSE, "", "Employer" },
      { 4, "2024-03-03", "21:15:09", E, 20000, 0, 0, FALSE, "", "微粒贷" },
      { 5, "2024-03-04", "07:05", I, 300, 0, 0, FALSE, "", "Someone" },
      { 0 } } },
  { "generic-gb18030.csv", SHORE_IMPORT_KIND_CSV, "", 0, "2024-04-01", "2024-04-03", {
      { 2, "2024-04-01", "10:00", E, 3500, 0, 0, FALSE, "X1", "餐廳" },
      { 3, "2024-04-02", "", I, 500000, 0, 0, FALSE, "X2", "公司" },
      /* the flow column decides, whatever the amount's sign */
      { 4, "2024-04-03", "", E, 2000, 0, 0, FALSE, "X3", "書店" },
      { 0 } } },
};

static char *
iso_date (const GDate *date)
{
  char text[16];

  g_assert_true (g_date_valid (date));
  g_date_strftime (text, sizeof text, "%Y-%m-%d", date);
  return g_strdup (text);
}

static void
check_row (const ShoreImportRow *row,
           const ExpectRow      *want)
{
  g_autofree char *date = iso_date (&row->date);

  g_test_message ("row at line %u", want->line);
  g_assert_cmpuint (row->line, ==, want->line);
  g_assert_cmpstr (date, ==, want->date);
  g_assert_cmpstr (row->time, ==, want->time);
  g_assert_cmpint (row->flow, ==, want->flow);
  g_assert_cmpint (row->amount, ==, want->amount);
  g_assert_cmpint (row->fee, ==, want->fee);
  g_assert_cmpint (row->refunded, ==, want->refunded);
  g_assert_cmpint (row->loan_repayment, ==, want->loan);
  g_assert_cmpstr (row->order_id, ==, want->order_id);
  g_assert_cmpstr (row->payee, ==, want->payee);
  g_assert_nonnull (row->item);
  g_assert_nonnull (row->type);
  g_assert_nonnull (row->method);
  g_assert_nonnull (row->status);
  g_assert_nonnull (row->merchant_order_id);
  g_assert_nonnull (row->note);
  g_assert_nonnull (row->category);
  g_assert_nonnull (row->account);
  g_assert_null (strchr (row->order_id, '\t'));
}

static void
test_fixtures (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (fixture_cases); i++)
    {
      const FixtureCase *c = &fixture_cases[i];
      g_autoptr(GBytes) bytes = shore_test_read_data ("import", c->file);
      g_autoptr(ShoreImportResult) result = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *first = NULL;
      g_autofree char *last = NULL;
      guint n = 0;

      g_test_message ("fixture %s", c->file);
      g_assert_cmpint (shore_import_detect (bytes), ==, c->kind);

      result = shore_import_parse (bytes, SHORE_IMPORT_KIND_AUTO, NULL, NULL, NULL, NULL, &error);
      g_assert_no_error (error);
      g_assert_nonnull (result);
      g_assert_cmpint (result->kind, ==, c->kind);
      g_assert_cmpstr (result->account_hint, ==, c->hint);
      g_assert_cmpuint (result->n_skipped, ==, c->n_skipped);
      while (c->rows[n].line != 0)
        n++;
      g_assert_cmpuint (result->rows->len, ==, n);
      for (guint r = 0; r < n; r++)
        check_row (g_ptr_array_index (result->rows, r), &c->rows[r]);
      first = iso_date (&result->first_date);
      last = iso_date (&result->last_date);
      g_assert_cmpstr (first, ==, c->first_date);
      g_assert_cmpstr (last, ==, c->last_date);

      /* Asking for the kind it is gives the same. */
      g_clear_pointer (&result, shore_import_result_free);
      result = shore_import_parse (bytes, c->kind, NULL, NULL, NULL, NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (result->rows->len, ==, n);
    }
}

static void
test_fixture_details (void)
{
  g_autoptr(GBytes) wechat = shore_test_read_data ("import", "wechat.csv");
  g_autoptr(GBytes) alipay = shore_test_read_data ("import", "alipay.csv");
  g_autoptr(GBytes) generic = shore_test_read_data ("import", "generic-bom.csv");
  g_autoptr(ShoreImportResult) result = NULL;
  ShoreImportRow *row;

  result = shore_import_parse (wechat, SHORE_IMPORT_KIND_AUTO, NULL, NULL, NULL, NULL, NULL);
  row = g_ptr_array_index (result->rows, 0);
  g_assert_cmpstr (row->type, ==, "商户消费");
  g_assert_cmpstr (row->item, ==, "总共消费:28.16");
  g_assert_cmpstr (row->method, ==, "中国银行(1234)");
  g_assert_cmpstr (row->status, ==, "支付成功");
  g_assert_cmpstr (row->merchant_order_id, ==, "129847129");
  g_assert_cmpstr (row->note, ==, "");   /* "/" means none */
  row = g_ptr_array_index (result->rows, 2);
  g_assert_cmpstr (row->note, ==, "服务费¥0.10");
  g_clear_pointer (&result, shore_import_result_free);

  /* Alipay pads its cells with spaces: all trimmed. */
  result = shore_import_parse (alipay, SHORE_IMPORT_KIND_AUTO, NULL, NULL, NULL, NULL, NULL);
  row = g_ptr_array_index (result->rows, 0);
  g_assert_cmpstr (row->type, ==, "亲友代付");
  g_assert_cmpstr (row->item, ==, "亲情卡");
  g_assert_cmpstr (row->method, ==, "交通银行信用卡(7449)");
  g_assert_cmpstr (row->status, ==, "交易成功");
  g_assert_cmpstr (row->merchant_order_id, ==, "T01");
  g_clear_pointer (&result, shore_import_result_free);

  /* Shore's export: account, category, note, and '-escaped cells. */
  result = shore_import_parse (generic, SHORE_IMPORT_KIND_AUTO, NULL, NULL, NULL, NULL, NULL);
  row = g_ptr_array_index (result->rows, 0);
  g_assert_cmpstr (row->account, ==, "Cash");
  g_assert_cmpstr (row->category, ==, "Food");
  g_assert_cmpstr (row->note, ==, "=SUM(A1)");
  row = g_ptr_array_index (result->rows, 3);
  g_assert_cmpstr (row->note, ==, "@home");
}

typedef struct
{
  const char      *name;
  const char      *data;
  gssize           len;       /* -1: strlen */
  ShoreImportKind  kind;
  ShoreImportError code;
  const char      *in_message; /* NULL: not checked */
} ErrorCase;

#define WX_HEAD "交易时间,交易类型,交易对方,商品,收/支,金额(元),支付方式,当前状态,交易单号,商户单号,备注\n"
#define WX_ROW  "2024-03-01 12:00:00,商户消费,店,饭,支出,¥10.00,零钱,支付成功,1\t,2\t,/\n"

static const ErrorCase error_cases[] = {
  { "empty", "", 0, SHORE_IMPORT_KIND_AUTO, SHORE_IMPORT_ERROR_EMPTY, NULL },
  { "blank lines", "\n\n,,,\n", -1, SHORE_IMPORT_KIND_AUTO, SHORE_IMPORT_ERROR_EMPTY, NULL },
  { "header only", "微信支付账单明细\n" WX_HEAD, -1, SHORE_IMPORT_KIND_AUTO, SHORE_IMPORT_ERROR_EMPTY, NULL },
  { "nul bytes", "abc\0def\0\x01\x02", 10, SHORE_IMPORT_KIND_AUTO, SHORE_IMPORT_ERROR_NOT_A_BILL, NULL },
  { "control junk", "\x01\x02\x03\x04\x05\x06\x07\x08\x0b\x0c\x0e\x0f\x10\x11\x12", -1, SHORE_IMPORT_KIND_AUTO, SHORE_IMPORT_ERROR_NOT_A_BILL, NULL },
  { "no header", "hello,world\nfoo,bar\n", -1, SHORE_IMPORT_KIND_AUTO, SHORE_IMPORT_ERROR_NOT_A_BILL, NULL },
  { "bad encoding", "\x80\xff\xfe abc,\x80\n", -1, SHORE_IMPORT_KIND_AUTO, SHORE_IMPORT_ERROR_ENCODING, NULL },
  { "bom then not utf-8", "\xEF\xBB\xBF\xc4\xe3\xba\xc3\n", -1, SHORE_IMPORT_KIND_AUTO, SHORE_IMPORT_ERROR_ENCODING, NULL },
  { "utf-16", "\xff\xfe" "a\0b\0", 6, SHORE_IMPORT_KIND_AUTO, SHORE_IMPORT_ERROR_ENCODING, NULL },
  { "open quote", WX_HEAD WX_ROW "2024-03-02 12:00:00,商户消费,\"店", -1, SHORE_IMPORT_KIND_AUTO, SHORE_IMPORT_ERROR_TRUNCATED, NULL },
  { "cut last row", WX_HEAD WX_ROW "2024-03-02 12:00:00,商户消费,店", -1, SHORE_IMPORT_KIND_AUTO, SHORE_IMPORT_ERROR_TRUNCATED, NULL },
  { "bad amount", WX_HEAD WX_ROW "2024-03-02 12:00:00,商户消费,店,饭,支出,¥1O.00,零钱,支付成功,1,2,/\n", -1,
    SHORE_IMPORT_KIND_AUTO, SHORE_IMPORT_ERROR_BAD_ROW, "Row 3 " },
  { "negative bill amount", WX_HEAD "2024-03-02 12:00:00,商户消费,店,饭,支出,¥-5.00,零钱,支付成功,1,2,/\n", -1,
    SHORE_IMPORT_KIND_AUTO, SHORE_IMPORT_ERROR_BAD_ROW, "¥-5.00" },
  { "bad date", WX_HEAD WX_ROW WX_ROW "2024-02-30 12:00:00,商户消费,店,饭,支出,¥1.00,零钱,支付成功,1,2,/\n" WX_ROW, -1,
    SHORE_IMPORT_KIND_AUTO, SHORE_IMPORT_ERROR_BAD_ROW, "Row 4 " },
  { "date garbage", WX_HEAD "yesterday,商户消费,店,饭,支出,¥1.00,零钱,支付成功,1,2,/\n", -1,
    SHORE_IMPORT_KIND_AUTO, SHORE_IMPORT_ERROR_BAD_ROW, "“yesterday”" },
  { "wechat asked, alipay given", "交易时间,交易分类,交易对方,收/支,金额\n2024-01-01,餐饮,店,支出,1.00\n", -1,
    SHORE_IMPORT_KIND_WECHAT, SHORE_IMPORT_ERROR_NOT_A_BILL, NULL },
  { "csv without columns", "a,b\n1,2\n", -1, SHORE_IMPORT_KIND_CSV, SHORE_IMPORT_ERROR_NOT_A_BILL, NULL },
  { "csv bad amount", "date,amount\n2024-01-01,12.345\n", -1, SHORE_IMPORT_KIND_CSV, SHORE_IMPORT_ERROR_BAD_ROW, "Row 2 " },
  { "csv bad date", "date,amount\n2024-01-01,1\n01/02/2024,1\n", -1, SHORE_IMPORT_KIND_AUTO, SHORE_IMPORT_ERROR_BAD_ROW, "Row 3 " },
  { "zip junk", "PK\003\004 this is not a zip at all", -1, SHORE_IMPORT_KIND_AUTO, SHORE_IMPORT_ERROR_TRUNCATED, NULL },
};

static void
test_errors (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (error_cases); i++)
    {
      const ErrorCase *c = &error_cases[i];
      gsize len = c->len < 0 ? strlen (c->data) : (gsize) c->len;
      g_autoptr(GBytes) bytes = g_bytes_new_static (c->data, len);
      g_autoptr(GError) error = NULL;
      ShoreImportResult *result;

      g_test_message ("case %s", c->name);
      result = shore_import_parse (bytes, c->kind, NULL, NULL, NULL, NULL, &error);
      g_assert_null (result);
      g_assert_error (error, SHORE_IMPORT_ERROR, (int) c->code);
      g_assert_nonnull (strstr (error->message, c->in_message != NULL ? c->in_message : ""));
      /* one sentence, no trailing new line */
      g_assert_false (g_str_has_suffix (error->message, "\n"));
    }
}

static void
test_truncated_zip (void)
{
  g_autoptr(GBytes) whole = shore_test_read_data ("import", "wechat.xlsx");
  gsize len = g_bytes_get_size (whole);
  const gsize cuts[] = { 30, len / 3, len / 2, len - 30, len - 1 };

  for (guint i = 0; i < G_N_ELEMENTS (cuts); i++)
    {
      g_autoptr(GBytes) part = g_bytes_new_from_bytes (whole, 0, cuts[i]);
      g_autoptr(GError) error = NULL;
      g_autoptr(ShoreImportResult) result = NULL;

      result = shore_import_parse (part, SHORE_IMPORT_KIND_AUTO, NULL, NULL, NULL, NULL, &error);
      g_assert_null (result);
      g_assert_error (error, SHORE_IMPORT_ERROR, SHORE_IMPORT_ERROR_TRUNCATED);
    }
}

static void
test_read_file (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("shore-test-import-XXXXXX", &error);
  g_autofree char *big_path = g_build_filename (dir, "big.csv", NULL);
  g_autofree char *empty_path = g_build_filename (dir, "empty.csv", NULL);
  g_autofree char *fixture = g_test_build_filename (G_TEST_DIST, "data", "import", "wechat.csv", NULL);
  g_autoptr(GFile) big = g_file_new_for_path (big_path);
  g_autoptr(GFile) empty = g_file_new_for_path (empty_path);
  g_autoptr(GFile) good = g_file_new_for_path (fixture);
  g_autoptr(GFile) missing = g_file_new_for_path ("/nonexistent/shore/bill.csv");
  g_autoptr(GBytes) bytes = NULL;
  int fd;

  g_assert_no_error (error);

  /* Sparse: only its size is large, so reading it would show up as a
   * NOT_A_BILL (zeros), not TOO_LARGE. */
  fd = g_open (big_path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (ftruncate (fd, SHORE_IMPORT_MAX_BYTES + 1), ==, 0);
  close (fd);
  bytes = shore_import_read_file (big, NULL, &error);
  g_assert_null (bytes);
  g_assert_error (error, SHORE_IMPORT_ERROR, SHORE_IMPORT_ERROR_TOO_LARGE);
  g_clear_error (&error);

  g_assert_true (g_file_set_contents (empty_path, "", 0, NULL));
  bytes = shore_import_read_file (empty, NULL, &error);
  g_assert_null (bytes);
  g_assert_error (error, SHORE_IMPORT_ERROR, SHORE_IMPORT_ERROR_EMPTY);
  g_clear_error (&error);

  bytes = shore_import_read_file (missing, NULL, &error);
  g_assert_null (bytes);
  g_assert_error (error, SHORE_IMPORT_ERROR, SHORE_IMPORT_ERROR_FAILED);
  g_clear_error (&error);

  bytes = shore_import_read_file (good, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_bytes_get_size (bytes), >, 1000);

  g_unlink (big_path);
  g_unlink (empty_path);
  g_rmdir (dir);
}

typedef struct
{
  const char *header;
  int         date, time, amount, flow, payee, item, category, note, order, account;
} GuessCase;

static const GuessCase guess_cases[] = {
  { "Date,Time,Amount,Account,Category,Payee,Note,Order ID", 0, 1, 2, -1, 5, -1, 4, 6, 7, 3 },
  { "日期,时间,金额,账户,分类,收付对象,备注,订单号", 0, 1, 2, -1, 5, -1, 4, 6, 7, 3 },
  { "日期,時間,金額,帳戶,分類,收付對象,備註,訂單號", 0, 1, 2, -1, 5, -1, 4, 6, 7, 3 },
  { "交易时间,交易类型,交易对方,商品,收/支,金额(元),支付方式,当前状态,交易单号,商户单号,备注", 0, -1, 5, 4, 2, 3, -1, 10, 8, -1 },
  { "记账日期,对方户名,对方账号,摘要,金额,余额", 0, -1, 4, -1, 1, 3, -1, -1, -1, -1 },
  { "date,type,description,merchant,amount,memo", 0, -1, 4, 1, 3, 2, -1, 5, -1, -1 },
  { "DATE,Direction,AMOUNT,Payee,Category", 0, -1, 2, 1, 3, -1, 4, -1, -1, -1 },
};

static void
test_mapping_guess (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (guess_cases); i++)
    {
      const GuessCase *c = &guess_cases[i];
      g_autofree char *text = g_strdup_printf ("Exported by somebody\n%s\n", c->header);
      g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));
      g_autoptr(GError) error = NULL;
      g_autoptr(ShoreCsvTable) table = shore_csv_table_parse (bytes, &error);
      ShoreCsvMapping m;

      g_test_message ("header %s", c->header);
      g_assert_no_error (error);
      g_assert_cmpstr (table->encoding, ==, "UTF-8");
      g_assert_cmpuint (table->rows->len, ==, 2);
      g_assert_true (shore_csv_mapping_guess (table, &m));
      g_assert_cmpuint (m.header_row, ==, 1);
      g_assert_cmpint (m.date_col, ==, c->date);
      g_assert_cmpint (m.time_col, ==, c->time);
      g_assert_cmpint (m.amount_col, ==, c->amount);
      g_assert_cmpint (m.flow_col, ==, c->flow);
      g_assert_cmpint (m.payee_col, ==, c->payee);
      g_assert_cmpint (m.item_col, ==, c->item);
      g_assert_cmpint (m.category_col, ==, c->category);
      g_assert_cmpint (m.note_col, ==, c->note);
      g_assert_cmpint (m.order_col, ==, c->order);
      g_assert_cmpint (m.account_col, ==, c->account);
    }
}

static void
test_table (void)
{
  g_autoptr(GBytes) gb = shore_test_read_data ("import", "generic-gb18030.csv");
  g_autoptr(GBytes) nothing = g_bytes_new_static ("a,b\n", 4);
  g_autoptr(GError) error = NULL;
  g_autoptr(ShoreCsvTable) table = shore_csv_table_parse (gb, &error);
  ShoreCsvMapping m;
  char **row;

  g_assert_no_error (error);
  g_assert_cmpstr (table->encoding, ==, "GB18030");
  g_assert_cmpuint (table->n_columns, ==, 8);
  g_assert_cmpuint (table->rows->len, ==, 4);
  row = g_ptr_array_index (table->rows, 1);
  g_assert_cmpstr (row[3], ==, "餐廳");
  g_assert_true (shore_csv_mapping_guess (table, &m));
  g_assert_cmpint (m.flow_col, ==, 1);
  g_clear_pointer (&table, shore_csv_table_free);

  table = shore_csv_table_parse (nothing, &error);
  g_assert_no_error (error);
  g_assert_false (shore_csv_mapping_guess (table, &m));
  g_assert_cmpint (shore_import_detect (nothing), ==, SHORE_IMPORT_KIND_AUTO);
}

static void
test_explicit_mapping (void)
{
  const char *text = "x;y\n"
                     "12.50,2024年5月6日,支出,Shop\n"
                     "\"3,000\",2024/5/7 9:05,收入,Boss\n"
                     "7,2024-05-08,/,Me\n"
                     "0,2024-05-09,支出,Free\n";
  g_autoptr(GBytes) bytes = g_bytes_new_static (text, strlen (text));
  g_autoptr(GError) error = NULL;
  g_autoptr(ShoreImportResult) result = NULL;
  ShoreCsvMapping m;
  ShoreImportRow *row;

  shore_csv_mapping_init (&m);
  g_assert_cmpint (m.note_col, ==, -1);
  m.amount_col = 0;
  m.date_col = 1;
  m.flow_col = 2;
  m.payee_col = 3;
  result = shore_import_parse (bytes, SHORE_IMPORT_KIND_CSV, &m, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (result->kind, ==, SHORE_IMPORT_KIND_CSV);
  g_assert_cmpuint (result->rows->len, ==, 3);
  g_assert_cmpuint (result->n_skipped, ==, 1);   /* a zero amount */
  row = g_ptr_array_index (result->rows, 0);
  g_assert_cmpint (row->flow, ==, SHORE_FLOW_EXPENSE);
  g_assert_cmpint (row->amount, ==, 1250);
  row = g_ptr_array_index (result->rows, 1);
  g_assert_cmpint (row->flow, ==, SHORE_FLOW_INCOME);
  g_assert_cmpint (row->amount, ==, 300000);
  g_assert_cmpstr (row->time, ==, "09:05");
  row = g_ptr_array_index (result->rows, 2);
  g_assert_cmpint (row->flow, ==, SHORE_FLOW_NEUTRAL);
}

static void
test_kind_strings (void)
{
  const ShoreImportKind kinds[] = { SHORE_IMPORT_KIND_AUTO, SHORE_IMPORT_KIND_WECHAT, SHORE_IMPORT_KIND_ALIPAY, SHORE_IMPORT_KIND_CSV };
  ShoreImportKind kind;

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      g_assert_true (shore_import_kind_from_string (shore_import_kind_to_string (kinds[i]), &kind));
      g_assert_cmpint (kind, ==, kinds[i]);
      g_assert_nonnull (shore_import_kind_get_label (kinds[i]));
    }
  g_assert_cmpstr (shore_import_kind_to_string (SHORE_IMPORT_KIND_WECHAT), ==, "wechat");
  g_assert_cmpstr (shore_import_kind_get_label (SHORE_IMPORT_KIND_WECHAT), ==, "WeChat Pay");
  g_assert_false (shore_import_kind_from_string ("excel", &kind));
  g_assert_false (shore_import_kind_from_string (NULL, &kind));
}

static GBytes *
make_big_bill (guint n_rows)
{
  GString *text = g_string_new ("微信支付账单明细\n" WX_HEAD);

  for (guint i = 0; i < n_rows; i++)
    g_string_append_printf (text, "2024-01-%02u 10:00:00,商户消费,店%u,饭,支出,¥%u.%02u,零钱,支付成功,42%08u\t,/\t,/\n",
                            1 + i % 28, i % 7, 1 + i % 300, i % 100, i);
  return g_string_free_to_bytes (text);
}

typedef struct
{
  guint         calls;
  double        last;
  GCancellable *cancel_at_first;
} ProgressLog;

static void
on_progress_cb (double   fraction,
                gpointer user_data)
{
  ProgressLog *log = user_data;

  g_assert_cmpfloat (fraction, >=, log->last);
  g_assert_cmpfloat (fraction, <=, 1.0);
  log->last = fraction;
  log->calls++;
  if (log->cancel_at_first != NULL)
    g_cancellable_cancel (log->cancel_at_first);
}

static void
test_progress_and_cancel (void)
{
  g_autoptr(GBytes) bill = make_big_bill (20000);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(ShoreImportResult) result = NULL;
  ProgressLog log = { 0, 0.0, NULL };

  result = shore_import_parse (bill, SHORE_IMPORT_KIND_AUTO, NULL, on_progress_cb, &log, cancellable, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (result->rows->len, ==, 20000);
  g_assert_cmpuint (log.calls, >=, 4);
  g_assert_cmpfloat (log.last, ==, 1.0);

  /* Cancelled while parsing */
  log = (ProgressLog) { 0, 0.0, cancellable };
  g_clear_pointer (&result, shore_import_result_free);
  result = shore_import_parse (bill, SHORE_IMPORT_KIND_AUTO, NULL, on_progress_cb, &log, cancellable, &error);
  g_assert_null (result);
  g_assert_error (error, SHORE_IMPORT_ERROR, SHORE_IMPORT_ERROR_CANCELLED);
  g_clear_error (&error);

  /* Cancelled before */
  result = shore_import_parse (bill, SHORE_IMPORT_KIND_AUTO, NULL, NULL, NULL, cancellable, &error);
  g_assert_null (result);
  g_assert_error (error, SHORE_IMPORT_ERROR, SHORE_IMPORT_ERROR_CANCELLED);
}

typedef struct
{
  const char *text;
  const char *date;   /* NULL: refused */
  const char *time;
} DateCase;

static const DateCase date_cases[] = {
  { "2024-03-01", "2024-03-01", "" },
  { "2024/3/1", "2024-03-01", "" },
  { "2024.03.01", "2024-03-01", "" },
  { "2024年3月1日", "2024-03-01", "" },
  { "2024年3月1日 8:05", "2024-03-01", "08:05" },
  { "2024-03-01 12:45:27", "2024-03-01", "12:45:27" },
  { "2024-03-01T12:45:27", "2024-03-01", "12:45:27" },
  { "2024/3/1 9:05", "2024-03-01", "09:05" },
  { "45718.5", "2025-03-02", "12:00:00" },
  { "45718", "2025-03-02", "" },
  { "2024-02-29", "2024-02-29", "" },
  { "2023-02-29", NULL, NULL },
  { "2024-13-01", NULL, NULL },
  { "2024-03-01 25:00", NULL, NULL },
  { "2024-03/01", NULL, NULL },
  { "03/01/2024", NULL, NULL },
  { "2024-03-01x", NULL, NULL },
  { "", NULL, NULL },
  { "12", NULL, NULL },
};

static void
test_dates (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (date_cases); i++)
    {
      const DateCase *c = &date_cases[i];
      g_autofree char *text = g_strdup_printf (WX_HEAD "%s,商户消费,店,饭,支出,¥1.00,零钱,支付成功,1,2,/\n", c->text);
      g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));
      g_autoptr(GError) error = NULL;
      g_autoptr(ShoreImportResult) result = NULL;

      g_test_message ("date “%s”", c->text);
      result = shore_import_parse (bytes, SHORE_IMPORT_KIND_WECHAT, NULL, NULL, NULL, NULL, &error);
      if (c->date == NULL)
        g_assert_error (error, SHORE_IMPORT_ERROR, SHORE_IMPORT_ERROR_BAD_ROW);
      else
        {
          ShoreImportRow *row;
          g_autofree char *iso = NULL;

          g_assert_no_error (error);
          row = g_ptr_array_index (result->rows, 0);
          iso = iso_date (&row->date);
          g_assert_cmpstr (iso, ==, c->date);
          g_assert_cmpstr (row->time, ==, c->time);
        }
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  /* libgsf g_warning()s about the broken zips fed to it on purpose (the
   * parser turns them into errors); criticals stay fatal. */
  g_log_set_always_fatal (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL);

  g_test_add_func ("/import/fixtures", test_fixtures);
  g_test_add_func ("/import/fixture-details", test_fixture_details);
  g_test_add_func ("/import/errors", test_errors);
  g_test_add_func ("/import/truncated-zip", test_truncated_zip);
  g_test_add_func ("/import/read-file", test_read_file);
  g_test_add_func ("/import/mapping-guess", test_mapping_guess);
  g_test_add_func ("/import/table", test_table);
  g_test_add_func ("/import/explicit-mapping", test_explicit_mapping);
  g_test_add_func ("/import/kind-strings", test_kind_strings);
  g_test_add_func ("/import/progress-and-cancel", test_progress_and_cancel);
  g_test_add_func ("/import/dates", test_dates);

  return g_test_run ();
}
