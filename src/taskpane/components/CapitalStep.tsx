import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Body1,
  Caption1,
  Label,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Slider,
  Subtitle2,
  tokens,
} from "@fluentui/react-components";
import { contactCapital, largestRemainder, type ActionFamily } from "../../engine";
import type { Lang } from "../../i18n/types";
import { wizardText, type WizardKey } from "../../i18n/wizard";
import { errorText } from "../errorText";
import type { Wizard } from "../hooks/useWizard";
import { FAMILIES, type CapitalSettings } from "../wizardModel";
import { NumberField } from "./NumberField";
import { ProspectList } from "./ProspectList";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM },
  // min(…, 100%): one column in a pane narrower than a field; fields aligned on their input whatever their label's length.
  grid: { display: "grid", gridTemplateColumns: "repeat(auto-fill, minmax(min(9rem, 100%), 1fr))", gap: tokens.spacingHorizontalM, alignItems: "end" },
  capital: { fontWeight: tokens.fontWeightSemibold, fontSize: tokens.fontSizeBase400 },
  slider: { display: "flex", flexDirection: "column", minWidth: 0 },
  sliderInput: { width: "100%", minWidth: 0 },
});

const FAMILY_LABEL: Readonly<Record<ActionFamily, WizardKey>> = {
  entretien: "family.entretien",
  stimulation: "family.stimulation",
  conquete: "family.conquete",
};

/** The capital of the settings, or the engine's error for impossible values. */
function liveCapital(c: CapitalSettings): { value?: number; error?: unknown } {
  try {
    return { value: contactCapital({ weeks: c.weeks, daysPerWeek: c.daysPerWeek, contactsPerDay: c.contactsPerDay }) };
  } catch (error) {
    return { error };
  }
}

export function CapitalStep({ wizard, lang }: { wizard: Wizard; lang: Lang }) {
  const styles = useStyles();
  const w = (key: WizardKey, params?: Record<string, string | number>) => wizardText(key, lang, params);
  const c = wizard.capital;
  const set = (patch: Partial<CapitalSettings>) => wizard.setCapital({ ...c, ...patch });
  const live = liveCapital(c);
  const byFamily = live.value !== undefined ? largestRemainder(live.value, FAMILIES.map((f) => c.shares[f])) : undefined;
  const portfolio = wizard.scored.portfolio;
  const sum = FAMILIES.reduce((s, f) => s + c.shares[f], 0);
  return (
    <section className={styles.root} aria-labelledby="capital-title">
      <Subtitle2 as="h2" id="capital-title">
        {w("capital.title")}
      </Subtitle2>
      <div className={styles.grid}>
        <NumberField label={w("capital.weeks")} lang={lang} min={0} max={53} value={c.weeks} onCommit={(weeks) => set({ weeks })} />
        <NumberField label={w("capital.days")} lang={lang} min={0} max={7} value={c.daysPerWeek} onCommit={(daysPerWeek) => set({ daysPerWeek })} />
        <NumberField label={w("capital.perDay")} lang={lang} min={0} step={0.5} value={c.contactsPerDay} onCommit={(contactsPerDay) => set({ contactsPerDay })} />
      </div>
      <div role="status" aria-live="polite">
        {live.value !== undefined ? (
          <>
            <Body1 className={styles.capital} block>
              {w("capital.value", { value: live.value })}
            </Body1>
            <Caption1>{w("capital.formula", { weeks: c.weeks, days: c.daysPerWeek, perDay: c.contactsPerDay })}</Caption1>
          </>
        ) : (
          <MessageBar intent="error">
            <MessageBarBody>{errorText(live.error, lang)}</MessageBarBody>
          </MessageBar>
        )}
      </div>

      <Subtitle2 as="h3">{w("capital.families")}</Subtitle2>
      {FAMILIES.map((f, k) => {
        const id = `share-${f}`;
        const text = w("family.value", { label: w(FAMILY_LABEL[f]), pct: c.shares[f], n: byFamily ? byFamily[k] : 0 });
        return (
          <div key={f} className={styles.slider}>
            <Label htmlFor={id}>{text}</Label>
            <Slider
              id={id}
              className={styles.sliderInput}
              min={0}
              max={100}
              step={1}
              value={c.shares[f]}
              aria-valuetext={`${c.shares[f]} %`}
              onChange={(_, d) => wizard.changeShare(f, d.value)}
            />
          </div>
        );
      })}
      <Caption1>{w("capital.sum", { pct: sum })}</Caption1>

      <Subtitle2 as="h3">{w("capital.norms")}</Subtitle2>
      <div className={styles.grid}>
        {(["A", "B", "C"] as const).map((cls) => (
          <NumberField
            key={cls}
            label={w("capital.norm", { cls })}
            lang={lang}
            min={0}
            value={c.norms[cls]}
            onCommit={(n) => set({ norms: { ...c.norms, [cls]: n } })}
          />
        ))}
      </div>

      <div role="status" aria-live="polite">
        {portfolio ? (
          <>
            <Body1 block>{w("capital.need", { need: portfolio.need })}</Body1>
            {portfolio.reps !== undefined && <Body1 block>{w("capital.reps", { reps: portfolio.reps })}</Body1>}
            {portfolio.need > portfolio.families.entretien && (
              // SPEC §8: the needs are scaled as soon as they exceed the entretien budget, not only the capital.
              <MessageBar intent="warning">
                <MessageBarBody>
                  {w("capital.scaled", { need: portfolio.need, budget: portfolio.families.entretien })}
                  {portfolio.need > portfolio.capital.value && portfolio.reps !== undefined && (
                    <> {w("capital.overNeed", { capital: portfolio.capital.value, reps: portfolio.reps })}</>
                  )}
                </MessageBarBody>
              </MessageBar>
            )}
          </>
        ) : wizard.scored.failure ? (
          <MessageBar intent="error">
            <MessageBarBody>{w("preview.scoreError", { detail: errorText(wizard.scored.failure.error, lang) })}</MessageBarBody>
          </MessageBar>
        ) : (
          <Caption1>{w("capital.noScore")}</Caption1>
        )}
      </div>
      {portfolio && wizard.objectives.value && wizard.objectives.value.prospects.length > 0 && (
        <>
          <Subtitle2 as="h3">{w("capital.conquest")}</Subtitle2>
          <Body1>
            {w("capital.conquestLine", {
              total: wizard.objectives.value.prospects.reduce((sum, p) => sum + p.conquete, 0),
              n: wizard.objectives.value.prospects.filter((p) => p.conquete > 0).length,
            })}
          </Body1>
          <Accordion collapsible>
            <AccordionItem value="conquest">
              <AccordionHeader>{w("capital.conquestShow", { n: wizard.objectives.value.prospects.length })}</AccordionHeader>
              <AccordionPanel>
                <ProspectList portfolio={portfolio} prospects={wizard.objectives.value.prospects} show="conquest" lang={lang} />
              </AccordionPanel>
            </AccordionItem>
          </Accordion>
        </>
      )}
    </section>
  );
}
