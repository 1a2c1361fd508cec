import { Body1, Caption1, makeStyles, MessageBar, MessageBarBody, MessageBarTitle, Subtitle2, tokens } from "@fluentui/react-components";
import { useMemo } from "react";
import { QUADRANT_LABEL, type AbcClass, type ContactQuadrant } from "../../engine";
import type { PrTarget } from "../../engine/penetration";
import { formatPercent, label } from "../../i18n";
import type { Lang } from "../../i18n/types";
import { wizardText, type WizardKey } from "../../i18n/wizard";
import { PR_TARGETS, targetLabelKey } from "../../plan/labels";
import type { ImportReport } from "../../io/report";
import { planText } from "../../i18n/plan";
import type { Fidelity } from "../../plan/fidelity";
import { growthLines, type PlanObjectives } from "../../plan/objectives";
import type { ScoredPortfolio } from "../../plan/score";
import { workbookRemarks } from "../../plan/workbook";
import { errorText } from "../errorText";
import type { Wizard } from "../hooks/useWizard";
import { ParetoChart, PrMatrix } from "./charts";
import { ClientExplorer } from "./ClientExplorer";
import { NumberField } from "./NumberField";
import { WarningsList } from "./WarningsList";
import { withFidelity } from "../wizardModel";

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
  growth: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  growthField: { maxWidth: "16rem" },
});

const CLASSES: readonly AbcClass[] = ["A", "B", "C"];
const QUADRANTS: readonly ContactQuadrant[] = ["cash_cow", "skeleton", "golden_goose", "contact_eater"];

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
      {portfolio && <GrowthVerdict wizard={wizard} lang={lang} />}
      {portfolio && (
        <PortfolioPreview
          portfolio={portfolio}
          objectives={wizard.objectives.value}
          fidelity={withFidelity(wizard.fidelity, wizard.selected)}
          report={wizard.imported.view?.report}
          lang={lang}
        />
      )}
    </section>
  );
}

/** The growth asked (an editable field) and the verdict of SPEC §10 in Pascal Py's words, with how it is computed. */
function GrowthVerdict({ wizard, lang }: { wizard: Wizard; lang: Lang }) {
  const styles = useStyles();
  const w = (key: WizardKey, params?: Record<string, string | number>) => wizardText(key, lang, params);
  const { value, failure } = wizard.objectives;
  const lines = value ? growthLines(value.growth, lang) : undefined;
  return (
    <div className={styles.growth}>
      <Subtitle2 as="h3">{w("preview.growth")}</Subtitle2>
      <div className={styles.growthField}>
        <NumberField label={w("preview.growthAsked")} lang={lang} min={-99} max={1000} step={0.5} value={wizard.growth} onCommit={wizard.setGrowth} />
      </div>
      {failure && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>{w("preview.growthError", { detail: errorText(failure.error, lang) })}</MessageBarBody>
        </MessageBar>
      )}
      {value && lines && (
        <>
          <MessageBar intent={value.growth.verdict === "missing" ? "warning" : "success"} layout="multiline" role="status">
            <MessageBarBody>
              <MessageBarTitle>{w("preview.verdict")}</MessageBarTitle> {lines.verdict}
            </MessageBarBody>
          </MessageBar>
          <ul className={styles.list}>
            {lines.details.map((d, k) => (
              <li key={k}>
                <Caption1>{d}</Caption1>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

interface PortfolioPreviewProps {
  readonly portfolio: ScoredPortfolio;
  readonly objectives?: PlanObjectives;
  readonly fidelity?: Fidelity;
  readonly report?: ImportReport;
  readonly lang: Lang;
}

function PortfolioPreview({ portfolio, objectives, fidelity, report, lang }: PortfolioPreviewProps) {
  const styles = useStyles();
  const w = (key: WizardKey, params?: Record<string, string | number>) => wizardText(key, lang, params);
  const clients = portfolio.clients;
  const quadrants = counts(QUADRANTS, clients.map((c) => c.contacts?.quadrant));
  const targets = counts<PrTarget>(PR_TARGETS, clients.map((c) => c.pr?.target));
  const toA = clients.filter((c) => c.abc?.cls === "A").length;
  // SPEC §2: each class's share of the total of positive amounts (a return enlarges nobody's share), as the PAC sheet.
  const positive = { A: 0, B: 0, C: 0 };
  for (const c of clients) if (c.abc) positive[c.abc.cls] += Math.max(0, c.ca ?? 0);
  const positiveTotal = positive.A + positive.B + positive.C;
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
      <ClientExplorer portfolio={portfolio} objectives={objectives} fidelity={fidelity} lang={lang} />
    </>
  );
}
