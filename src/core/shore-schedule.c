/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "shore-schedule"

#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <glib.h>
#include "shore-intl.h"

#include "shore-loan-private.h"
#include "shore-money.h"
#include "shore-schedule.h"

__extension__ typedef unsigned __int128 UWide;

/* How principal and interest are laid out over the periods */
typedef enum
{
  SHAPE_ANNUITY,           /* 等额本息 */
  SHAPE_EQUAL_PRINCIPAL,   /* 等额本金, and every 月费率 loan */
  SHAPE_INTEREST_FIRST,    /* 先息后本 */
  SHAPE_BULLET,            /* 到期还本付息: one row, at the last period */
} Shape;

typedef struct
{
  const ShoreLoan *loan;
  Shape            shape;
  gint64           num;             /* the monthly rate r = num / den */
  gint64           den;
  gint64           fee;             /* round (P × f) each period; 0 without 月费率 */

  /* Bullet loans repaid early: interest already fixed for the months
   * before fixed_months, on the principal then in use. */
  gint64           fixed_interest;
  int              fixed_months;
} Plan;

/* What has been paid of one installment */
typedef struct
{
  gint64 interest;
  gint64 principal;
} Paid;

/* A nonnegative integer of len 64-bit limbs, least significant first */
typedef struct
{
  guint64 *limb;
  gsize    len;
} Big;

/* Where the payments left a loan */
typedef struct
{
  ShoreSchedule *schedule;
  GArray        *paid;          /* of Paid, parallel to schedule->installments */
  gint64         paid_total;
} Ledger;

