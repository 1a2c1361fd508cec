/** Excel's limit on the length of a sheet name. */
export const MAX_SHEET_NAME = 31;

/**
 * Why Excel would refuse this sheet name, or undefined when it is valid: 1 to 31 characters, none of
 * `: \ / ? * [ ]`, no apostrophe at either end, not "History" (reserved).
 */
export function sheetNameProblem(name: string): string | undefined {
  if (name.length === 0) return "empty";
  if (name.length > MAX_SHEET_NAME) return `longer than ${MAX_SHEET_NAME} characters`;
  if (/[:\\/?*[\]]/.test(name)) return "contains one of : \\ / ? * [ ]";
  if (name.startsWith("'") || name.endsWith("'")) return "starts or ends with an apostrophe";
  if (name.toLowerCase() === "history") return "is reserved by Excel";
  return undefined;
}

/**
 * The first of `base`, "base (2)", "base (3)"… not in `taken` (lower-cased names), shortened so that it
 * stays within 31 characters.
 * @example uniqueSheetName("PAC", new Set(["pac"])) // "PAC (2)"
 */
export function uniqueSheetName(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base.toLowerCase())) return base;
  for (let n = 2; ; n++) {
    const suffix = ` (${n})`;
    const name = `${base.slice(0, MAX_SHEET_NAME - suffix.length).replace(/'+$/, "")}${suffix}`;
    if (!taken.has(name.toLowerCase())) return name;
  }
}

/**
 * Whether Excel accepts this as a table or defined name: starts with a letter, "_" or "\", then letters,
 * digits, "_" or "."; not a cell reference ("A1", "R1C1"); at most 255 characters.
 */
export function isValidName(name: string): boolean {
  if (name.length === 0 || name.length > 255) return false;
  if (!/^[A-Za-z_\\\u00C0-\uFFFF][A-Za-z0-9_.\u00C0-\uFFFF]*$/.test(name)) return false;
  if (/^[A-Za-z]{1,3}\d+$/.test(name)) return false;
  if (/^[RrCc]$/.test(name) || /^R\d*C\d*$/i.test(name)) return false;
  return true;
}

/**
 * The first of `base`, "base_2", "base_3"… not in `taken` (lower-cased names). Table names and defined names
 * share one namespace per workbook.
 * @example uniqueTableName("Cibles", new Set(["cibles"])) // "Cibles_2"
 */
export function uniqueTableName(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base.toLowerCase())) return base;
  for (let n = 2; ; n++) {
    const name = `${base}_${n}`;
    if (!taken.has(name.toLowerCase())) return name;
  }
}
