import { Badge, Caption1, makeStyles, tokens } from "@fluentui/react-components";
import { PROSPECT_REASON_LABEL, PROSPECT_STATUS_LABEL, type ProspectStatus } from "../../engine/prospects";
import { explain, formatNumber, label } from "../../i18n";
import type { Lang } from "../../i18n/types";
import { wizardText, type WizardKey } from "../../i18n/wizard";
import type { ProspectLine } from "../../plan/objectives";
import type { ScoredPortfolio } from "../../plan/score";

const useStyles = makeStyles({
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS },
  item: {
    display: "flex",
    flexDirection: "column",
    minWidth: 0,
    paddingBottom: tokens.spacingVerticalXS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  head: { display: "flex", alignItems: "center", columnGap: tokens.spacingHorizontalXS, minWidth: 0 },
  name: { flexGrow: 1, minWidth: 0, overflow: "hidden", textOverflow: "ellipsis", whiteSpace: "nowrap" },
  chip: { flexShrink: 0 },
  detail: { color: tokens.colorNeutralForeground2, overflowWrap: "anywhere" },
});

const STATUS_COLOUR: Readonly<Record<ProspectStatus, "success" | "danger" | "warning">> = { retained: "success", rejected: "danger", unscored: "warning" };

export interface ProspectListProps {
  readonly portfolio: ScoredPortfolio;
  readonly prospects: readonly ProspectLine[];
  /** "targeting": status, Ep and why (Méthodes); "conquest": Ep and the conquest contacts with their reason (Capital). */
  readonly show: "targeting" | "conquest";
  readonly lang: Lang;
}

/**
 * The prospects one per line: the name (cut with an ellipsis, whole in a tooltip), the status as a chip that
 * says it in words (retenu, écarté, non noté), the Ep score, and the why of the status or of the contacts.
 */
export function ProspectList({ portfolio, prospects, show, lang }: ProspectListProps) {
  const styles = useStyles();
  const w = (key: WizardKey, params?: Record<string, string | number>) => wizardText(key, lang, params);
  return (
    <ul className={styles.list}>
      {prospects.map((p) => {
        const c = portfolio.clients[p.index];
        const name = c.name ?? c.id;
        const facts = [
          w("preview.code", { id: c.id }),
          ...(p.ep !== null ? [w("prospects.ep", { ep: formatNumber(p.ep, lang, 0) })] : []),
          ...(show === "conquest" ? [w("prospects.contacts", { n: p.conquete })] : [label(PROSPECT_REASON_LABEL[p.reason], lang)]),
        ];
        const why = show === "conquest" ? p.conquestWhy : p.why;
        return (
          <li key={p.index} className={styles.item}>
            <div className={styles.head}>
              <Badge className={styles.chip} appearance="tint" color={STATUS_COLOUR[p.status]} shape="rounded">
                {label(PROSPECT_STATUS_LABEL[p.status], lang)}
              </Badge>
              <span className={styles.name} title={name}>
                {name}
              </span>
            </div>
            <Caption1 className={styles.detail}>{facts.join(" · ")}</Caption1>
            {why && <Caption1 className={styles.detail}>{explain(why, lang)}</Caption1>}
          </li>
        );
      })}
    </ul>
  );
}

/** How many prospects of each status, for the line above the list. */
export function statusCounts(prospects: readonly ProspectLine[]): Record<ProspectStatus, number> {
  const out: Record<ProspectStatus, number> = { retained: 0, rejected: 0, unscored: 0 };
  for (const p of prospects) out[p.status]++;
  return out;
}
