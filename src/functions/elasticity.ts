import { elasticityList, ELASTICITY_READING_LABEL, isElasticityFailure } from "../engine/elasticity";
import { EngineError } from "../engine/errors";
import { label } from "../i18n";
import { optionalChoice, spill } from "./cells";
import { cellLang, completeRows, numberColumn, type Out } from "./columns";
import { inCell, toCellError } from "./errors";

type ElasticityOutput = "value" | "reading";

const OUTPUTS: Readonly<Record<string, ElasticityOutput>> = {
  value: "value",
  valeur: "value",
  coefficient: "value",
  reading: "reading",
  lecture: "reading",
};

/**
 * `=PAC.ELASTICITY(ca_before, ca_after, contacts_before, contacts_after, [output])`: the coefficient (default)
 * or its reading, on single cells or whole columns. An undefined coefficient (CA N-1 = 0, contacts N-1 = 0,
 * contacts unchanged) gives #N/A with the reason on that row only.
 */
export function elasticityCells(
  caBefore: unknown,
  caAfter: unknown,
  contactsBefore: unknown,
  contactsAfter: unknown,
  output: unknown,
): Out[][] {
  return inCell(() => {
    const cols = [
      numberColumn(caBefore, "ca_avant", "CA N-1"),
      numberColumn(caAfter, "ca_après", "CA N"),
      numberColumn(contactsBefore, "contacts_avant", "Contacts N-1"),
      numberColumn(contactsAfter, "contacts_après", "Contacts N"),
    ];
    const what = optionalChoice(output, "sortie", OUTPUTS) ?? "value";
    const { rows, values, out } = completeRows(cols);
    if (rows.length === 0) throw new EngineError("NO_NUMBER", { arg: "ca_avant" });
    const lang = cellLang();
    elasticityList(values[0], values[1], values[2], values[3]).forEach((item, k) => {
      const i = rows[k];
      if (isElasticityFailure(item)) {
        const e = item.error;
        // Row numbers refer to the whole range, not to the list of complete rows.
        out[i] = toCellError(new EngineError(e.code, { ...e.params, row: i + 1 }, i));
      } else {
        out[i] = what === "value" ? item.value : label(ELASTICITY_READING_LABEL[item.reading], lang);
      }
    });
    return spill(out, cols[0].orientation);
  });
}
