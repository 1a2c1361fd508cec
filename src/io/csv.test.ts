import { decodeText, detectSeparator, parseCsv } from "./csv";

describe("parseCsv", () => {
  it.each([
    { name: "empty text", text: "", sep: ";" as const, rows: [] },
    { name: "one value", text: "Client", sep: ";" as const, rows: [["Client"]] },
    { name: "French separator and decimal comma", text: "Client;CA\nDupont;1 200,50\n", sep: ";" as const, rows: [["Client", "CA"], ["Dupont", "1 200,50"]] },
    { name: "CRLF and CR line ends", text: "a,b\r\nc,d\re,f", sep: "," as const, rows: [["a", "b"], ["c", "d"], ["e", "f"]] },
    { name: "quoted separator, doubled quote, line break", text: 'a;"b;c";"say ""hi""";"x\r\ny"', sep: ";" as const, rows: [["a", "b;c", 'say "hi"', "x\r\ny"]] },
    { name: "empty fields and trailing separator", text: ";;\nx;", sep: ";" as const, rows: [["", "", ""], ["x", ""]] },
    { name: "blank line kept", text: "a\n\nb", sep: ";" as const, rows: [["a"], [""], ["b"]] },
    { name: "quote inside an unquoted field kept", text: 'l\'"atelier";2', sep: ";" as const, rows: [['l\'"atelier"', "2"]] },
    { name: "unclosed quote runs to the end", text: 'a;"b\nc', sep: ";" as const, rows: [["a", "b\nc"]] },
    { name: "text after a closing quote kept", text: '"ab"cd;e', sep: ";" as const, rows: [["abcd", "e"]] },
    { name: "formula-like text stays text", text: "=Équilibre;+Plus", sep: ";" as const, rows: [["=Équilibre", "+Plus"]] },
  ])("parseCsv(text, sep): $name", ({ text, sep, rows }) => {
    expect(parseCsv(text, sep)).toEqual(rows);
  });
});

describe("detectSeparator", () => {
  it.each([
    ["Client;CA 2025;Potentiel\n1;2,5;3", ";"],
    ["Client,CA\n1,2", ","],
    ["Client\tCA\n1\t2", "\t"],
    ['"Nom; prénom",CA,Ville\n', ","],
    ["Client;CA,HT\n", ";"],
    ["Client\n1", ","],
    ["\n\nClient;CA", ";"],
  ])("detectSeparator(%p) is %p", (text, sep) => {
    expect(detectSeparator(text)).toBe(sep);
  });
});

describe("decodeText", () => {
  it("decodeText(bytes) drops a UTF-8 BOM", () => {
    expect(decodeText(Buffer.from("\ufeffRaison sociale;Ville\nNoël;Mâcon", "utf8"))).toBe("Raison sociale;Ville\nNoël;Mâcon");
  });

  it("decodeText(bytes) reads Windows-1252 when the bytes are not UTF-8", () => {
    expect(decodeText(Buffer.from([0x4e, 0x6f, 0xeb, 0x6c, 0x3b, 0x80]))).toBe("Noël;€");
  });

  it("decodeText(bytes) reads UTF-16LE with its BOM", () => {
    expect(decodeText(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("Client;CA", "utf16le")]))).toBe("Client;CA");
  });
});
