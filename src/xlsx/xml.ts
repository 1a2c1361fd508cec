import { SaxesParser, type SaxesTagNS, type SaxesTagPlain } from "saxes";
import { XlsxError } from "./errors";

/**
 * A package part read as XML by saxes, a conformant streaming parser: comments, CDATA, processing instructions,
 * character and predefined entities are the parser's business, in linear time. A DTD's own entities are never
 * expanded (saxes leaves them undefined, so `&lol;` is an error): no XXE, no billion laughs. The bytes are
 * decoded and parsed a few megabytes at a time, so a part larger than the longest JavaScript string still reads.
 *
 * Element names reach the handlers without their prefix (`x:row` → `row`): SpreadsheetML parts are read by
 * local name, whatever prefix the writer chose.
 */
export interface XmlHandlers {
  open(local: string, attributes: Readonly<Record<string, string>>): void;
  close(local: string): void;
  /** Character data (entities decoded, CDATA included). */
  text?(text: string): void;
}

/** Bytes decoded per step. */
const CHUNK = 4 * 1024 * 1024;

function localName(name: string): string {
  const colon = name.indexOf(":");
  return colon < 0 ? name : name.slice(colon + 1);
}

function decoderFor(bytes: Uint8Array): TextDecoder {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder("utf-16le", { fatal: true });
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder("utf-16be", { fatal: true });
  return new TextDecoder("utf-8", { fatal: true });
}

/** Feeds `bytes` to `parser` chunk by chunk; parser and handler errors become XlsxError naming `part`. */
function feed(part: string, bytes: Uint8Array, parser: { write(chunk: string): unknown; close(): unknown }): void {
  const decoder = decoderFor(bytes);
  const decode = (chunk: Uint8Array | undefined, stream: boolean): string => {
    try {
      return chunk === undefined ? decoder.decode() : decoder.decode(chunk, { stream });
    } catch {
      throw new XlsxError("XML_ENCODING", { part });
    }
  };
  try {
    for (let at = 0; at < bytes.length; at += CHUNK) parser.write(decode(bytes.subarray(at, at + CHUNK), true));
    parser.write(decode(undefined, false));
    parser.close();
  } catch (error) {
    if (error instanceof XlsxError) throw error;
    throw new XlsxError("XML_INVALID", { part, reason: reasonOf(error) });
  }
}

/** saxes's message without its "file:line:column: " prefix, kept short. */
function reasonOf(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.replace(/^[^:]*:\d+:\d+: /, "").replace(/\.$/, "").slice(0, 200);
}

/** Thrown inside the fast scanner when the text holds something it leaves to saxes. */
class LeaveToSaxes {}
const LEAVE = new LeaveToSaxes();

/**
 * What the fast scanner leaves to saxes: characters XML forbids, a carriage return (line ends are normalised by
 * XML), and "]]>" (forbidden in text).
 */
// eslint-disable-next-line no-control-regex
const LEFT_TO_SAXES = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\r\uFFFE\uFFFF]|\]\]>/;
const XML_DECLARATION = /^<\?xml version=(?:"1\.0"|'1\.0')(?: encoding=(?:"UTF-8"|"utf-8"|'UTF-8'|'utf-8'))?(?: standalone=(?:"yes"|"no"|'yes'|'no'))? ?\?>/;
const NAME = /^[A-Za-z_][A-Za-z0-9_.-]*(?::[A-Za-z_][A-Za-z0-9_.-]*)?$/;
const ATTRIBUTE = /[ \t\n]+([A-Za-z_][A-Za-z0-9_.-]*(?::[A-Za-z_][A-Za-z0-9_.-]*)?)[ \t\n]*=[ \t\n]*(?:"([^"<\t\n]*)"|'([^'<\t\n]*)')/y;
const SPACES = /^[ \t\n]*$/;
const PREDEFINED: Readonly<Record<string, string>> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

/** Element names already checked by the scanner, with their local name (a sheet uses a handful of names). */
const checkedNames = new Map<string, string>();

function checkedLocalName(name: string): string {
  let local = checkedNames.get(name);
  if (local === undefined) {
    if (!NAME.test(name)) throw LEAVE;
    local = localName(name);
    if (checkedNames.size < 1000) checkedNames.set(name, local);
  }
  return local;
}

