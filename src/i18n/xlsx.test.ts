import { xlsxMessage, xlsxSize } from "./xlsx";

const NBSP = "\u00a0";

describe("xlsxSize", () => {
  it.each([
    { bytes: 0, fr: "0 octet", en: "0 bytes" },
    { bytes: 1, fr: "1 octet", en: "1 byte" },
    { bytes: 812, fr: "812 octets", en: "812 bytes" },
    { bytes: 1536, fr: `1,5${NBSP}Kio`, en: "1.5 KiB" },
    { bytes: 512 * 2 ** 20, fr: `512${NBSP}Mio`, en: "512 MiB" },
    { bytes: 3600 * 2 ** 20, fr: `3,5${NBSP}Gio`, en: "3.5 GiB" },
  ])("xlsxSize($bytes) is « $fr » / \"$en\"", ({ bytes, fr, en }) => {
    expect(xlsxSize(bytes, "fr")).toBe(fr);
    expect(xlsxSize(bytes, "en")).toBe(en);
  });
});

describe("xlsxMessage", () => {
  it.each([
    { name: "no file name", file: undefined, fr: `Le classeur${NBSP}: l'archive ne contient pas de classeur Excel (partie «${NBSP}xl/workbook.xml${NBSP}» absente).` },
    { name: "a file name", file: "clients.xlsx", fr: `«${NBSP}clients.xlsx${NBSP}»${NBSP}: l'archive ne contient pas de classeur Excel (partie «${NBSP}xl/workbook.xml${NBSP}» absente).` },
  ])("xlsxMessage(NO_WORKBOOK) with $name", ({ file, fr }) => {
    expect(xlsxMessage("NO_WORKBOOK", {}, file, "fr")).toBe(fr);
  });

  it.each([
    { reason: "unclosed tag: x:row", fr: `balise non fermée${NBSP}: x:row`, en: "unclosed tag: x:row" },
    { reason: "undefined entity", fr: "entité non définie", en: "undefined entity" },
    { reason: "weird empty close tag", fr: "weird empty close tag", en: "weird empty close tag" },
  ])("xlsxMessage(XML_INVALID) gives saxes's « $reason » in French when it knows it", ({ reason, fr, en }) => {
    expect(xlsxMessage("XML_INVALID", { part: "p.xml", reason }, undefined, "fr")).toBe(`Le classeur${NBSP}: la partie «${NBSP}p.xml${NBSP}» n'est pas du XML valide (${fr}).`);
    expect(xlsxMessage("XML_INVALID", { part: "p.xml", reason }, undefined, "en")).toBe(`The workbook: the part "p.xml" is not valid XML (${en}).`);
  });

  it("xlsxMessage(ZIP_DAMAGED) translates where the archive is damaged", () => {
    expect(xlsxMessage("ZIP_DAMAGED", { where: "local", part: "a.xml" }, "b.xlsx", "fr")).toBe(
      `«${NBSP}b.xlsx${NBSP}»${NBSP}: l'archive ZIP est abîmée (en-tête local de «${NBSP}a.xml${NBSP}» illisible).`,
    );
    expect(xlsxMessage("ZIP_DAMAGED", { where: "truncated" }, undefined, "en")).toBe("The workbook: the ZIP archive is damaged (truncated archive).");
  });
});
