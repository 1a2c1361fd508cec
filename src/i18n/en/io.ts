import type { IoFieldKey, IoMessageKey, IoMethodKey, IoWordKey } from "../fr/io";

/** English version of every import message (same keys and placeholders as the French catalogue). */
export const ioMessagesEn: Record<IoMessageKey, string> = {
  NO_ROWS: "Nothing to read: the range is empty.",
  HEADER_ONLY: "Only the header row (row {row}) is there: no data to read.",
  NO_HEADER: "Row {row} does not look like a header row (it holds the value “{value}”): the first row must give the column titles, such as “Customer”, “Sales 2025”.",
  HEADER_BELOW: "Row {row} looks like the header row ({headers}): start the range at that row.",
  NO_ID_COLUMN: "No customer id column recognised (columns read: {headers}): choose it in the column mapping.",
  NO_DATE_COLUMN: "Journal: no date column recognised (columns read: {headers}).",
  NO_AMOUNT_COLUMN: "Journal: an Amount column, or Quantity and Unit price columns, are needed (columns read: {headers}).",
  NO_DATA: "No data: the {n} {n|row|rows} below the header {n|is|are} empty.",
  NO_CLIENT: "No readable customer: no row has a usable customer id.",

  AMBIGUOUS_COLUMN: "Two columns could be “{field}”: “{header}” (used) and “{header2}”; check the mapping.",
  UNCERTAIN_COLUMN: "Column “{header}” taken as “{field}” (uncertain match, please check).",
  PERIODS_MIXED: "Column “{header}” ignored: periods are read by year and this column uses N/N-1.",
  PERIOD_DUPLICATE: "Column “{header}” ignored: period {label} is already read from “{header2}”.",
  CONTACTS_DROPPED: "Column “{header}” ignored: only the two latest periods of contacts are read.",
  PROSPECT_COLUMN_DROPPED: "Column “{header}” not used as the prospect flag: its values are not yes/no or prospect/customer.",

  TWO_ROW_HEADER: "Header on two rows (rows {row} and {row2}): titles combined, e.g. “{example}”.",
  CA_FROM_LATEST_PERIOD: "No plain “Sales” column: sales are taken from the latest period, “{header}”.",
  PLAIN_CA_AS_N: "Column “{header}” is read as the sales of year N, after {label}.",
  RECENCY_FROM_DATES: "Recency = number of days from the last purchase date to the reference date.",
  REFERENCE_DATE_DEFAULT: "Reference date: {date}, the day after the last date read ({last}).",
  REFERENCE_DATE_GIVEN: "Reference date: {date} (chosen).",
  REFERENCE_DATE_BAD: "Reference date “{value}” unreadable (dd/mm/yyyy expected): {date} is used instead.",
  DATE_ORDER_MDY: "Column “{column}”: dates read as month/day/year, because “{value}” is impossible as day/month/year; please check.",
  DATE_ORDER_MIXED:
    "Column “{column}”: day/month and month/day dates are mixed (e.g. “{value}”); read as day/month/year, {n} impossible {n|date|dates} rejected.",
  DATE_1904: "Date serial numbers read in the 1904 date system (old Mac workbook).",
  AMOUNT_FROM_QTY_PRICE: "Line amount = “{header}” × “{header2}”.",
  AMOUNT_FROM_COLUMN: "Line amount read from column “{header}”.",
  PURCHASE_RULE:
    "Purchase = an invoice whose number does not start with “C” and whose total for the customer is positive; frequency = the number of such invoices; monetary = the sum of all lines, cancellations and returns included.",
  NO_INVOICE_COLUMN: "No invoice number column: each day a customer bought counts as one purchase (frequency = distinct purchase days).",
  PERIODS_ROLLING:
    "Rolling 12-month periods before the reference date, never calendar years: N-1 from {n1Start} to {n1End}, N from {nStart} to {nEnd}.",

  CELL_TEXT: "Row {row}, “{column}”: “{value}” is not a number.",
  CELL_ERROR: "Row {row}, “{column}”: the cell holds the error {value}.",
  CELL_BOOLEAN: "Row {row}, “{column}”: logical value {value} instead of a number.",
  CELL_DATE: "Row {row}, “{column}”: date {value} instead of a number.",
  CELL_BLANK: "Row {row}, “{column}”: empty cell, left empty (never replaced by 0).",
  DATE_INVALID: "Row {row}, “{column}”: “{value}” is not a readable date (dd/mm/yyyy expected).",
  DATE_OUT_OF_RANGE: "Row {row}, “{column}”: implausible date {value} (before 1950 or after 2099).",
  DATE_PHANTOM: "Row {row}, “{column}”: serial number 60 means 29/02/1900, which does not exist (an error Excel inherited).",
  NEGATIVE_COUNT: "Row {row}, “{column}”: a negative number ({value}) is not possible here.",
  FLAG_UNREADABLE: "Row {row}, “{column}”: “{value}” says neither yes nor no (yes/no, x, prospect/customer expected).",
  CRITERION_OUT_OF_RANGE: "Row {row}, “{column}”: the score {value} is outside the 1 to 5 scale; this prospect will not be scored.",
  NEGATIVE_AMOUNT: "Row {row}, “{column}”: negative amount ({value}) kept, please check (credit notes, returns?).",

  EMPTY_ROWS: "{n} empty {n|row|rows} skipped: {rows}.",
  ROW_NO_ID: "Row {row}: no customer id, row skipped.",
  ROW_ID_ERROR: "Row {row}: the customer id holds the error {value}, row skipped.",
  TOTAL_ROW: "Row {row}: total row “{value}” excluded.",
  TOTAL_ROW_UNLABELLED: "Row {row}: no customer and equal to the sum of the rows above, read as a total row and excluded.",
  DUPLICATE_ID_KEPT: "Customer “{id}” appears on rows {rows}: rows kept apart (choose “merge” to combine them).",
  DUPLICATE_ID_MERGED: "Customer “{id}” appears on rows {rows}: rows merged, amounts and contacts added up.",
  DUPLICATE_ROW_DROPPED: "Row {row}: exact copy of row {row2} (customer “{id}”), skipped.",
  REPEATED_HEADER: "Row {row}: repeated header, skipped.",

  LINE_BLANK: "Row {row}, “{column}”: empty cell, line skipped.",
  LINE_NO_CLIENT: "Row {row}: no customer id, line not assigned.",
  LINES_NO_CLIENT: "{n} {n|line|lines} without a customer id, for an amount of {amount}: counted apart, not assigned to a customer.",
  LINES_REJECTED: "{n} {n|line|lines} skipped because {n|its|their} date or amount is unreadable (details per row).",
  DUPLICATE_LINE: "Row {row}: same as row {row2}, kept.",
  DUPLICATE_LINES: "{n} {n|line|lines} identical to an earlier line, kept (a journal may repeat a line): check this is not a double import.",
  INVOICE_BLANK: "Row {row}: empty invoice number, the line counts with the customer's other lines of the same day.",
  CLIENTS_WITHOUT_PURCHASE:
    "{n} {n|customer|customers} without any purchase (only cancellations or invoices totalling zero or less): recency and purchase dates not computed (e.g. “{id}”).",
  NEGATIVE_MONETARY: "{n} {n|customer|customers} with a negative total (returns above purchases), kept (e.g. “{id}”).",
  PERIODS_NOT_COVERED:
    "The journal covers {first} to {last}; maturity and elasticity compare N-1 ({n1Start} to {n1End}) with N ({nStart} to {nEnd}) and need sales from {n1Start}. The period from {n1Start} to {missingEnd} is missing: maturity and elasticity not computed. Add the missing sales (for example the previous year's sheet).",
  LINES_AFTER_REFERENCE: "{n} {n|line|lines} dated after the reference date {date}: negative recency for the customers concerned.",

  MISSING_FIELDS: "{method}: missing {fields}.",
  MISSING_PERIODS: "{method}: at least two periods of sales are needed (such as “Sales N-1” and “Sales N”); {n} found.",

  FAMILY_FROM_COLUMN:
    "Product families read from the column “{header}” ({field}): {n} {n|family|families}; their types (FiLo, FiFo, LiFo, LiLo) are to give or confirm.",
  LINES_NO_FAMILY:
    "{n} {n|line|lines} without a product family in “{header}”: counted in the client's sales, in no family.",
  ENGAGEMENT_NOT_COVERED:
    "Engagement by product type not computed: it compares the families bought in N-1 and in N, and the journal does not cover N-1 (dates above).",
  VALUE_OUT_OF_RANGE:
    "Row {row}, “{column}”: the score {value} is outside the 1 to 5 scale; this client will not be placed in the ideal-client matrix.",
  TYPE_TABLE_NO_COLUMNS:
    "Type table: a “Type” column (FiLo, FiFo, LiFo, LiLo) and a family column are needed (columns read: {headers}).",
  TYPE_UNKNOWN:
    "Row {row}, “{column}”: “{value}” is not a type (FiLo, FiFo, LiFo or LiLo); the family “{family}” stays untyped.",
  TYPE_FAMILY_TWICE:
    "Row {row}: the family “{family}” is already typed {value} above; the type {value2} is ignored.",
  TYPE_FAMILIES_UNKNOWN:
    "{n} {n|family|families} of the type table not in the journal, ignored (for example “{family}”).",
  TYPE_FAMILIES_UNTYPED:
    "{n} journal {n|family|families} without a type: {n|it decides|they decide} no engagement class (for example “{family}”).",
  ISSUES_NOT_SHOWN: "{n} more {n|message|messages} of the same kind not shown (counted in the total).",
};

