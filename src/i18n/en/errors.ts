import type { ErrorCode } from "../fr/errors";

/** English version of every error message (same keys and placeholders as the French catalogue). */
export const errorsEn: Record<ErrorCode, string> = {
  EMPTY_INPUT: "No client: the list “{arg}” is empty.",
  NOT_FINITE: "{arg}, row {row}: “{value}” is not a number.",
  LENGTH_MISMATCH: "The ranges “{arg}” ({n1} values) and “{arg2}” ({n2} values) differ in size.",
  TOO_FEW_CLIENTS: "{method}: at least {min} clients with a numeric value are needed ({n} given).",
  BAD_CLASSES: "Invalid number of classes “{value}”: a whole number from 2 to 10 is expected.",
  BAD_GRID: "Invalid grid “{arg}”: {detail}.",
  BAD_WEIGHTS: "Invalid weights: three non-negative numbers (R, F, M), not all zero, are expected.",
  BAD_THRESHOLDS: "Invalid thresholds ({a}; {b}): 0 < threshold A < threshold B ≤ 100% is required.",
  BAD_MODE: "Unknown option “{value}” for “{arg}”: allowed values {allowed}.",
  BAD_PARAMETER: "Invalid {arg} (“{value}”): {expected}.",
  TOTAL_NOT_POSITIVE: "{method}: the total of “{arg}” is zero or negative, no share can be computed.",
  POTENTIAL_NOT_POSITIVE: "Potential on row {row} is zero or negative ({value}): no penetration rate.",
  ELASTICITY_CA_BEFORE_ZERO: "Elasticity undefined on row {row}: last year's sales are zero (no % change).",
  ELASTICITY_CONTACTS_BEFORE_ZERO: "Elasticity undefined on row {row}: no contact last year (no % change).",
  ELASTICITY_CONTACTS_UNCHANGED: "Elasticity undefined on row {row}: the number of contacts did not change ({value}).",
  ZERO_CONTACTS: "Productivity undefined on row {row}: no contact in the period.",
  TOO_FEW_PERIODS: "Maturity on row {row}: at least two periods of sales are needed ({n} given).",
  BAD_SHARES: "Invalid family split ({detail}): three non-negative shares adding up to 100% are expected.",
  BAD_NORMS: "Invalid visit norms ({detail}): non-negative numbers of contacts a year are expected.",
  BLANK_CELL: "{arg}, row {row}: empty cell, a value is needed.",
  TEXT_CELL: "{arg}, row {row}: text “{value}” instead of a number.",
  ERROR_CELL: "{arg}, row {row}: the cell holds the error {value}.",
  MISSING_ARGUMENT: "Missing argument “{arg}”: {expected}.",
  NO_NUMBER: "“{arg}” holds no number.",
  NOT_A_RANGE: "“{arg}” must be a single row or a single column ({rows} × {cols} given).",
  BAD_PROSPECT_WEIGHTS:
    "Invalid criteria weights ({detail}): four non-negative numbers (relevance, credibility, attractiveness to us, our attractiveness), not all zero, are expected.",
  CRITERION_OUT_OF_RANGE: "{arg}, row {row}: the score {value} is outside the 1 to 5 scale.",
  PROSPECT_CRITERIA_MISSING:
    "Prospect scoring incomplete: {missing} missing; the four criteria (relevance, credibility, attractiveness to us, our attractiveness) are all needed.",
  BAD_FAMILY_TYPE: "Invalid type “{value}” for the family “{family}”: FiLo, FiFo, LiFo or LiLo is expected (or a blank cell).",
};
