import { SaxesParser, type SaxesTagNS } from "saxes";
import { xmlText } from "./xmlText";

/**
 * A package part whose root element has a namespace prefix (`<x:workbook xmlns:x="…/main">`, valid XML that
 * some generators write) rewritten with that namespace as the default one (`<workbook xmlns="…/main">`), so
 * the graft's edits, which add unprefixed elements, land in the right namespace. Parsed with saxes (comments,
 * CDATA, entities and namespace scopes as XML defines them); comments, processing instructions and the other
 * namespaces' prefixes are kept. A part whose root has no prefix is returned as it is.
 *
 * @throws Error when the part is not well-formed XML.
 * @example withDefaultNamespace('<x:sst xmlns:x="urn:m"><x:si/></x:sst>') // '<sst xmlns:x="urn:m" xmlns="urn:m"><si/></sst>'
 */
export function withDefaultNamespace(xml: string): string {
  const root = /^(?:\uFEFF)?\s*(?:<\?xml[^>]*\?>)?(?:\s|<!--[\s\S]*?-->)*<([A-Za-z_][\w.-]*):/.exec(xml);
  if (!root) return xml;
  const parser = new SaxesParser({ xmlns: true });
  let out = "";
  let target: string | undefined;
  // The default namespace in force in the output, per open element.
  const defaults: string[] = [""];
  parser.on("xmldecl", (decl) => {
    out += `<?xml version="${decl.version ?? "1.0"}"${decl.encoding ? ` encoding="${decl.encoding}"` : ""}${decl.standalone ? ` standalone="${decl.standalone}"` : ""}?>`;
  });
  parser.on("processinginstruction", (pi) => {
    out += `<?${pi.target}${pi.body ? ` ${pi.body}` : ""}?>`;
  });
  parser.on("comment", (text) => {
    out += `<!--${text}-->`;
  });
  parser.on("text", (text) => {
    out += xmlText(text).replace(/&apos;/g, "'").replace(/&quot;/g, '"');
  });
  parser.on("cdata", (text) => {
    out += `<![CDATA[${text}]]>`;
  });
  parser.on("opentag", (tag: SaxesTagNS) => {
    target ??= tag.uri;
    const inherited = defaults[defaults.length - 1];
    const unprefixed = tag.uri === target || tag.prefix === "";
    const wanted = unprefixed ? tag.uri : inherited;
    let attrs = "";
    for (const a of Object.values(tag.attributes)) {
      if (a.name === "xmlns") continue;
      attrs += ` ${a.name}="${xmlText(a.value)}"`;
    }
    if (wanted !== inherited) attrs += ` xmlns="${xmlText(wanted)}"`;
    defaults.push(wanted);
    const name = unprefixed ? tag.local : tag.name;
    out += tag.isSelfClosing ? `<${name}${attrs}/>` : `<${name}${attrs}>`;
  });
  parser.on("closetag", (tag: SaxesTagNS) => {
    defaults.pop();
    if (tag.isSelfClosing) return;
    out += `</${tag.uri === target || tag.prefix === "" ? tag.local : tag.name}>`;
  });
  parser.on("error", (error) => {
    throw error;
  });
  parser.write(xml.replace(/^\uFEFF/, "")).close();
  return out;
}

/**
 * Whether a part's text, or only its start, opens with a root element without a prefix (after a BOM, the XML
 * declaration and comments): a part `withDefaultNamespace` returns as it is. A start cut before the root's name
 * ends gives false.
 *
 * @example hasPlainRoot('<?xml version="1.0"?><sst count="2">') // true
 */
export function hasPlainRoot(head: string): boolean {
  return /^(?:\uFEFF)?\s*(?:<\?xml[^>]*\?>)?(?:\s|<!--[\s\S]*?-->)*<[A-Za-z_][\w.-]*[\s/>]/.test(head);
}
