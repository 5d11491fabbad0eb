/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>
#include <json-glib/json-glib.h>

#include "shore-loan.h"
#include "shore-rate.h"

G_BEGIN_DECLS

/* The verbs, one per shore-cli-<verb>.c; argv[0] is the verb. */
int      shore_cli_schedule_run        (int          argc,
                                        char       **argv);
int      shore_cli_apr_run             (int          argc,
                                        char       **argv);
int      shore_cli_loan_run            (int          argc,
                                        char       **argv);
int      shore_cli_overdue_run         (int          argc,
                                        char       **argv);
int      shore_cli_payoff_run          (int          argc,
                                        char       **argv);
int      shore_cli_import_run          (int          argc,
                                        char       **argv);
int      shore_cli_export_run          (int          argc,
                                        char       **argv);
int      shore_cli_reminders_run       (int          argc,
                                        char       **argv);
int      shore_cli_handout_run         (int          argc,
                                        char       **argv);

typedef enum {
  SHORE_CLI_FORMAT_TABLE,
  SHORE_CLI_FORMAT_JSON,
  SHORE_CLI_FORMAT_CSV,
} ShoreCliFormat;

/* Which options of LOAN a command takes. */
typedef enum {
  SHORE_CLI_LOAN_TERMS   = 1 << 0,   /* --principal … --start */
  SHORE_CLI_LOAN_LENDER  = 1 << 1,   /* --lender, --lender-type */
  SHORE_CLI_LOAN_OVERDUE = 1 << 2,   /* --penalty-markup, --grace-days, --late-fee-daily, --accelerate-after */
} ShoreCliLoanOptions;

/* The LOAN options as typed; NULL when not given. */
typedef struct
{
  char *principal;
  char *rate;
  char *monthly_fee_rate;
  char *upfront_fee;
  char *term;
  char *method;
  char *start;
  char *lender;
  char *lender_type;
  char *penalty_markup;
  char *grace_days;
  char *late_fee_daily;
  char *accelerate_after;
} ShoreCliLoanArgs;

/* One command (“schedule”, “loan add”…): its options, help and parser.
 * Every command takes --data-dir and --help. */
typedef struct
{
  const char *command;     /* as typed after “shore”, e.g. "loan add" */
  const char *synopsis;    /* untranslated, e.g. "shore schedule LOAN [--format table|json|csv]" */
  const char *summary;     /* untranslated (N_), shown through gettext */
  GArray     *entries;     /* of GOptionEntry */
  char       *data_dir;
  char       *format;
  gboolean    help;
} ShoreCliCommand;

void     shore_cli_command_init        (ShoreCliCommand      *cmd,
                                        const char           *command,
                                        const char           *synopsis,
                                        const char           *summary);
void     shore_cli_command_clear       (ShoreCliCommand      *cmd);
void     shore_cli_command_add_option  (ShoreCliCommand      *cmd,
                                        const char           *long_name,
                                        char                **arg_data,
                                        const char           *arg_description,
                                        const char           *description);
void     shore_cli_command_add_flag    (ShoreCliCommand      *cmd,
                                        const char           *long_name,
                                        gboolean             *arg_data,
                                        const char           *description);
/* A repeatable option: every value, in order, lands in *@arg_data (a NULL-terminated strv). */
void     shore_cli_command_add_option_array (ShoreCliCommand *cmd,
                                        const char           *long_name,
                                        char               ***arg_data,
                                        const char           *arg_description,
                                        const char           *description);
void     shore_cli_command_add_format  (ShoreCliCommand      *cmd,
                                        gboolean              with_csv);
void     shore_cli_command_add_loan    (ShoreCliCommand      *cmd,
                                        ShoreCliLoanArgs     *args,
                                        ShoreCliLoanOptions   which);
/* FALSE: the command is over (help printed, or an error reported), return *out_status. */
gboolean shore_cli_command_parse       (ShoreCliCommand      *cmd,
                                        int                   argc,
                                        char                **argv,
                                        int                  *out_status);
gboolean shore_cli_command_get_format  (ShoreCliCommand      *cmd,
                                        gboolean              with_csv,
                                        ShoreCliFormat       *out,
                                        GError              **error);

void     shore_cli_loan_args_clear     (ShoreCliLoanArgs     *args);
/* Fills @loan from the options @which; every one of them is required but
 * --monthly-fee-rate, --upfront-fee, --lender-type and the overdue terms.
 * Then checks the whole loan with shore_loan_validate(). */
gboolean shore_cli_loan_args_apply     (const ShoreCliLoanArgs *args,
                                        const ShoreCliCommand  *cmd,
                                        ShoreCliLoanOptions     which,
                                        ShoreLoan              *loan,
                                        GError                **error);

/* Parsers for option values: every error message names the option. */
void     shore_cli_set_bad_value       (GError              **error,
                                        const char           *format,
                                        ...) G_GNUC_PRINTF (2, 3);
gboolean shore_cli_require             (const ShoreCliCommand *cmd,
                                        const char           *option,
                                        const char           *value,
                                        GError              **error);
gboolean shore_cli_parse_money         (const char           *option,
                                        const char           *text,
                                        gboolean              allow_zero,
                                        gint64               *out,
                                        GError              **error);
/* @bare_period: the period a rate typed without one (“0.6%”) is read in, or NULL to require one */
gboolean shore_cli_parse_rate          (const char           *option,
                                        const char           *text,
                                        const char           *bare_period,
                                        ShoreRate            *out,
                                        GError              **error);
gboolean shore_cli_parse_int           (const char           *option,
                                        const char           *text,
                                        int                   min,
                                        int                   max,
                                        int                  *out,
                                        GError              **error);
gboolean shore_cli_parse_date          (const char           *option,
                                        const char           *text,
                                        GDate                *out,
                                        GError              **error);

/* Output */
void     shore_cli_today               (GDate                *out);
char    *shore_cli_money_text          (gint64                fen) G_GNUC_WARN_UNUSED_RESULT;
void     shore_cli_print_json          (JsonNode             *root);
int      shore_cli_text_width          (const char           *text);
void     shore_cli_append_padded       (GString              *out,
                                        const char           *text,
                                        int                   width,
                                        gboolean              align_right);

G_END_DECLS
