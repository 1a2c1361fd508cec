import { contactCapital } from "../engine/allocation";
import { EngineError } from "../engine/errors";
import { largestRemainder } from "../engine/stats/largestRemainder";
import { optionalNumber, spill } from "./cells";
import { completeRows, numberColumn, type Out } from "./columns";
import { inCell } from "./errors";

function required(value: unknown, arg: string, expected: string): number {
  const v = optionalNumber(value, arg, expected);
  if (v === undefined) throw new EngineError("MISSING_ARGUMENT", { arg, expected });
  return v;
}

/** `=PAC.CAPITAL(weeks, days_per_week, contacts_per_day)`: the yearly contact capital (SPEC §8). */
export function capitalCell(weeks: unknown, daysPerWeek: unknown, contactsPerDay: unknown): number {
  return inCell(() =>
    contactCapital({
      weeks: required(weeks, "semaines", "un nombre de semaines travaillées"),
      daysPerWeek: required(daysPerWeek, "jours_par_semaine", "un nombre de jours de terrain par semaine"),
      contactsPerDay: required(contactsPerDay, "contacts_par_jour", "un nombre de contacts par jour"),
    }),
  );
}

/**
 * `=PAC.ALLOCATE(capital, weights_range)`: whole contacts in proportion to the weights, by the largest
 * remainder (ties to the first rows), summing exactly to the capital. Blank weights get a blank result.
 */
export function allocateCells(capital: unknown, weights: unknown): Out[][] {
  return inCell(() => {
    const total = required(capital, "capital", "un nombre entier de contacts");
    if (!Number.isInteger(total) || total < 0) {
      throw new EngineError("BAD_PARAMETER", { arg: "capital", value: String(total), expected: "un nombre entier de contacts, positif ou nul" });
    }
    const col = numberColumn(weights, "poids", "Poids");
    const { rows, values, out } = completeRows([col]);
    if (rows.length === 0) throw new EngineError("NO_NUMBER", { arg: "poids" });
    largestRemainder(total, values[0]).forEach((v, k) => {
      out[rows[k]] = v;
    });
    return spill(out, col.orientation);
  });
}
