/**
 * Writes a French sentence typed with plain spaces the way the catalogues print it: a non-breaking space before
 * ":" and "€" and inside « », a narrow one before ";", "?", "!" and "%" (the one `formatPercent` writes). Tests
 * stay readable and still assert the exact characters.
 */
export function fr(text: string): string {
  return text
    .replace(/ :/g, "\u00a0:")
    .replace(/ ([;?!%])/g, "\u202f$1")
    .replace(/« /g, "«\u00a0")
    .replace(/ »/g, "\u00a0»")
    .replace(/ €/g, "\u00a0€");
}
