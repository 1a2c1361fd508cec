import { EngineError } from "../engine/errors";
import { IDEAL_CLASSES, IDEAL_LABEL, IDEAL_NOT_CLASSED, idealClients } from "../engine/idealClient";
import { label } from "../i18n";
import { optionalNumber, spill } from "./cells";
import { cellLang, completeRows, numberColumn, type Out } from "./columns";
import { inCell, toCellError } from "./errors";

/**
 * `=PAC.IDEAL(productivité, valeur, [seuil_productivité], [seuil_valeur])` (French `PAC.CLIENT_IDEAL`): the class
 * of the ideal-client matrix (SPEC §13), Clients idéaux / heureux / à risque / à éviter ("Ideal clients"… in an
 * English Excel). Split points default to the medians of the rows with both values; "high" means strictly above.
 * A blank row stays blank; text, an error or a value outside 1..5 gives #VALUE! on that row only, with a message.
 */
export function idealCells(productivity: unknown, value: unknown, splitProductivity: unknown, splitValue: unknown): Out[][] {
  return inCell(() => {
    const p = numberColumn(productivity, "productivité", "Productivité");
    const v = numberColumn(value, "valeur", "Valeur apportée");
    const sp = optionalNumber(splitProductivity, "seuil_productivité", "une productivité (CA par contact)");
    const sv = optionalNumber(splitValue, "seuil_valeur", "une note de 1 à 5");
    const { rows, values, out } = completeRows([p, v]);
    if (rows.length === 0 && (sp === undefined || sv === undefined)) throw new EngineError("NO_NUMBER", { arg: "productivité" });
    const result = idealClients({ productivity: values[0], value: values[1] }, { splitProductivity: sp, splitValue: sv });
    const lang = cellLang();
    for (const w of result.warnings) {
      const i = rows[w.index];
      out[i] = toCellError(new EngineError("CRITERION_OUT_OF_RANGE", { arg: "Valeur apportée", row: i + 1, value: w.value }, i));
    }
    for (let j = 0; j < result.n; j++) {
      if (result.ideal[j] !== IDEAL_NOT_CLASSED) out[rows[j]] = label(IDEAL_LABEL[IDEAL_CLASSES[result.ideal[j]]], lang);
    }
    return spill(out, p.orientation);
  });
}
