import { CsvError, decodeText, decodeTextReport, detectSeparator, firstInvalidUtf8, parseCsv } from "./csv";

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

describe("parseCsv refuses what would give a silent wrong answer or exhaust memory", () => {
  const limits = { maxFields: 4, maxFieldChars: 10, maxLineChars: 30 };
  it.each([
    { name: "unterminated quote on line 1", text: 'a;"b\nc', problem: "unterminatedQuote", line: 1 },
    { name: "unterminated quote in row 51 (49 rows after it)", text: `${"x;1\n".repeat(50)}"Dupont;2\n${"y;3\n".repeat(49)}`, problem: "unterminatedQuote", line: 51 },
    { name: "CR-only line ends", text: 'a\rb\r"c', problem: "unterminatedQuote", line: 3 },
    { name: "one field too many", text: "a;b;c;d\n1;2;3;4;5", problem: "tooManyFields", line: 2 },
    { name: "a field over the limit", text: "ok\n12345678901", problem: "fieldTooLong", line: 2 },
    { name: "a quoted field over the limit", text: 'ok\n"12345678901"', problem: "fieldTooLong", line: 2 },
    { name: "a record over the limit", text: `h\n${"123456789;".repeat(3)}x`, problem: "lineTooLong", line: 2 },
  ])("parseCsv: $name", ({ text, problem, line }) => {
    let error: unknown;
    try {
      parseCsv(text, ";", limits);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(CsvError);
    expect(error).toMatchObject({ problem, line });
  });

  it.each([
    { name: "at the field limit", text: "a;b;c;d", rows: [["a", "b", "c", "d"]] },
    { name: "a field of exactly 10", text: "1234567890", rows: [["1234567890"]] },
    { name: "a closed quote over two lines", text: '"a\nb";c', rows: [["a\nb", "c"]] },
  ])("parseCsv within the limits: $name", ({ text, rows }) => {
    expect(parseCsv(text, ";", limits)).toEqual(rows);
  });

  it("a 50 MB line of 25 million fields is refused at the 16 385th field, quickly", () => {
    const text = `Client;CA\n${";".repeat(25_000_000)}`;
    const start = Date.now();
    expect(() => parseCsv(text, ";")).toThrow(expect.objectContaining({ problem: "tooManyFields", line: 2, limit: 16_384 }));
    expect(Date.now() - start).toBeLessThan(2_000);
  });
});

describe("decodeTextReport(bytes)", () => {
  const bytes = (...b: number[]): Uint8Array => Uint8Array.from(b);
  it.each([
    { name: "plain ASCII", input: bytes(0x61, 0x62), encoding: "utf-8", text: "ab", at: undefined },
    { name: "valid UTF-8 é", input: bytes(0xc3, 0xa9), encoding: "utf-8", text: "é", at: undefined },
    { name: "BOM then UTF-8", input: bytes(0xef, 0xbb, 0xbf, 0x61), encoding: "utf-8", text: "a", at: undefined },
    { name: "one Windows-1252 é on line 2", input: bytes(0x61, 0x0a, 0x53, 0x6f, 0x63, 0x69, 0xe9, 0x74, 0xe9), encoding: "windows-1252", text: "a\nSociété", at: { byte: 6, line: 2, column: 5 } },
    { name: "a UTF-8 file with one bad byte", input: bytes(0xc3, 0xa9, 0x0a, 0x80), encoding: "windows-1252", text: "Ã©\n€", at: { byte: 3, line: 2, column: 1 } },
    { name: "a truncated sequence at the end", input: bytes(0x61, 0xe2, 0x82), encoding: "windows-1252", text: "aâ‚", at: { byte: 1, line: 1, column: 2 } },
    { name: "an encoded surrogate (ED A0 80)", input: bytes(0xed, 0xa0, 0x80), encoding: "windows-1252", text: "í\u00a0€", at: { byte: 0, line: 1, column: 1 } },
    { name: "an overlong form (C0 AF)", input: bytes(0xc0, 0xaf), encoding: "windows-1252", text: "À¯", at: { byte: 0, line: 1, column: 1 } },
    { name: "UTF-16LE with BOM", input: bytes(0xff, 0xfe, 0x61, 0x00), encoding: "utf-16le", text: "a", at: undefined },
  ])("decodeTextReport: $name", ({ input, encoding, text, at }) => {
    const r = decodeTextReport(input);
    expect(r.encoding).toBe(encoding);
    expect(r.text).toBe(text);
    expect(r.invalidUtf8).toEqual(at);
    expect(decodeText(input)).toBe(text);
  });

  it("firstInvalidUtf8 agrees with a fatal TextDecoder on 4-byte characters", () => {
    const good = new TextEncoder().encode("😀 ok €");
    expect(firstInvalidUtf8(good)).toBe(-1);
    expect(firstInvalidUtf8(Uint8Array.from([0xf4, 0x90, 0x80, 0x80]))).toBe(0);
  });
});
