import type { XlsxMessageKey, XlsxWordKey } from "../fr/xlsx";

export const xlsxMessagesEn: Record<XlsxMessageKey, string> = {
  NOT_ZIP: "{file}: not a readable .xlsx file (no complete ZIP archive: a truncated file, or another format).",
  ZIP_DAMAGED: "{file}: the ZIP archive is damaged ({where}).",
  ZIP_ENCRYPTED: "{file}: the part \"{part}\" is encrypted; save the workbook without a password from Excel.",
  ZIP_METHOD: "{file}: the part \"{part}\" uses a compression method the reader does not know (no. {method}); save the workbook from Excel.",
  ZIP_DUPLICATE: "{file}: two parts have the same name, \"{part}\": the workbook is ambiguous and is not read.",
  PART_CRC: "{file}: the part \"{part}\" is damaged (CRC-32 checksum {actual} instead of {expected}).",
  PART_SIZE: "{file}: the part \"{part}\" does not inflate to its stated size ({size}): a damaged or booby-trapped file.",
  PART_INFLATE: "{file}: the part \"{part}\" cannot be inflated (damaged compressed data).",
  LIMIT_PARTS: "{file}: the workbook has {n} parts, beyond the limit of {limit} parts.",
  LIMIT_PART_SIZE: "{file}: the part \"{part}\" would take {size} once inflated, beyond the limit of {limit} per part.",
  LIMIT_TOTAL_SIZE: "{file}: the workbook would take {size} once inflated, beyond the limit of {limit} in all.",
  NO_WORKBOOK: "{file}: the archive holds no Excel workbook (no \"xl/workbook.xml\" part).",
  MISSING_PART: "{file}: the part \"{part}\" of the sheet \"{sheet}\" is missing from the archive.",
  XML_INVALID: "{file}: the part \"{part}\" is not valid XML ({reason}).",
  XML_ENCODING: "{file}: the part \"{part}\" is not valid UTF-8 text.",
  ROW_BEYOND_GRID: "{file}: the sheet \"{sheet}\" names row {row}, outside Excel's grid (rows 1 to 1,048,576).",
  CELL_BEYOND_GRID: "{file}: the sheet \"{sheet}\" names the cell \"{ref}\", outside Excel's grid (1,048,576 rows × 16,384 columns, A1 to XFD1048576).",
  CELL_TOO_LONG: "{file}: the cell {ref} of the sheet \"{sheet}\" holds {n} characters, beyond Excel's limit ({limit} characters per cell).",
  CELL_OUTSIDE_ROW: "{file}: the sheet \"{sheet}\" has a cell outside any row (<c> outside a <row> element).",
  SHARED_STRING_MISSING: "{file}: the cell {ref} of the sheet \"{sheet}\" points to shared text no. {index}, which the workbook lacks.",
  LIMIT_CELLS: "{file}: the sheet \"{sheet}\" would need more than {n} cells for {size} of XML (lone cells far to the right): a booby-trapped or damaged file.",
};

export const xlsxWordsEn: Record<XlsxWordKey, string> = {
  workbook: "The workbook",
  named: "\"{name}\"",
  directory: "unreadable central directory",
  local: "unreadable local header of \"{part}\"",
  truncated: "truncated archive",
  bytes: "{n} {n|byte|bytes}",
  kib: "{n} KiB",
  mib: "{n} MiB",
  gib: "{n} GiB",
};
