import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Button,
  Caption1,
  Checkbox,
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Radio,
  RadioGroup,
  Subtitle2,
  tokens,
} from "@fluentui/react-components";
import { ioMessage } from "../../i18n/io";
import type { Lang } from "../../i18n/types";
import { wizardText, type WizardKey } from "../../i18n/wizard";
import type { MissingForMethod } from "../../io";
import { warningText } from "../../plan/score";
import { errorText } from "../errorText";
import type { Wizard } from "../hooks/useWizard";
import { abcDefaults, DEFAULT_THRESHOLDS, type Thresholds, type WizardMethod } from "../wizardModel";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  method: { display: "flex", flexDirection: "column" },
  reason: { paddingLeft: tokens.spacingHorizontalXXXL, color: tokens.colorNeutralForeground3 },
  grid: { display: "grid", gridTemplateColumns: "repeat(auto-fill, minmax(11rem, 1fr))", gap: tokens.spacingHorizontalM },
});

const LABEL: Readonly<Record<WizardMethod, WizardKey>> = {
  abc: "method.abc",
  rp: "method.rp",
  rfm: "method.rfm",
  contacts: "method.contacts",
  elasticity: "method.elasticity",
  maturity: "method.maturity",
};

/** The import's reason, in the interface language (the report keeps it in French). */
function reasonText(missing: MissingForMethod, lang: Lang): string {
  const onlyPeriods = missing.needs.length === 1 && missing.needs[0].length === 1 && missing.needs[0][0] === "periods";
  if (onlyPeriods && lang === "fr") return missing.message;
  return ioMessage("MISSING_FIELDS", { method: missing.method, fields: missing.needs.map((alt) => alt.join("|")).join(",") }, lang);
}

export function MethodsStep({ wizard, lang }: { wizard: Wizard; lang: Lang }) {
  const styles = useStyles();
  const w = (key: WizardKey, params?: Record<string, string | number>) => wizardText(key, lang, params);
  return (
    <section className={styles.root} aria-labelledby="methods-title">
      <Subtitle2 as="h2" id="methods-title">
        {w("methods.title")}
      </Subtitle2>
      <Caption1>{w("methods.hint")}</Caption1>
      {wizard.availability.map((a) => {
        const reasonId = `method-reason-${a.method}`;
        const reason = a.missing
          ? w("method.unavailable", { reason: reasonText(a.missing, lang) })
          : a.partial
            ? w("method.prOnlyR", { reason: reasonText(a.partial, lang) })
            : a.method === "abc"
              ? w("method.abcNote")
              : a.method === "rp"
                ? w("methods.quartileNote")
                : undefined;
        return (
          <div key={a.method} className={styles.method}>
            <Checkbox
              label={w(LABEL[a.method])}
              checked={wizard.selected.has(a.method)}
              disabled={!a.available}
              onChange={(_, d) => wizard.toggleMethod(a.method, d.checked === true)}
              aria-describedby={reason ? reasonId : undefined}
            />
            {reason && (
              <Caption1 id={reasonId} className={styles.reason}>
                {reason}
              </Caption1>
            )}
          </div>
        );
      })}
      <Accordion collapsible>
        <AccordionItem value="advanced">
          <AccordionHeader>{w("advanced.title")}</AccordionHeader>
          <AccordionPanel>
            <ThresholdFields thresholds={wizard.thresholds} onChange={wizard.setThresholds} lang={lang} />
          </AccordionPanel>
        </AccordionItem>
      </Accordion>
      {(wizard.scored.portfolio?.warnings ?? [])
        .filter((warning) => warning.key === "warn.method_failed")
        .map((warning, k) => (
          <MessageBar key={k} intent="error">
            <MessageBarBody>{warningText(warning, lang)}</MessageBarBody>
          </MessageBar>
        ))}
      {wizard.scored.failure && (
        <MessageBar intent="error">
          <MessageBarBody>{w("preview.scoreError", { detail: errorText(wizard.scored.failure.error, lang) })}</MessageBarBody>
        </MessageBar>
      )}
    </section>
  );
}

function numberOr(text: string, fallback: number): number {
  const n = Number(text.replace(",", "."));
  return text.trim() === "" || !Number.isFinite(n) ? fallback : n;
}

function ThresholdFields({ thresholds: t, onChange, lang }: { thresholds: Thresholds; onChange: (t: Thresholds) => void; lang: Lang }) {
  const styles = useStyles();
  const w = (key: WizardKey) => wizardText(key, lang);
  const set = (patch: Partial<Thresholds>) => onChange({ ...t, ...patch });
  return (
    <div className={styles.root}>
      <RadioGroup
        aria-label={w("advanced.abcMode")}
        layout="horizontal"
        value={t.abcMode}
        onChange={(_, d) => {
          const mode = d.value === "clients" ? "clients" : "amount";
          set({ abcMode: mode, ...abcDefaults(mode) });
        }}
      >
        <Radio value="amount" label={w("advanced.abcMode.amount")} />
        <Radio value="clients" label={w("advanced.abcMode.clients")} />
      </RadioGroup>
      <div className={styles.grid}>
        <Field label={w("advanced.abcA")}>
          <Input type="number" min={1} max={99} value={String(t.abcA)} onChange={(_, d) => set({ abcA: numberOr(d.value, t.abcA) })} />
        </Field>
        <Field label={w("advanced.abcB")}>
          <Input type="number" min={1} max={100} value={String(t.abcB)} onChange={(_, d) => set({ abcB: numberOr(d.value, t.abcB) })} />
        </Field>
        <Field label={w("advanced.rfmClasses")}>
          <Input type="number" min={2} max={10} value={String(t.rfmClasses)} onChange={(_, d) => set({ rfmClasses: numberOr(d.value, t.rfmClasses) })} />
        </Field>
        <Field label={w("advanced.maturity")}>
          <Input type="number" min={0} max={99} value={String(t.maturity)} onChange={(_, d) => set({ maturity: numberOr(d.value, t.maturity) })} />
        </Field>
        <Field label={w("advanced.splitContacts")}>
          <Input inputMode="decimal" value={t.splitContacts} onChange={(_, d) => set({ splitContacts: d.value })} />
        </Field>
        <Field label={w("advanced.splitCa")}>
          <Input inputMode="decimal" value={t.splitCa} onChange={(_, d) => set({ splitCa: d.value })} />
        </Field>
      </div>
      <div>
        <Button size="small" onClick={() => onChange(DEFAULT_THRESHOLDS)}>
          {w("advanced.reset")}
        </Button>
      </div>
    </div>
  );
}
