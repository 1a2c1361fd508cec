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
import { useState } from "react";
import { ioMessage } from "../../i18n/io";
import type { Lang } from "../../i18n/types";
import { wizardText, type WizardKey } from "../../i18n/wizard";
import type { MissingForMethod } from "../../io";
import { warningText } from "../../plan/score";
import { errorText } from "../errorText";
import type { Wizard } from "../hooks/useWizard";
import { abcDefaults, DEFAULT_THRESHOLDS, parseNumberText, type Thresholds, type WizardMethod } from "../wizardModel";
import { NumberField } from "./NumberField";

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

/** A text field whose blank means "the median": any other text must be a number. */
function SplitField({ label, value, onChange, lang }: { label: string; value: string; onChange: (text: string) => void; lang: Lang }) {
  const invalid = value.trim() !== "" && parseNumberText(value) === undefined;
  return (
    <Field
      label={label}
      validationState={invalid ? "error" : "none"}
      validationMessage={invalid ? wizardText("field.notNumberOrBlank", lang) : undefined}
    >
      <Input inputMode="decimal" value={value} onChange={(_, d) => onChange(d.value)} />
    </Field>
  );
}

function ThresholdFields({ thresholds: t, onChange, lang }: { thresholds: Thresholds; onChange: (t: Thresholds) => void; lang: Lang }) {
  const styles = useStyles();
  const w = (key: WizardKey) => wizardText(key, lang);
  // Bumped when the values are replaced from outside the fields, so that a half-typed text gives way to them.
  const [generation, setGeneration] = useState(0);
  const set = (patch: Partial<Thresholds>) => onChange({ ...t, ...patch });
  const replace = (next: Thresholds) => {
    setGeneration((g) => g + 1);
    onChange(next);
  };
  return (
    <div className={styles.root}>
      <RadioGroup
        aria-label={w("advanced.abcMode")}
        layout="horizontal"
        value={t.abcMode}
        onChange={(_, d) => {
          const mode = d.value === "clients" ? "clients" : "amount";
          replace({ ...t, abcMode: mode, ...abcDefaults(mode) });
        }}
      >
        <Radio value="amount" label={w("advanced.abcMode.amount")} />
        <Radio value="clients" label={w("advanced.abcMode.clients")} />
      </RadioGroup>
      <div className={styles.grid} key={generation}>
        <NumberField label={w("advanced.abcA")} lang={lang} min={1} max={99} value={t.abcA} onCommit={(abcA) => set({ abcA })} />
        <NumberField label={w("advanced.abcB")} lang={lang} min={1} max={100} value={t.abcB} onCommit={(abcB) => set({ abcB })} />
        <NumberField label={w("advanced.rfmClasses")} lang={lang} min={2} max={10} value={t.rfmClasses} onCommit={(rfmClasses) => set({ rfmClasses })} />
        <NumberField label={w("advanced.maturity")} lang={lang} min={0} max={99} value={t.maturity} onCommit={(maturity) => set({ maturity })} />
        <SplitField label={w("advanced.splitContacts")} lang={lang} value={t.splitContacts} onChange={(splitContacts) => set({ splitContacts })} />
        <SplitField label={w("advanced.splitCa")} lang={lang} value={t.splitCa} onChange={(splitCa) => set({ splitCa })} />
      </div>
      <div>
        <Button size="small" onClick={() => replace(DEFAULT_THRESHOLDS)}>
          {w("advanced.reset")}
        </Button>
      </div>
    </div>
  );
}