function isXmlChar(c: number): boolean {
  return c === 0x9 || c === 0xa || c === 0xd || (c >= 0x20 && c <= 0xd7ff) || (c >= 0xe000 && c <= 0xfffd) || (c >= 0x10000 && c <= 0x10ffff);
}

/** Text or an attribute value with its references decoded; anything but the five entities and character references is left to saxes. */
function decodeReferences(raw: string): string {
  let amp = raw.indexOf("&");
  if (amp < 0) return raw;
  let out = "";
  let from = 0;
  while (amp >= 0) {
    const semi = raw.indexOf(";", amp + 1);
    if (semi < 0 || semi - amp > 10) throw LEAVE;
    const ref = raw.slice(amp + 1, semi);
    let char: string | undefined;
    if (ref.charCodeAt(0) === 35) {
      const code = /^#x[0-9A-Fa-f]{1,6}$/.test(ref) ? parseInt(ref.slice(2), 16) : /^#[0-9]{1,7}$/.test(ref) ? Number(ref.slice(1)) : -1;
      if (!isXmlChar(code)) throw LEAVE;
      char = String.fromCodePoint(code);
    } else char = PREDEFINED[ref];
    if (char === undefined) throw LEAVE;
    out += raw.slice(from, amp) + char;
    from = semi + 1;
    amp = raw.indexOf("&", from);
  }
  return out + raw.slice(from);
}

/** The same, undefined for a reference the plain-XML scanner leaves to saxes (for `plainSheet.ts`). */
export function plainReferences(raw: string): string | undefined {
  try {
    return decodeReferences(raw);
  } catch (error) {
    if (error === LEAVE) return undefined;
    throw error;
  }
}

/**
 * A linear scanner for the plain XML that spreadsheet writers produce (an XML declaration, elements, quoted
 * attributes, text with the five entities and character references), giving the handlers exactly the events
 * saxes gives. Anything else (comments, CDATA, DOCTYPE, processing instructions, carriage returns, names beyond
 * ASCII, tabs or newlines in attribute values, any well-formedness fault) makes it give up: the caller then
 * parses the part again with saxes, from the start, with fresh handlers. `test/fuzz` runs both on the same
 * mutated parts and checks they agree.
 */
function scanPlainXml(xml: string, handlers: XmlHandlers): void {
  if (LEFT_TO_SAXES.test(xml)) throw LEAVE;
  let i = 0;
  if (xml.startsWith("<?xml")) {
    const declaration = XML_DECLARATION.exec(xml);
    if (!declaration) throw LEAVE;
    i = declaration[0].length;
  }
  /** Names of the open elements, and their local names. */
  const open: string[] = [];
  const locals: string[] = [];
  let rooted = false;
  const text = handlers.text;
  const n = xml.length;
  while (i < n) {
    const lt = xml.indexOf("<", i);
    const end = lt < 0 ? n : lt;
    if (end > i) {
      const raw = xml.slice(i, end);
      if (open.length === 0) {
        if (!SPACES.test(raw)) throw LEAVE;
      } else if (text) text(decodeReferences(raw));
    }
    if (lt < 0) break;
    const gt = xml.indexOf(">", lt + 1);
    if (gt < 0) throw LEAVE;
    const next = xml.charCodeAt(lt + 1);
    if (next === 47) {
      // </name>, spaces allowed before ">": compared in place with the open element's name.
      const name = open.pop();
      if (name === undefined || !xml.startsWith(name, lt + 2)) throw LEAVE;
      for (let k = lt + 2 + name.length; k < gt; k++) {
        const c = xml.charCodeAt(k);
        if (c !== 32 && c !== 9 && c !== 10) throw LEAVE;
      }
      handlers.close(locals.pop() as string);
      i = gt + 1;
      continue;
    }
    if (next === 33 || next === 63 || (open.length === 0 && rooted)) throw LEAVE;
    const selfClosing = xml.charCodeAt(gt - 1) === 47;
    const bodyEnd = selfClosing ? gt - 1 : gt;
    let nameEnd = lt + 1;
    while (nameEnd < bodyEnd) {
      const c = xml.charCodeAt(nameEnd);
      if (c === 32 || c === 9 || c === 10) break;
      nameEnd++;
    }
    const name = xml.slice(lt + 1, nameEnd);
    const local = checkedLocalName(name);
    const attributes: Record<string, string> = {};
    let at = nameEnd;
    while (at < bodyEnd) {
      ATTRIBUTE.lastIndex = at;
      const m = ATTRIBUTE.exec(xml);
      if (!m || m.index !== at || ATTRIBUTE.lastIndex > bodyEnd) {
        // Only spaces may remain before ">" or "/>".
        if (!SPACES.test(xml.slice(at, bodyEnd))) throw LEAVE;
        break;
      }
      const key = m[1];
      // A repeated attribute, or one named like an Object property ("__proto__", "toString"): left to saxes.
      if (key in attributes) throw LEAVE;
      attributes[key] = decodeReferences(m[2] ?? m[3]);
      at = ATTRIBUTE.lastIndex;
    }
    rooted = true;
    handlers.open(local, attributes);
    if (selfClosing) handlers.close(local);
    else {
      open.push(name);
      locals.push(local);
    }
    i = gt + 1;
  }
  if (!rooted || open.length > 0) throw LEAVE;
}

