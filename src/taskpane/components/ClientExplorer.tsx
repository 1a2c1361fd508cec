import { Badge, Button, Caption1, Field, Input, makeStyles, Subtitle2, tokens } from "@fluentui/react-components";
import { useDeferredValue, useMemo, useState } from "react";
import type { AbcClass } from "../../engine";
import { formatNumber } from "../../i18n";
import type { Lang } from "../../i18n/types";
import { wizardText, type WizardKey } from "../../i18n/wizard";
import { clientExplanation, topicLabel } from "../../plan/clientCardsSheet";
import type { Fidelity } from "../../plan/fidelity";
import type { PlanObjectives } from "../../plan/objectives";
import type { ScoredClient, ScoredPortfolio } from "../../plan/score";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS, minWidth: 0 },
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  card: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXXS,
    minWidth: 0,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}`,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  head: { display: "flex", alignItems: "center", columnGap: tokens.spacingHorizontalXS, minWidth: 0 },
  name: {
    flexGrow: 1,
    flexShrink: 1,
    minWidth: 0,
    overflow: "hidden",
    textOverflow: "ellipsis",
    whiteSpace: "nowrap",
    fontWeight: tokens.fontWeightSemibold,
  },
  chip: { flexShrink: 0 },
  meta: { display: "flex", flexWrap: "wrap", alignItems: "center", columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalXXS },
  facts: { color: tokens.colorNeutralForeground2, fontVariantNumeric: "tabular-nums", overflowWrap: "anywhere" },
  why: {
    margin: 0,
    paddingLeft: tokens.spacingHorizontalL,
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXXS,
    overflowWrap: "anywhere",
  },
  topic: { fontWeight: tokens.fontWeightSemibold },
  srOnly: {
    position: "absolute",
    width: "1px",
    height: "1px",
    margin: "-1px",
    padding: 0,
    overflow: "hidden",
    clip: "rect(0, 0, 0, 0)",
    whiteSpace: "nowrap",
    border: 0,
  },
});

/** Cards shown at first, and added by "Afficher plus". */
export const PAGE = 20;

const CLASS_COLOUR: Readonly<Record<AbcClass, "success" | "warning" | "danger">> = { A: "success", B: "warning", C: "danger" };

/** Lower case without accents, for a search that finds "Hôtel" when typing "hotel". */
export function searchKey(text: string): string {
  return text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase().trim();
}

/**
 * The clients whose id or name contains `query` (case and accents ignored), in the file's order; all of them for
 * a blank query.
 * @example matchClients(clients, "martin") // the clients named "… Martin …" or whose code contains "martin"
 */
export function matchClients(clients: readonly ScoredClient[], query: string): readonly ScoredClient[] {
  const q = searchKey(query);
  if (q === "") return clients;
  return clients.filter((c) => searchKey(c.id).includes(q) || (c.name !== undefined && searchKey(c.name).includes(q)));
}

export interface ClientExplorerProps {
  readonly portfolio: ScoredPortfolio;
  readonly objectives?: PlanObjectives;
  readonly fidelity?: Fidelity;
  readonly lang: Lang;
}

/**
 * Any client explained: a search by code or name, then one card per client found (its class chip carrying the
 * letter, its code, CA, P-R and contacts, the name cut with an ellipsis and given whole in a tooltip), each with
 * a "Pourquoi ?" disclosure showing the full pourquoi — the one the "Fiches clients" sheet keeps.
 */
export function ClientExplorer({ portfolio, objectives, fidelity, lang }: ClientExplorerProps) {
  const styles = useStyles();
  const w = (key: WizardKey, params?: Record<string, string | number>) => wizardText(key, lang, params);
  const [query, setQuery] = useState("");
  const deferred = useDeferredValue(query);
  const [limit, setLimit] = useState(PAGE);
  const [open, setOpen] = useState<ReadonlySet<number>>(new Set());
  const found = useMemo(() => matchClients(portfolio.clients, deferred), [portfolio.clients, deferred]);
  const shown = found.slice(0, limit);
  const toggle = (i: number) =>
    setOpen((s) => {
      const next = new Set(s);
      if (next.has(i)) next.delete(i);
      else next.add(i);
      return next;
    });
  return (
    <section className={styles.root} aria-labelledby="clients-title">
      <Subtitle2 as="h3" id="clients-title">
        {w("preview.clients")}
      </Subtitle2>
      <Field label={w("preview.search")} hint={w("preview.searchHint")}>
        <Input
          type="search"
          value={query}
          onChange={(_, d) => {
            setQuery(d.value);
            setLimit(PAGE);
          }}
        />
      </Field>
      <Caption1 role="status" aria-live="polite">
        {found.length === 0
          ? w("preview.noMatch", { q: query.trim() })
          : w("preview.found", { n: found.length, total: portfolio.clients.length, shown: shown.length })}
      </Caption1>
      <ul className={styles.list} aria-labelledby="clients-title">
        {shown.map((c) => (
          <ClientCard key={c.index} client={c} objectives={objectives} fidelity={fidelity} lang={lang} expanded={open.has(c.index)} onToggle={() => toggle(c.index)} />
        ))}
      </ul>
      {found.length > shown.length && (
        <div>
          <Button onClick={() => setLimit((l) => l + PAGE)}>{w("preview.more", { n: Math.min(PAGE, found.length - shown.length) })}</Button>
        </div>
      )}
    </section>
  );
}

interface ClientCardProps {
  readonly client: ScoredClient;
  readonly objectives?: PlanObjectives;
  readonly fidelity?: Fidelity;
  readonly lang: Lang;
  readonly expanded: boolean;
  readonly onToggle: () => void;
}

function ClientCard({ client: c, objectives, fidelity, lang, expanded, onToggle }: ClientCardProps) {
  const styles = useStyles();
  const w = (key: WizardKey, params?: Record<string, string | number>) => wizardText(key, lang, params);
  const name = c.name ?? c.id;
  const detailId = `why-${c.index}`;
  const facts = [
    w("preview.code", { id: c.id }),
    ...(c.ca !== undefined ? [w("preview.caFact", { ca: formatNumber(c.ca, lang, 0) })] : []),
    ...(c.pr ? [c.pr.code] : []),
    ...(c.allocation ? [w("preview.contactsFact", { n: c.allocation.total })] : []),
  ];
  return (
    <li className={styles.card}>
      <div className={styles.head}>
        {c.abc && (
          <Badge className={styles.chip} appearance="tint" color={CLASS_COLOUR[c.abc.cls]} shape="rounded">
            <span className={styles.srOnly}>{w("preview.classWord")} </span>
            {c.abc.cls}
          </Badge>
        )}
        {c.isProspect && (
          <Badge className={styles.chip} appearance="tint" color="informative" shape="rounded">
            {w("preview.prospect")}
          </Badge>
        )}
        <span className={styles.name} title={name}>
          {name}
        </span>
      </div>
      <div className={styles.meta}>
        <Caption1 className={styles.facts}>{facts.join(" · ")}</Caption1>
        <Button
          size="small"
          appearance="subtle"
          aria-expanded={expanded}
          aria-controls={expanded ? detailId : undefined}
          aria-label={w("preview.whyFor", { client: name })}
          onClick={onToggle}
        >
          {w("preview.why")}
        </Button>
      </div>
      {expanded && <Explanation id={detailId} client={c} objectives={objectives} fidelity={fidelity} lang={lang} />}
    </li>
  );
}

interface ExplanationProps {
  readonly id: string;
  readonly client: ScoredClient;
  readonly objectives?: PlanObjectives;
  readonly fidelity?: Fidelity;
  readonly lang: Lang;
}

function Explanation({ id, client, objectives, fidelity, lang }: ExplanationProps) {
  const styles = useStyles();
  const lines = clientExplanation(client, lang, objectives, fidelity);
  return (
    <ul id={id} className={styles.why}>
      {lines.length === 0 && (
        <li>
          <Caption1>{wizardText("preview.noReason", lang)}</Caption1>
        </li>
      )}
      {lines.map((l, k) => (
        <li key={k}>
          <Caption1>
            <span className={styles.topic}>{topicLabel(l.topic, lang)}</span>
            {wizardText("preview.topicSep", lang)}
            {l.text}
          </Caption1>
        </li>
      ))}
    </ul>
  );
}
