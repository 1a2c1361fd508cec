import type { SheetPlan } from "../plan/types";

/**
 * Excel's legacy 16-bit sheet-protection hash (ECMA-376 Part 1, §18.2.29 `password`; the same as openpyxl's
 * `hash_password`), as 4 upper-case hexadecimal digits. Excel and LibreOffice both check it. It deters a
 * casual look and nothing more, which is all the plan asks of a sheet password (see `SheetPlan.protection`).
 *
 * @example legacyPasswordHash("pac") // "CC34" (openpyxl gives the same)
 */
export function legacyPasswordHash(password: string): string {
  let hash = 0;
  for (let i = 0; i < password.length; i++) {
    const value = password.charCodeAt(i) << (i + 1);
    hash ^= (value & 0x7fff) | (value >> 15);
  }
  hash ^= password.length;
  hash ^= 0xce4b;
  return hash.toString(16).toUpperCase();
}

/**
 * The `<sheetProtection>` element of a protected sheet, or "" when the plan does not protect it: Excel's
 * defaults (locked cells protected, drawings and scenarios too; selecting any cell allowed).
 */
export function sheetProtectionXml(protection: SheetPlan["protection"]): string {
  if (!protection) return "";
  const password = protection.password ? ` password="${legacyPasswordHash(protection.password)}"` : "";
  return `<sheetProtection${password} sheet="1" objects="1" scenarios="1"/>`;
}

/** The sheet XML with the plan's `<sheetProtection>` right after `<sheetData>`, where the schema puts it. */
export function protectSheetXml(sheetXml: string, protection: SheetPlan["protection"]): string {
  const element = sheetProtectionXml(protection);
  if (element === "") return sheetXml;
  if (sheetXml.includes("<sheetData/>")) return sheetXml.replace("<sheetData/>", `<sheetData/>${element}`);
  const end = sheetXml.indexOf("</sheetData>");
  if (end < 0) throw new Error("writeXlsx: a sheet without <sheetData> (internal error)");
  return sheetXml.slice(0, end + "</sheetData>".length) + element + sheetXml.slice(end + "</sheetData>".length);
}
