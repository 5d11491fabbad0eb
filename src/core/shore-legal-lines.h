/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "shore-loan.h"

G_BEGIN_DECLS

#define SHORE_LEGAL_ERROR (shore_legal_error_quark ())

typedef enum {
  SHORE_LEGAL_ERROR_NO_LPR,       /* a date before the first LPR quote (2019-08-20) */
  SHORE_LEGAL_ERROR_DATA,         /* the bundled LPR table could not be read */
} ShoreLegalError;

typedef enum {
  SHORE_LEGAL_LINE_4LPR,          /* 4 × one-year LPR at the contract date */
  SHORE_LEGAL_LINE_24,            /* 24 % a year */
  SHORE_LEGAL_LINE_36,            /* 36 % a year (historic) */
  SHORE_N_LEGAL_LINES
} ShoreLegalLineKind;

typedef enum {
  SHORE_BASIS_LAW,                /* a statute or judicial interpretation read in the primary text */
  SHORE_BASIS_REGULATION,         /* a regulator's rule or guidance, reported (secondary source) */
  SHORE_BASIS_HISTORIC,           /* repealed; matters only for old contracts */
} ShoreLegalBasis;

typedef struct
{
  ShoreLegalLineKind kind;
  gint64             annual_hundredths;   /* 1200 = 12.00 % a year */
  gboolean           applies;             /* is this the line for this lender type? */
  ShoreLegalBasis    basis;
  GDate              lpr_date;            /* 4LPR only: the LPR quote in force */
  gint64             lpr_hundredths;      /* 4LPR only: 300 = 3.00 % */
  const char        *title;               /* translated, e.g. "4 × LPR (12.00 %)" is built by the caller; this is "Four times the LPR" */
  const char        *explanation;         /* translated; cites law and article; says what a court does and does not support, and how sure we are */
} ShoreLegalLine;

GQuark   shore_legal_error_quark (void);
/* The one-year LPR in force on @date, from data/lpr-1y.csv (bundled as a resource). */
gboolean shore_lpr_lookup        (const GDate        *date,
                                  gint64             *hundredths,
                                  GDate              *effective_date,
                                  GError            **error);
/* The three lines for a loan by this lender made on @contract_date; out[kind]. For a date
 * before 2019-08-20 the 4LPR line has annual_hundredths 0 and applies FALSE. */
void     shore_legal_lines_for   (ShoreLenderType     lender_type,
                                  const GDate        *contract_date,
                                  ShoreLegalLine      out[SHORE_N_LEGAL_LINES]);
/* Whether an annual rate (a fraction, e.g. 0.1825) is above a line. */
gboolean shore_legal_line_crossed (const ShoreLegalLine *line,
                                   double                annual_fraction);

G_END_DECLS
