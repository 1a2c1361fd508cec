import type { ColumnRef } from "../../io";
import { columnLetter } from "../../plan/cells";
import type { Lang } from "../../i18n/types";
import { wizardText } from "../../i18n/wizard";

/**
 * The options of a column picker, for a native `<Select>` whose « none » value means no column: « (aucune) »,
 * then each column of the table as « B — CA 2025 ». Source's mapping and Méthodes' prospect criteria share it.
 */
export function columnOptions(columns: readonly ColumnRef[], lang: Lang): JSX.Element[] {
  return [
    <option key="none" value="none">
      {wizardText("source.none", lang)}
    </option>,
    ...columns.map((c) => (
      <option key={c.column} value={String(c.column)}>
        {wizardText("source.column", lang, { letter: columnLetter(c.column), header: c.header || "—" })}
      </option>
    )),
  ];
}