static void
ledger_clear (Ledger *ledger)
{
  g_clear_pointer (&ledger->schedule, shore_schedule_free);
  g_clear_pointer (&ledger->paid, g_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Ledger, ledger_clear)

/* ---- exact big integers, just enough for the annuity ---- */

static void
big_set (Big     *b,
         guint64 *storage,
         guint64  value)
{
  b->limb = storage;
  b->limb[0] = value;
  b->len = 1;
}

static void
big_copy (Big       *dst,
          guint64   *storage,
          const Big *src)
{
  dst->limb = storage;
  memcpy (dst->limb, src->limb, src->len * sizeof (guint64));
  dst->len = src->len;
}

/* b ×= m; the storage must have one spare limb */
static void
big_mul (Big     *b,
         guint64  m)
{
  UWide carry = 0;
  gsize i;

  for (i = 0; i < b->len; i++)
    {
      UWide t = (UWide) b->limb[i] * m + carry;

      b->limb[i] = (guint64) t;
      carry = t >> 64;
    }
  if (carry != 0)
    b->limb[b->len++] = (guint64) carry;
  while (b->len > 1 && b->limb[b->len - 1] == 0)
    b->len--;
}

/* a −= b, with a ≥ b */
static void
big_sub (Big       *a,
         const Big *b)
{
  guint64 borrow = 0;
  gsize i;

  g_assert (a->len >= b->len);

  for (i = 0; i < a->len; i++)
    {
      guint64 bi = i < b->len ? b->limb[i] : 0;
      guint64 d = a->limb[i] - bi - borrow;

      borrow = (a->limb[i] < bi || (a->limb[i] == bi && borrow)) ? 1 : 0;
      a->limb[i] = d;
    }
  g_assert (borrow == 0);
  while (a->len > 1 && a->limb[a->len - 1] == 0)
    a->len--;
}

static int
big_cmp (const Big *a,
         const Big *b)
{
  gsize i;

  if (a->len != b->len)
    return a->len < b->len ? -1 : 1;

  for (i = a->len; i-- > 0;)
    if (a->limb[i] != b->limb[i])
      return a->limb[i] < b->limb[i] ? -1 : 1;

  return 0;
}

/* ---- the equal installment, exactly ---- */

typedef struct
{
  Big      d;         /* den · ((den+num)^n − den^n) */
  Big      n2;        /* 2 · balance · num · (den+num)^n */
  Big      t;         /* scratch */
  guint64 *t_storage;
} Annuity;

/* Is A* < a + ½, that is (2a + 1)·d > n2? */
static gboolean
annuity_below (Annuity *an,
               gint64   a)
{
  if (a < 0)
    return FALSE;

  big_copy (&an->t, an->t_storage, &an->d);
  big_mul (&an->t, 2 * (guint64) a + 1);

  return big_cmp (&an->t, &an->n2) > 0;
}

/* The smallest a ≥ 0 for which annuity_below () holds, searched from
 * @guess: galloping away from it, then bisecting. FALSE if none fits in
 * a gint64.
 */
static gboolean
annuity_search (Annuity *an,
                gint64   guess,
                gint64  *out)
{
  gint64 lo;      /* annuity_below (lo) is FALSE */
  gint64 hi;      /* annuity_below (hi) is TRUE */
  gint64 step;

  if (annuity_below (an, guess))
    {
      hi = guess;
      for (step = 1;; step *= 2)
        {
          lo = guess - step < -1 ? -1 : guess - step;
          if (!annuity_below (an, lo))
            break;
          hi = lo;
        }
    }
  else
    {
      lo = guess;
      for (step = 1;; step *= 2)
        {
          hi = guess > G_MAXINT64 - step ? G_MAXINT64 : guess + step;
          if (annuity_below (an, hi))
            break;
          if (hi == G_MAXINT64)
            return FALSE;
          lo = hi;
        }
    }

  while (hi - lo > 1)
    {
      gint64 mid = lo + (hi - lo) / 2;

      if (annuity_below (an, mid))
        hi = mid;
      else
        lo = mid;
    }

  *out = hi;
  return TRUE;
}

/* A* = B·r(1+r)^n / ((1+r)^n − 1) rounded half up to fen, exactly.
 *
 * With r = num/den, A* = B·num·u^n / (den·(u^n − den^n)) for u = den + num.
 * The answer is the smallest a with A* < a + ½. Long double finds it to
 * within a few fen (not always the right one: near half a fen it cannot
 * tell); the big-integer test decides, so the result is exact whatever
 * the guess was.
 */
static gboolean
annuity_payment (gint64  balance,
                 gint64  num,
                 gint64  den,
                 int     periods,
                 gint64 *out)
{
  Annuity an;
  Big v;
  g_autofree guint64 *storage = NULL;
  gsize cap = (gsize) periods + 8;     /* each product adds at most one limb */
  long double x;
  long double guess;
  int i;

  g_assert (balance > 0 && num > 0 && den > 0 && periods >= 1);

  storage = g_new (guint64, 4 * cap);
  an.t_storage = storage + 3 * cap;

  big_set (&an.n2, storage, 1);
  big_set (&v, storage + cap, 1);
  for (i = 0; i < periods; i++)
    {
      big_mul (&an.n2, (guint64) den + (guint64) num);
      big_mul (&v, (guint64) den);
    }
  big_copy (&an.d, storage + 2 * cap, &an.n2);
  big_sub (&an.d, &v);
  big_mul (&an.d, (guint64) den);
  big_mul (&an.n2, (guint64) balance);
  big_mul (&an.n2, 2 * (guint64) num);

  x = (long double) num / (long double) den;
  guess = (long double) balance * x / -expm1l (-(long double) periods * log1pl (x));
  if (!(guess >= 0))
    guess = 0;
  if (guess >= (long double) G_MAXINT64)
    guess = (long double) (G_MAXINT64 / 2);

  return annuity_search (&an, (gint64) (guess + 0.5L), out);
}

/* ---- building rows ---- */

static void
plan_init (Plan            *plan,
           const ShoreLoan *loan)
{
  memset (plan, 0, sizeof *plan);
  plan->loan = loan;
  shore_rate_in_period (&loan->rate, SHORE_RATE_MONTHLY, &plan->num, &plan->den);

  if (loan->has_monthly_fee_rate)
    plan->shape = SHAPE_EQUAL_PRINCIPAL;
  else
    switch (loan->method)
      {
      case SHORE_METHOD_EQUAL_INSTALLMENT:
        plan->shape = SHAPE_ANNUITY;
        break;
      case SHORE_METHOD_EQUAL_PRINCIPAL:
        plan->shape = SHAPE_EQUAL_PRINCIPAL;
        break;
      case SHORE_METHOD_INTEREST_FIRST:
        plan->shape = SHAPE_INTEREST_FIRST;
        break;
      case SHORE_METHOD_BULLET:
        plan->shape = SHAPE_BULLET;
        break;
      default:
        g_assert_not_reached ();
      }
}

/* round (balance × r × months) */
static gboolean
interest_on (const Plan *plan,
             gint64      balance,
             gint64      months,
             gint64     *out)
{
  return shore_rate_apply (&plan->loan->rate, SHORE_RATE_MONTHLY, balance, months, out);
}

static gboolean
append_row (GArray     *rows,
            const Plan *plan,
            int         period,
            gint64      principal,
            gint64      interest,
            gint64     *balance)
{
  ShoreInstallment row;

  g_assert (principal >= 0 && principal <= *balance && interest >= 0);

  memset (&row, 0, sizeof row);
  row.period = period;
  shore_schedule_due_date (&plan->loan->start_date, period, &row.due_date);
  row.principal = principal;
  row.interest = interest;
  if (!shore_money_add (principal, interest, &row.payment))
    return FALSE;
  *balance -= principal;
  row.balance = *balance;

  g_array_append_val (rows, row);
  return TRUE;
}

/* Appends the rows of periods @first … n that repay @balance, by the
 * plan's shape. FALSE on overflow.
 */
static gboolean
build_rows (const Plan *plan,
            int         first,
            gint64      balance,
            GArray     *rows)
{
  const int n = plan->loan->term_months;
  const int periods = n - first + 1;
  gint64 level = 0;     /* the installment, or the principal part, of each period */
  int period;

  g_assert (first >= 1 && first <= n && balance > 0);

  if (plan->shape == SHAPE_BULLET)
    {
      gint64 later;
      gint64 interest;

      if (!interest_on (plan, balance, n - plan->fixed_months, &later)
          || !shore_money_add (plan->fixed_interest, later, &interest))
        return FALSE;
      return append_row (rows, plan, n, balance, interest, &balance);
    }

  if (plan->shape == SHAPE_EQUAL_PRINCIPAL || (plan->shape == SHAPE_ANNUITY && plan->num == 0))
    {
      if (!shore_money_mul_div (balance, 1, periods, &level))
        return FALSE;
    }
  else if (plan->shape == SHAPE_ANNUITY)
    {
      if (!annuity_payment (balance, plan->num, plan->den, periods, &level))
        return FALSE;
    }

  for (period = first; period <= n; period++)
    {
      gint64 interest = 0;
      gint64 principal = 0;

      if (!interest_on (plan, balance, 1, &interest)
          || !shore_money_add (interest, plan->fee, &interest))
        return FALSE;

      if (period == n)
        principal = balance;
      else if (plan->shape == SHAPE_ANNUITY)
        principal = plan->num == 0 ? level : level - interest;
      else if (plan->shape == SHAPE_EQUAL_PRINCIPAL)
        principal = level;
      else
        principal = 0;

      principal = CLAMP (principal, 0, balance);
      if (!append_row (rows, plan, period, principal, interest, &balance))
        return FALSE;
    }

  return TRUE;
}

static gboolean
sum_totals (ShoreSchedule *schedule)
{
  guint i;

  schedule->total_payment = 0;
  schedule->total_interest = 0;
  for (i = 0; i < schedule->installments->len; i++)
    {
      const ShoreInstallment *row = &g_array_index (schedule->installments, ShoreInstallment, i);

      if (!shore_money_add (schedule->total_payment, row->payment, &schedule->total_payment)
          || !shore_money_add (schedule->total_interest, row->interest, &schedule->total_interest))
        return FALSE;
    }

  return TRUE;
}

static ShoreSchedule *
schedule_new (void)
{
  ShoreSchedule *schedule = g_new0 (ShoreSchedule, 1);

  schedule->installments = g_array_new (FALSE, TRUE, sizeof (ShoreInstallment));
  return schedule;
}

static ShoreSchedule *
compute (const ShoreLoan  *loan,
         Plan             *plan,
         GError          **error)
{
  g_autoptr(ShoreSchedule) schedule = NULL;

  if (!shore_loan_validate_terms (loan, error))
    return NULL;

  plan_init (plan, loan);
  schedule = schedule_new ();

  if ((loan->has_monthly_fee_rate
       && !shore_rate_apply (&loan->monthly_fee_rate, SHORE_RATE_MONTHLY, loan->principal, 1, &plan->fee))
      || !build_rows (plan, 1, loan->principal, schedule->installments)
      || !sum_totals (schedule))
    {
      shore_loan_set_overflow_error (error);
      return NULL;
    }

  return g_steal_pointer (&schedule);
}

/**
 * shore_schedule_due_date:
 * @start: the loan's start date
 * @period: the period, 1-based (0 gives @start)
 * @out: (out caller-allocates): where to store the due date
 *
 * The due date of @period: @period calendar months after @start, on the
 * same day of the month, or on the month's last day when the month is
 * shorter. A loan starting on January 31 is due on February 28 (29 in a
 * leap year), March 31, April 30 and so on; each date is counted from
 * @start, so the day never drifts.
 */
void
shore_schedule_due_date (const GDate *start,
                         int          period,
                         GDate       *out)
{
  guint months;
  guint year;
  guint month;
  guint day;
  guint last;

  g_return_if_fail (start != NULL && g_date_valid (start));
  g_return_if_fail (period >= 0 && period <= 12 * 1000);
  g_return_if_fail (out != NULL);

  months = (guint) g_date_get_year (start) * 12 + (guint) g_date_get_month (start) - 1 + (guint) period;
  year = months / 12;
  month = months % 12 + 1;
  g_return_if_fail (year <= G_MAXUINT16);

  last = g_date_get_days_in_month ((GDateMonth) month, (GDateYear) year);
  day = MIN ((guint) g_date_get_day (start), last);

  g_date_clear (out, 1);
  g_date_set_dmy (out, (GDateDay) day, (GDateMonth) month, (GDateYear) year);
}

/**
 * shore_schedule_compute:
 * @loan: a loan
 * @error: return location for a #ShoreLoanError
 *
 * The contractual repayment schedule of @loan, as DESIGN.md defines it.
 * Periods are months; the periodic rate r is the loan's rate in monthly
 * terms (daily × 30, annual ÷ 12), exact. Every amount is rounded half
 * away from zero to the fen, once:
 *
 * - equal installments (等额本息): A = P·r(1+r)ⁿ / ((1+r)ⁿ − 1), rounded
 *   exactly (not by floating point); round (P / n) when r = 0. Each
 *   period's interest is round (balance × r) and its principal A − interest;
 *   the last period repays what is left, with its interest.
 * - equal principal (等额本金): principal round (P / n), the last period
 *   takes the remainder; interest round (balance × r).
 * - interest first (先息后本): interest round (P × r) each period, all the
 *   principal with the last.
 * - bullet (到期还本付息): one installment at period n, interest
 *   round (P × r × n).
 *
 * A loan with a monthly fee rate f (月费率) is repaid in equal principal
 * parts whatever its method, because that is how such offers work: each
 * period's interest column holds the fee round (P × f) on the original
 * principal plus the interest at @loan's rate (usually 0) on the balance,
 * round (balance × r).
 *
 * No amount is ever negative and no principal part exceeds the balance:
 * if rounding would pay a loan off before its last period, the rows after
 * that carry no principal.
 *
 * The loan is validated first (see shore_loan_validate()); amounts that do
 * not fit in 64-bit fen give %SHORE_LOAN_ERROR_OVERFLOW.
 *
 * Returns: (transfer full): the schedule, or %NULL with @error set
 */
ShoreSchedule *
shore_schedule_compute (const ShoreLoan  *loan,
                        GError          **error)
{
  Plan plan;

  g_return_val_if_fail (loan != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return compute (loan, &plan, error);
}

/**
 * shore_schedule_free:
 * @schedule: (nullable): a schedule
 *
 * Frees @schedule and its installments.
 */
void
shore_schedule_free (ShoreSchedule *schedule)
{
  if (schedule == NULL)
    return;

  g_clear_pointer (&schedule->installments, g_array_unref);
  g_free (schedule);
}

/* ---- payments ---- */

static gint64
row_unpaid (const ShoreInstallment *row,
            const Paid             *paid)
{
  return (row->interest - paid->interest) + (row->principal - paid->principal);
}

/* Pays @row from @money, interest before principal */
static void
pay_row (const ShoreInstallment *row,
         Paid                   *paid,
         gint64                 *money)
{
  gint64 part;

  part = MIN (*money, row->interest - paid->interest);
  paid->interest += part;
  *money -= part;

  part = MIN (*money, row->principal - paid->principal);
  paid->principal += part;
  *money -= part;
}

/* Principal repaid early within row @k: it joins the row's principal, and
 * the periods after it are recomputed on what is left.
 */
static gboolean
prepay (Plan   *plan,
        Ledger *ledger,
        guint   k,
        gint64 *money)
{
  GArray *rows = ledger->schedule->installments;
  ShoreInstallment *row = &g_array_index (rows, ShoreInstallment, k);
  Paid *paid = &g_array_index (ledger->paid, Paid, k);
  gint64 extra = MIN (*money, row->balance);
  gint64 balance;

  if (extra == 0)
    return TRUE;

  row->principal += extra;
  row->payment += extra;
  row->balance -= extra;
  paid->principal += extra;
  *money -= extra;
  balance = row->balance;

  g_array_set_size (rows, k + 1);
  g_array_set_size (ledger->paid, k + 1);
  if (balance == 0)
    return TRUE;

  if (!build_rows (plan, row->period + 1, balance, rows))
    return FALSE;
  g_array_set_size (ledger->paid, rows->len);
  return TRUE;
}

/* A bullet loan paid before its due date: the interest accrued so far
 * (through the month in which @date falls, on the principal in use; a
 * month ends on its due day) is paid first, the rest repays principal, and interest for the months
 * left runs on what remains.
 */
static gboolean
prepay_bullet (Plan        *plan,
               Ledger      *ledger,
               const GDate *date,
               gint64      *money)
{
  const ShoreLoan *loan = plan->loan;
  ShoreInstallment *row = &g_array_index (ledger->schedule->installments, ShoreInstallment, 0);
  Paid *paid = &g_array_index (ledger->paid, Paid, 0);
  gint64 in_use = row->principal - paid->principal;
  gint64 accrued = plan->fixed_interest;
  gint64 part;
  gint64 later;
  int month = 1;

  for (;; month++)
    {
      GDate due;

      shore_schedule_due_date (&loan->start_date, month, &due);
      if (g_date_compare (&due, date) >= 0)
        break;
    }

  if (month > plan->fixed_months)
    {
      if (!interest_on (plan, in_use, month - plan->fixed_months, &part)
          || !shore_money_add (accrued, part, &accrued))
        return FALSE;
    }

  part = CLAMP (accrued - paid->interest, 0, *money);
  paid->interest += part;
  *money -= part;

  part = MIN (*money, in_use);
  if (part == 0)
    return TRUE;
  paid->principal += part;
  *money -= part;
  in_use -= part;

  plan->fixed_interest = accrued;
  plan->fixed_months = MAX (month, plan->fixed_months);
  if (!interest_on (plan, in_use, loan->term_months - plan->fixed_months, &later)
      || !shore_money_add (accrued, later, &row->interest))
    return FALSE;

  return shore_money_add (row->principal, row->interest, &row->payment);
}

static gboolean
apply_payment (Plan               *plan,
               Ledger             *ledger,
               const ShorePayment *payment)
{
  GArray *rows = ledger->schedule->installments;
  gint64 money = payment->amount;
  guint i;
  guint k;

  /* Everything due on or before the payment's date, oldest first */
  for (i = 0; i < rows->len && money > 0; i++)
    {
      const ShoreInstallment *row = &g_array_index (rows, ShoreInstallment, i);

      if (g_date_compare (&row->due_date, &payment->date) > 0)
        break;
      pay_row (row, &g_array_index (ledger->paid, Paid, i), &money);
    }

  if (money == 0)
    return TRUE;

  if (plan->shape == SHAPE_BULLET)
    return i == rows->len ? TRUE : prepay_bullet (plan, ledger, &payment->date, &money);

  /* Then the installment whose period, (previous due date, its due date],
   * holds the payment: on a due date that is the one just paid. What is
   * left repays principal early. Money beyond the whole loan is an
   * overpayment and counts only in paid_total. */
  k = i;
  if (i > 0 && g_date_compare (&g_array_index (rows, ShoreInstallment, i - 1).due_date, &payment->date) == 0)
    k = i - 1;
  if (k == rows->len)
    return TRUE;

  pay_row (&g_array_index (rows, ShoreInstallment, k), &g_array_index (ledger->paid, Paid, k), &money);
  return prepay (plan, ledger, k, &money);
}

static int
compare_payments (gconstpointer a,
                  gconstpointer b)
{
  const ShorePayment *const *pa = a;
  const ShorePayment *const *pb = b;
  int order = g_date_compare (&(*pa)->date, &(*pb)->date);

  if (order != 0)
    return order;
  return (*pa > *pb) - (*pa < *pb);     /* stable: in the order given */
}

static gboolean
check_payments (const ShorePayment  *payments,
                guint                n_payments,
                gint64              *total,
                GError             **error)
{
  guint i;

  *total = 0;
  for (i = 0; i < n_payments; i++)
    {
      if (!g_date_valid (&payments[i].date))
        {
          g_set_error (error, SHORE_LOAN_ERROR, SHORE_LOAN_ERROR_INVALID,
                       _("A payment has no valid date"));
          return FALSE;
        }
      if (payments[i].amount <= 0)
        {
          g_set_error (error, SHORE_LOAN_ERROR, SHORE_LOAN_ERROR_INVALID,
                       _("A payment must be more than zero"));
          return FALSE;
        }
      if (!shore_money_add (*total, payments[i].amount, total))
        {
          shore_loan_set_overflow_error (error);
          return FALSE;
        }
    }

  return TRUE;
}

static gboolean
ledger_compute (Ledger              *ledger,
                const ShoreLoan     *loan,
                const ShorePayment  *payments,
                guint                n_payments,
                GError             **error)
{
  g_autofree const ShorePayment **order = NULL;
  Plan plan;
  guint i;

  memset (ledger, 0, sizeof *ledger);

  if (!check_payments (payments, n_payments, &ledger->paid_total, error))
    return FALSE;

  ledger->schedule = compute (loan, &plan, error);
  if (ledger->schedule == NULL)
    return FALSE;

  ledger->paid = g_array_new (FALSE, TRUE, sizeof (Paid));
  g_array_set_size (ledger->paid, ledger->schedule->installments->len);

  order = g_new (const ShorePayment *, MAX (n_payments, 1));
  for (i = 0; i < n_payments; i++)
    order[i] = &payments[i];
  qsort (order, n_payments, sizeof order[0], compare_payments);

  for (i = 0; i < n_payments; i++)
    if (!apply_payment (&plan, ledger, order[i]))
      {
        shore_loan_set_overflow_error (error);
        return FALSE;
      }

  if (!sum_totals (ledger->schedule))
    {
      shore_loan_set_overflow_error (error);
      return FALSE;
    }

  return TRUE;
}

/**
 * shore_schedule_with_payments:
 * @loan: a loan
 * @payments: (array length=n_payments) (nullable): the payments made, in any order
 * @n_payments: how many
 * @error: return location for a #ShoreLoanError
 *
 * The schedule as it stands after @payments. They are applied in date
 * order (payments on the same day in the order given). Each pays first
 * every installment due on or before its date, oldest first, interest
 * before principal; then the installment of the period it falls in (a
 * period runs from the day after the previous due date to its own due
 * date), paid ahead of its due date. Whatever is left repays principal early
 * (民法典 第677条): it is added to the principal of that installment, whose
 * interest stays what had accrued for the month on the balance before;
 * the installments after it are recomputed on the reduced balance over
 * the periods left, by the same method and on the same due dates (equal
 * installments get a new, lower installment). If that pays everything,
 * the installments after it are dropped: their interest is not owed.
 *
 * A bullet loan paid early owes interest through the month in which the
 * money came, on the principal then in use; the months after that run on
 * what is left. A 月费率 loan keeps its fee, which is on the original
 * principal, for every period that still has principal to repay.
 *
 * Money beyond the whole loan is not shown anywhere in the schedule.
 *
 * Returns: (transfer full): the schedule, or %NULL with @error set
 */
ShoreSchedule *
shore_schedule_with_payments (const ShoreLoan     *loan,
                              const ShorePayment  *payments,
                              guint                n_payments,
                              GError             **error)
{
  g_auto(Ledger) ledger = { NULL, NULL, 0 };

  g_return_val_if_fail (loan != NULL, NULL);
  g_return_val_if_fail (payments != NULL || n_payments == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!ledger_compute (&ledger, loan, payments, n_payments, error))
    return NULL;

  return g_steal_pointer (&ledger.schedule);
}

static gboolean
same_month (const GDate *a,
            const GDate *b)
{
  return g_date_get_year (a) == g_date_get_year (b)
         && g_date_get_month (a) == g_date_get_month (b);
}

/**
 * shore_loan_status_compute:
 * @loan: a loan
 * @payments: (array length=n_payments) (nullable): the payments made, in any order
 * @n_payments: how many
 * @today: the day to look from
 * @due_soon_days: how many days ahead a due date makes the loan
 *   %SHORE_LOAN_STATE_DUE_SOON (0: only on the day itself)
 * @out: (out caller-allocates): where to store the status
 * @error: return location for a #ShoreLoanError
 *
 * Where @loan stands on @today, after @payments as
 * shore_schedule_with_payments() applies them (all of them, whatever
 * their date). The state is %SHORE_LOAN_STATE_PAID_OFF when no principal
 * and nothing else is owed; otherwise %SHORE_LOAN_STATE_OVERDUE when an
 * installment due before @today is not fully paid; otherwise
 * %SHORE_LOAN_STATE_DUE_SOON when the next unpaid installment is due
 * within @due_soon_days days; otherwise %SHORE_LOAN_STATE_CURRENT.
 *
 * Returns: %TRUE on success; on failure @out is left untouched
 */
gboolean
shore_loan_status_compute (const ShoreLoan     *loan,
                           const ShorePayment  *payments,
                           guint                n_payments,
                           const GDate         *today,
                           int                  due_soon_days,
                           ShoreLoanStatus     *out,
                           GError             **error)
{
  g_auto(Ledger) ledger = { NULL, NULL, 0 };
  ShoreLoanStatus status;
  GArray *rows;
  gboolean found_next = FALSE;
  guint i;

  g_return_val_if_fail (loan != NULL, FALSE);
  g_return_val_if_fail (payments != NULL || n_payments == 0, FALSE);
  g_return_val_if_fail (today != NULL && g_date_valid (today), FALSE);
  g_return_val_if_fail (out != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!ledger_compute (&ledger, loan, payments, n_payments, error))
    return FALSE;

  memset (&status, 0, sizeof status);
  g_date_clear (&status.next_due_date, 1);
  status.paid_total = ledger.paid_total;

  /* Every sum below is a part of the schedule's total, which fits */
  rows = ledger.schedule->installments;
  for (i = 0; i < rows->len; i++)
    {
      const ShoreInstallment *row = &g_array_index (rows, ShoreInstallment, i);
      const Paid *paid = &g_array_index (ledger.paid, Paid, i);
      gint64 unpaid = row_unpaid (row, paid);
      gboolean past_due = g_date_compare (&row->due_date, today) < 0;

      status.principal_remaining += row->principal - paid->principal;
      status.owed_total += unpaid;
      if (unpaid == 0)
        continue;

      if (!found_next)
        {
          found_next = TRUE;
          status.next_due_amount = unpaid;
          status.next_due_date = row->due_date;
          status.next_period = row->period;
          status.days_until_due = g_date_days_between (today, &row->due_date);
          if (past_due)
            status.days_overdue = -status.days_until_due;
        }
      if (past_due)
        {
          status.overdue_installments++;
          status.overdue_amount += unpaid;
        }
      if (past_due || same_month (&row->due_date, today))
        status.due_this_month += unpaid;
    }

  if (!found_next)
    status.state = SHORE_LOAN_STATE_PAID_OFF;
  else if (status.overdue_installments > 0)
    status.state = SHORE_LOAN_STATE_OVERDUE;
  else if (status.days_until_due <= due_soon_days)
    status.state = SHORE_LOAN_STATE_DUE_SOON;
  else
    status.state = SHORE_LOAN_STATE_CURRENT;

  *out = status;
  return TRUE;
}
