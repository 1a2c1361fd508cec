import {
  Body1,
  Button,
  Caption1,
  makeStyles,
  mergeClasses,
  MessageBar,
  MessageBarBody,
  Subtitle2,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  tokens,
} from "@fluentui/react-components";
import { Fragment, useMemo, useState } from "react";
import { QUADRANT_LABEL, type AbcClass, type ContactQuadrant } from "../../engine";
import type { PrTarget } from "../../engine/penetration";
import { formatNumber, formatPercent, label } from "../../i18n";
import type { Lang } from "../../i18n/types";
import { wizardText, type WizardKey } from "../../i18n/wizard";
import { PR_TARGETS, targetLabelKey } from "../../plan/labels";
import type { ImportReport } from "../../io/report";
import { planText } from "../../i18n/plan";
import type { ScoredPortfolio } from "../../plan/score";
import { workbookRemarks } from "../../plan/workbook";
import { shortWhy } from "../../plan/summary";
import { errorText } from "../errorText";
import type { Wizard } from "../hooks/useWizard";
import { ParetoChart, PrMatrix } from "./charts";
import { WarningsList } from "./WarningsList";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM },
  cards: { display: "grid", gridTemplateColumns: "repeat(auto-fill, minmax(9rem, 1fr))", gap: tokens.spacingHorizontalS },
  card: {
    display: "flex",
    flexDirection: "column",
    padding: tokens.spacingHorizontalS,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  number: { textAlign: "end", fontVariantNumeric: "tabular-nums" },
  why: { backgroundColor: tokens.colorNeutralBackground3 },
  tableWrap: { overflowX: "auto" },
});

const CLASSES: readonly AbcClass[] = ["A", "B", "C"];
const QUADRANTS: readonly ContactQuadrant[] = ["cash_cow", "skeleton", "golden_goose", "contact_eater"];
const SHOWN_CLIENTS = 20;

function counts<K extends string>(keys: readonly K[], values: readonly (K | undefined)[]): Record<K, number> {
  const out = Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;
  for (const v of values) if (v !== undefined) out[v]++;
  return out;
}

export function PreviewStep({ wizard, lang }: { wizard: Wizard; lang: Lang }) {
  const styles = useStyles();
  const w = (key: WizardKey, params?: Record<string, string | number>) => wizardText(key, lang, params);
  const { portfolio, failure } = wizard.scored;
  return (
    <section className={styles.root} aria-labelledby="preview-title">
      <Subtitle2 as="h2" id="preview-title">
        {w("preview.title")}
      </Subtitle2>
      {failure && (
        <MessageBar intent="error">
          <MessageBarBody>{w("preview.scoreError", { detail: errorText(failure.error, lang) })}</MessageBarBody>
        </MessageBar>
      )}
      {portfolio && <PortfolioPreview portfolio={portfolio} report={wizard.imported.view?.report} lang={lang} />}
    </section>
  );
}

