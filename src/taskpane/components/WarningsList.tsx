import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Caption1,
  makeStyles,
  Subtitle2,
  tokens,
} from "@fluentui/react-components";
import { useMemo } from "react";
import type { Lang } from "../../i18n/types";
import { wizardText, type WizardKey } from "../../i18n/wizard";
import { REMARK_KINDS, remarkKindLabel, type Remark } from "../../plan/remarks";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

/** Messages listed per group; the "Remarques" sheet holds them all. */
export const MAX_LISTED = 200;

export interface RemarkGroup {
  readonly kind: string;
  readonly remarks: readonly Remark[];
}

/** Remarks grouped by kind, in the order of `REMARK_KINDS` (kinds it does not know after, as first met). */
export function groupRemarks(remarks: readonly Remark[]): RemarkGroup[] {
  const groups = new Map<string, Remark[]>();
  for (const r of remarks) {
    const kind = r.kind ?? "info";
    const list = groups.get(kind);
    if (list) list.push(r);
    else groups.set(kind, [r]);
  }
  const known: readonly string[] = REMARK_KINDS;
  const rank = (kind: string): number => (known.includes(kind) ? known.indexOf(kind) : known.length);
  return [...groups].map(([kind, list]) => ({ kind, remarks: list })).sort((a, b) => rank(a.kind) - rank(b.kind));
}

export interface WarningsListProps {
  readonly remarks: readonly Remark[];
  readonly lang: Lang;
  /** The name of the written sheet that lists them all ("Remarques"). */
  readonly sheet: string;
}

/**
 * Every remark of the import and of the scoring, grouped by kind in an accordion (closed at first: a header per
 * kind with its count, the messages when opened, at most `MAX_LISTED` per kind).
 */
export function WarningsList({ remarks, lang, sheet }: WarningsListProps) {
  const styles = useStyles();
  const w = (key: WizardKey, params?: Record<string, string | number>) => wizardText(key, lang, params);
  const groups = useMemo(() => groupRemarks(remarks), [remarks]);
  return (
    <section className={styles.root} aria-labelledby="remarks-title">
      <Subtitle2 as="h3" id="remarks-title">
        {w("preview.remarks")}
      </Subtitle2>
      {remarks.length === 0 ? (
        <Caption1>{w("preview.warningsNone")}</Caption1>
      ) : (
        <>
          <Caption1 block>{w("preview.warnings", { n: remarks.length, sheet })}</Caption1>
          <Accordion multiple collapsible>
            {groups.map((g) => (
              <AccordionItem key={g.kind} value={g.kind}>
                <AccordionHeader size="small">{w("preview.warningGroup", { label: remarkKindLabel(g.kind, lang), n: g.remarks.length })}</AccordionHeader>
                <AccordionPanel>
                  <ul className={styles.list}>
                    {g.remarks.slice(0, MAX_LISTED).map((r, k) => (
                      <li key={k}>
                        <Caption1>{r.message}</Caption1>
                      </li>
                    ))}
                  </ul>
                  {g.remarks.length > MAX_LISTED && <Caption1>{w("preview.warningsMore", { n: g.remarks.length - MAX_LISTED, sheet })}</Caption1>}
                </AccordionPanel>
              </AccordionItem>
            ))}
          </Accordion>
        </>
      )}
    </section>
  );
}