/**
 * The fast scanner alone on a text: true when it read it to the end, false when it gave up (the handlers may
 * then have seen part of the events). For the tests that check it against saxes.
 */
export function scanPlainXmlOrGiveUp(xml: string, handlers: XmlHandlers): boolean {
  try {
    scanPlainXml(xml, handlers);
    return true;
  } catch (error) {
    if (error === LEAVE) return false;
    throw error;
  }
}

/** Parses a part with saxes alone, element names read by local name (no namespace processing). */
export function parseXmlWithSaxes(part: string, bytes: Uint8Array, handlers: XmlHandlers): void {
  const parser = new SaxesParser<{ xmlns: false; position: false }>({ xmlns: false, position: false });
  parser.on("opentag", (tag: SaxesTagPlain) => handlers.open(localName(tag.name), tag.attributes));
  parser.on("closetag", (tag: SaxesTagPlain) => handlers.close(localName(tag.name)));
  const text = handlers.text;
  if (text) {
    parser.on("text", text);
    parser.on("cdata", text);
  }
  feed(part, bytes, parser);
}

/** Parts under this size are decoded to one string and tried with the fast scanner first. */
const FAST_LIMIT = 256 * 1024 * 1024;

/**
 * Parses a part, element names read by local name: the fast scanner for plain XML, else saxes. `create` makes
 * the handlers (called again when the fast scanner gives up, so no half-read state is kept); the handlers used
 * to the end are returned.
 */
export function parseXml<H extends XmlHandlers>(part: string, bytes: Uint8Array, create: () => H): H {
  if (bytes.length < FAST_LIMIT && !(bytes[0] === 0xff || bytes[0] === 0xfe)) {
    let xml: string;
    try {
      xml = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    } catch {
      throw new XlsxError("XML_ENCODING", { part });
    }
    const handlers = create();
    try {
      scanPlainXml(xml, handlers);
      return handlers;
    } catch (error) {
      if (error !== LEAVE) throw error;
    }
  }
  const handlers = create();
  parseXmlWithSaxes(part, bytes, handlers);
  return handlers;
}

/** An attribute of a namespace-aware parse. */
export interface XmlAttribute {
  readonly local: string;
  /** Namespace URI; "" for an unprefixed attribute. */
  readonly uri: string;
  readonly value: string;
}

/**
 * Parses a part with namespaces checked (an unbound prefix is an error): for the small parts whose attributes
 * are prefixed (`r:id` in workbook.xml).
 */
export function parseXmlNs(part: string, bytes: Uint8Array, open: (local: string, uri: string, attributes: readonly XmlAttribute[]) => void): void {
  const parser = new SaxesParser<{ xmlns: true; position: false }>({ xmlns: true, position: false });
  parser.on("opentag", (tag: SaxesTagNS) => {
    const attributes = Object.values(tag.attributes).map((a) => ({ local: a.local, uri: a.uri, value: a.value }));
    open(tag.local, tag.uri, attributes);
  });
  feed(part, bytes, parser);
}