export const ioFieldLabelsEn: Record<IoFieldKey, string> = {
  id: "Customer id",
  name: "Customer name",
  ca: "Sales",
  periods: "Sales per period",
  potential: "Potential",
  frequency: "Frequency (number of orders)",
  recency: "Recency (days)",
  lastPurchase: "Last purchase date",
  firstPurchase: "First purchase date",
  contacts: "Contacts (period N)",
  contactsBefore: "Contacts (period N-1)",
  prospect: "Prospect (yes/no)",
  pertinence: "Relevance (1 to 5)",
  credibility: "Credibility (1 to 5)",
  attractiveness: "Attractiveness to us (1 to 5)",
  ourAttractiveness: "Our attractiveness to it (1 to 5)",
  value: "Value brought / satisfaction (1 to 5)",
  family: "Product family",
  product: "Product code",
  description: "Product description",
  invoice: "Invoice number",
  date: "Date",
  quantity: "Quantity",
  unitPrice: "Unit price",
  amount: "Line amount",
};

export const ioMethodLabelsEn: Record<IoMethodKey, string> = {
  rfm: "RFM",
  abc: "ABC (Pareto 80/20)",
  quartiles: "Interquartile method",
  pr: "P-R",
  elasticity: "Elasticity",
  contacts: "Contact profitability matrix",
  maturity: "Maturity (D/C/M/V)",
  allocation: "Contact capital",
  engagement: "Engagement by product type (fidelity)",
  ideal: "Ideal-client matrix",
};

export const ioWordsEn: Record<IoWordKey, string> = { or: "or", more: "…", column: "column" };
