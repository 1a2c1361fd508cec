import fc from "fast-check";
import { XlsxError } from "./errors";
import { parseXml, parseXmlWithSaxes, scanPlainXmlOrGiveUp, type XmlHandlers } from "./xml";

/**
 * The events a parse gives, adjacent texts merged (saxes may split a text where the scanner does not), and
 * whitespace outside the root left out (saxes reports some of it; no reader of a part looks outside the root).
 */
function recorder(): XmlHandlers & { events: string[] } {
  const events: string[] = [];
  let depth = 0;
  const push = (e: string): void => {
    const last = events.length - 1;
    if (e.startsWith("T") && last >= 0 && events[last].startsWith("T")) events[last] += e.slice(1);
    else events.push(e);
  };
  return {
    events,
    open: (local, a) => {
      depth++;
      push(`<${local} ${JSON.stringify(Object.entries(a))}`);
    },
    close: (local) => {
      depth--;
      push(`</${local}`);
    },
    text: (t) => {
      if (depth > 0) push(`T${t}`);
    },
  };
}

const encode = (xml: string): Uint8Array => new TextEncoder().encode(xml);

/** saxes's events, or "error". */
function viaSaxes(xml: string): string[] | "error" {
  const r = recorder();
  try {
    parseXmlWithSaxes("p.xml", encode(xml), r);
    return r.events;
  } catch (error) {
    if (error instanceof XlsxError) return "error";
    throw error;
  }
}

/** The scanner's events, or "gave up". */
function viaScanner(xml: string): string[] | "gave up" {
  const r = recorder();
  return scanPlainXmlOrGiveUp(xml, r) ? r.events : "gave up";
}

describe("the plain-XML scanner gives saxes's events, or gives up", () => {
  it.each([
    { name: "an XML declaration, a prefixed root, entities, character references", xml: '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<x:sst xmlns:x="m"><x:si><x:t>A &amp; B &#233;&#x1F600; &lt;&gt;&quot;&apos;</x:t></x:si></x:sst>', same: true },
    { name: "attributes in single and double quotes, spaces around =", xml: "<a b = 'x&amp;y' c=\"2\"  ><c/><d e=\"1\" /></a>", same: true },
    { name: "a close tag with spaces", xml: "<a><b>t</b  ></a>", same: true },
    { name: "empty text and whitespace around the root", xml: "\n <a></a>\n", same: true },
    { name: "a comment holding <si>", xml: "<sst><!-- <si><t>x</t></si> --><si><t>y</t></si></sst>", same: false },
    { name: "CDATA", xml: "<a><![CDATA[<b>]]></a>", same: false },
    { name: "a DOCTYPE with entities (billion laughs)", xml: '<!DOCTYPE a [<!ENTITY l "ha"><!ENTITY l2 "&l;&l;">]><a>&l2;</a>', same: false },
    { name: "an external entity (XXE)", xml: '<!DOCTYPE a [<!ENTITY x SYSTEM "file:///etc/passwd">]><a>&x;</a>', same: false },
    { name: "an unknown entity", xml: "<a>&nbsp;</a>", same: false },
    { name: "a processing instruction", xml: "<a><?pi x?></a>", same: false },
    { name: "a carriage return (line ends are normalised)", xml: "<a>x\r\ny</a>", same: false },
    { name: "a tab in an attribute value (normalised to a space)", xml: '<a b="x\ty"/>', same: false },
    { name: "'>' inside an attribute value", xml: '<a b="x>y"/>', same: false },
    { name: "an unclosed tag", xml: "<a><b></a>", same: false },
    { name: "60 000 unclosed tags", xml: `<a>${"<c>".repeat(60_000)}`, same: false },
    { name: "two roots", xml: "<a/><b/>", same: false },
    { name: "text after the root", xml: "<a/>x", same: false },
    { name: "a duplicate attribute", xml: '<a b="1" b="2"/>', same: false },
    { name: "attributes without a space between them", xml: '<a b="1"c="2"/>', same: false },
    { name: "'<' in an attribute value", xml: '<a b="<"/>', same: false },
    { name: "a NUL character reference", xml: "<a>&#0;</a>", same: false },
    { name: "a reference beyond Unicode", xml: "<a>&#x110000;</a>", same: false },
    { name: "a raw control character", xml: "<a>\u0008</a>", same: false },
    { name: "']]>' in text", xml: "<a>]]></a>", same: false },
    { name: "a name beyond ASCII", xml: "<données/>", same: false },
    { name: "an empty document", xml: "", same: false },
  ])("$name", ({ xml, same }) => {
    const scanned = viaScanner(xml);
    const saxes = viaSaxes(xml);
    if (same) {
      expect(scanned).not.toBe("gave up");
      expect(scanned).toEqual(saxes);
    } else expect(scanned).toBe("gave up");
    if (scanned !== "gave up") expect(scanned).toEqual(saxes);
  });

  it("property: on any text built from XML's pieces, the scanner either gives up or gives exactly saxes's events", () => {
    const piece = fc.constantFrom("<a>", "</a>", "<b x='1'>", "</b>", "<c/>", "<p:c r=\"A1\" t=\"s\"/>", "&amp;", "&lt;", "&#65;", "&bad;", "&", "text", " ", "\n", "\r", "<!-- c -->", "<![CDATA[x]]>", "<?pi?>", '<a b="1" b="2">', ">", "]]>", "é", "<", "/>");
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), (pieces) => {
        const xml = `<root>${pieces.join("")}</root>`;
        const scanned = viaScanner(xml);
        if (scanned !== "gave up") expect(scanned).toEqual(viaSaxes(xml));
      }),
      { numRuns: 3000, seed: 20261202 },
    );
  });

  it("parseXml makes fresh handlers when the scanner gives up, so no half-read state survives", () => {
    const made: ReturnType<typeof recorder>[] = [];
    const used = parseXml("p.xml", encode("<sst><si><t>a</t></si><!-- <si> --><si><t>b</t></si></sst>"), () => {
      const r = recorder();
      made.push(r);
      return r;
    });
    expect(made).toHaveLength(2);
    expect(used).toBe(made[1]);
    expect(used.events).toEqual(["<sst []", "<si []", "<t []", "Ta", "</t", "</si", "<si []", "<t []", "Tb", "</t", "</si", "</sst"]);
  });
});
