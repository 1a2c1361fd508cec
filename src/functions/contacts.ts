import { contactMatrix, QUADRANT_LABEL } from "../engine/contactMatrix";
import { EngineError } from "../engine/errors";
import { label } from "../i18n";
import { optionalNumber, spill } from "./cells";
import { cellLang, completeRows, numberColumn, type Out } from "./columns";
import { inCell } from "./errors";

/**
 * `=PAC.CONTACTS(contacts, amounts, [split_contacts], [split_amounts])`: the quadrant of the contact
 * profitability matrix (Squelettes, Contactivores, Vaches à lait, Poules aux œufs d'or). Split points default
 * to the medians of the numeric rows; "high" means strictly above. Blank rows stay blank.
 */
export function contactsCells(contacts: unknown, amounts: unknown, splitContacts: unknown, splitAmounts: unknown): Out[][] {
  return inCell(() => {
    const c = numberColumn(contacts, "contacts", "Contacts");
    const a = numberColumn(amounts, "montants", "Montant");
    const sc = optionalNumber(splitContacts, "seuil_contacts", "un nombre de contacts");
    const sa = optionalNumber(splitAmounts, "seuil_montants", "un montant");
    const { rows, values, out } = completeRows([c, a]);
    if (rows.length === 0) throw new EngineError("NO_NUMBER", { arg: "contacts" });
    const lang = cellLang();
    contactMatrix(values[0], values[1], { splitContacts: sc, splitAmounts: sa }).forEach((r, k) => {
      out[rows[k]] = label(QUADRANT_LABEL[r.quadrant], lang);
    });
    return spill(out, c.orientation);
  });
}
