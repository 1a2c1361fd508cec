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

/** Parses a part, element names read by local name (no namespace processing: the fast form, for sheets). */
export function parseXml(part: string, bytes: Uint8Array, handlers: XmlHandlers): void {
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