function PortfolioPreview({ portfolio, report, lang }: { portfolio: ScoredPortfolio; report?: ImportReport; lang: Lang }) {
  const styles = useStyles();
  const w = (key: WizardKey, params?: Record<string, string | number>) => wizardText(key, lang, params);
  const [open, setOpen] = useState<ReadonlySet<number>>(new Set());
  const clients = portfolio.clients;
  const quadrants = counts(QUADRANTS, clients.map((c) => c.contacts?.quadrant));
  const targets = counts<PrTarget>(PR_TARGETS, clients.map((c) => c.pr?.target));
  const toA = clients.filter((c) => c.abc?.cls === "A").length;
  // SPEC §2: each class's share of the total of positive amounts (a return enlarges nobody's share), as the PAC sheet.
  const positive = { A: 0, B: 0, C: 0 };
  for (const c of clients) if (c.abc) positive[c.abc.cls] += Math.max(0, c.ca ?? 0);
  const positiveTotal = positive.A + positive.B + positive.C;
  const toggle = (i: number) =>
    setOpen((s) => {
      const next = new Set(s);
      if (next.has(i)) next.delete(i);
      else next.add(i);
      return next;
    });
  const shown = clients.slice(0, SHOWN_CLIENTS);
  const remarks = useMemo(() => workbookRemarks(portfolio, lang, report), [portfolio, lang, report]);
  return (
    <>
      <div>
        <Subtitle2 as="h3">{w("preview.classes")}</Subtitle2>
        {portfolio.methods.abc ? (
          <div className={styles.cards}>
            {CLASSES.map((cls) => (
              <div key={cls} className={styles.card}>
                <Body1>
                  <strong>{w("preview.class", { cls })}</strong>
                </Body1>
                <Caption1>
                  {w("preview.classLine", { n: portfolio.classes[cls].clients, share: formatPercent(positiveTotal > 0 ? positive[cls] / positiveTotal : 0, lang) })}
                </Caption1>
              </div>
            ))}
          </div>
        ) : (
          <Caption1>{w("preview.none")}</Caption1>
        )}
        {portfolio.methods.abc && <Caption1>{w("preview.shareBase")}</Caption1>}
      </div>
      <div>
        <Subtitle2 as="h3">{w("preview.targets")}</Subtitle2>
        {portfolio.methods.pr ? (
          <ul className={styles.list}>
            {PR_TARGETS.map((t) => (
              <li key={t}>
                <Body1>
                  {label(targetLabelKey(t), lang)} : {targets[t]}
                </Body1>
              </li>
            ))}
          </ul>
        ) : (
          <Caption1>{w("preview.none")}</Caption1>
        )}
      </div>
      <div>
        <Subtitle2 as="h3">{w("preview.quadrants")}</Subtitle2>
        {portfolio.methods.contacts ? (
          <ul className={styles.list}>
            {QUADRANTS.map((q) => (
              <li key={q}>
                <Body1>
                  {label(QUADRANT_LABEL[q], lang)} : {quadrants[q]}
                </Body1>
              </li>
            ))}
          </ul>
        ) : (
          <Caption1>{w("preview.none")}</Caption1>
        )}
      </div>
      {portfolio.methods.abc && (
        <div>
          <Subtitle2 as="h3">{w("preview.pareto")}</Subtitle2>
          <ParetoChart clients={clients} title={w("preview.pareto")} description={w("preview.paretoDesc", { a: toA })} />
          <Caption1>{w("preview.paretoDesc", { a: toA })}</Caption1>
        </div>
      )}
      {portfolio.methods.pr && (
        <div>
          <Subtitle2 as="h3">{w("preview.prMatrix")}</Subtitle2>
          <PrMatrix
            clients={clients}
            title={w("preview.prMatrix")}
            description={w("preview.prDesc")}
            axisP={w("preview.axisP")}
            axisR={w("preview.axisR")}
          />
        </div>
      )}
      <WarningsList remarks={remarks} lang={lang} sheet={planText("sheet.remarks", lang)} />
      <div>
        <Subtitle2 as="h3">{w("preview.clients")}</Subtitle2>
        <Caption1 block>{w("preview.showing", { shown: shown.length, total: clients.length })}</Caption1>
        <div className={styles.tableWrap}>
          <Table size="small" aria-label={w("preview.clients")}>
            <TableHeader>
              <TableRow>
                <TableHeaderCell>{w("preview.col.client")}</TableHeaderCell>
                <TableHeaderCell>{w("preview.col.ca")}</TableHeaderCell>
                <TableHeaderCell>{w("preview.col.abc")}</TableHeaderCell>
                <TableHeaderCell>{w("preview.col.pr")}</TableHeaderCell>
                <TableHeaderCell>{w("preview.col.contacts")}</TableHeaderCell>
                <TableHeaderCell>{w("preview.col.why")}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {shown.map((c) => {
                const name = c.name ?? c.id;
                const detailId = `why-${c.index}`;
                const expanded = open.has(c.index);
                return (
                  <Fragment key={c.index}>
                    <TableRow>
                      <TableCell title={shortWhy(c, lang)}>{name}</TableCell>
                      <TableCell className={styles.number}>{c.ca !== undefined ? formatNumber(c.ca, lang, 0) : "—"}</TableCell>
                      <TableCell>{c.abc?.cls ?? "—"}</TableCell>
                      <TableCell>{c.pr?.code ?? "—"}</TableCell>
                      <TableCell className={styles.number}>{c.allocation?.total ?? "—"}</TableCell>
                      <TableCell>
                        <Button
                          size="small"
                          appearance="subtle"
                          aria-expanded={expanded}
                          aria-controls={expanded ? detailId : undefined}
                          aria-label={w("preview.whyFor", { client: name })}
                          title={shortWhy(c, lang)}
                          onClick={() => toggle(c.index)}
                        >
                          {w("preview.why")}
                        </Button>
                      </TableCell>
                    </TableRow>
                    {expanded && (
                      <TableRow id={detailId} className={mergeClasses(styles.why)}>
                        <TableCell colSpan={6}>
                          <ul className={styles.list}>
                            {c.why.map((sentence, k) => (
                              <li key={k}>
                                <Caption1>{sentence}</Caption1>
                              </li>
                            ))}
                          </ul>
                        </TableCell>
                      </TableRow>
                    )}
                  </Fragment>
                );
              })}
            </TableBody>
          </Table>
        </div>
      </div>
    </>
  );
}
