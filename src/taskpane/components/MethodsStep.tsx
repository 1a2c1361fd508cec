import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Body1,
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
  Select,
  Subtitle2,
  tokens,
} from "@fluentui/react-components";
import { FAMILY_TYPES, TYPE_NOT_PROPOSED } from "../../engine";
import { label, type LabelKey } from "../../i18n";
import { actionDescription, actionLabel, catalogueTargetLabel, catalogueText } from "../../i18n/catalogue";
import { actionsForTarget, CATALOGUE_TARGETS, CHOSEN_SLOTS, suggestionFor, type CatalogueActionId } from "../../plan/catalogue";
import { ioFieldLabel } from "../../i18n/io";
import { useState } from "react";
import { ioMessage } from "../../i18n/io";
import type { Lang } from "../../i18n/types";
import { wizardText, type WizardKey } from "../../i18n/wizard";
import type { MissingForMethod } from "../../io";
import { warningText } from "../../plan/score";
import { errorText } from "../errorText";
import type { Wizard } from "../hooks/useWizard";
import { abcDefaults, DEFAULT_THRESHOLDS, parseNumberText, type Thresholds, type WizardMethod } from "../wizardModel";
import { columnOptions } from "./columnOptions";
import { NumberField, useShrinkStyles } from "./NumberField";
import { ProspectList, statusCounts } from "./ProspectList";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  method: { display: "flex", flexDirection: "column" },
  reason: { paddingLeft: tokens.spacingHorizontalXXXL, color: tokens.colorNeutralForeground3 },
  grid: { display: "grid", gridTemplateColumns: "repeat(auto-fill, minmax(min(11rem, 100%), 1fr))", gap: tokens.spacingHorizontalM, alignItems: "end" },
  section: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS, marginTop: tokens.spacingVerticalM },
  suggestions: {
    margin: 0,
    minWidth: 0,
    border: "none",
    padding: 0,
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXXS,
  },
});

/** The four criteria of SPEC §11, as the import names them. */
const CRITERIA = ["pertinence", "credibility", "attractiveness", "ourAttractiveness"] as const;

/** Their names without the scale, for the weights ("Poids : Pertinence"). */
const CRITERION_LABEL: Readonly<Record<(typeof CRITERIA)[number], LabelKey>> = {
  pertinence: "prospects.criterion.pertinence",
  credibility: "prospects.criterion.credibility",
  attractiveness: "prospects.criterion.attractiveness",
  ourAttractiveness: "prospects.criterion.our_attractiveness",
};

const LABEL: Readonly<Record<WizardMethod, WizardKey>> = {
  abc: "method.abc",
  rp: "method.rp",
  rfm: "method.rfm",
  contacts: "method.contacts",
  elasticity: "method.elasticity",
  maturity: "method.maturity",
  engagement: "method.engagement",
  ideal: "method.ideal",
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
        const reason = a.fidelityMissing
          ? w("method.unavailable", { reason: catalogueText(a.fidelityMissing.key, lang, a.fidelityMissing.params) })
          : a.missing
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
      <FamilyTypesPart wizard={wizard} lang={lang} />
      <ProspectsPart wizard={wizard} lang={lang} />
      <SuggestionsPart wizard={wizard} lang={lang} />
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
  const shrink = useShrinkStyles();
  const invalid = value.trim() !== "" && parseNumberText(value) === undefined;
  return (
    <Field
      className={shrink.field}
      label={label}
      validationState={invalid ? "error" : "none"}
      validationMessage={invalid ? wizardText("field.notNumberOrBlank", lang) : undefined}
    >
      <Input className={shrink.control} input={{ className: shrink.inner }} inputMode="decimal" value={value} onChange={(_, d) => onChange(d.value)} />
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
      <Field label={w("advanced.abcMode")}>
        <RadioGroup
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
      </Field>
      <div className={styles.grid} key={generation}>
        <NumberField label={w("advanced.abcA")} lang={lang} min={1} max={99} value={t.abcA} onCommit={(abcA) => set({ abcA })} />
        <NumberField label={w("advanced.abcB")} lang={lang} min={1} max={100} value={t.abcB} onCommit={(abcB) => set({ abcB })} />
        <NumberField label={w("advanced.rfmClasses")} lang={lang} min={2} max={10} value={t.rfmClasses} onCommit={(rfmClasses) => set({ rfmClasses })} />
        <NumberField label={w("advanced.maturity")} lang={lang} min={0} max={99} value={t.maturity} onCommit={(maturity) => set({ maturity })} />
        <SplitField label={w("advanced.splitContacts")} lang={lang} value={t.splitContacts} onChange={(splitContacts) => set({ splitContacts })} />
        <SplitField label={w("advanced.splitCa")} lang={lang} value={t.splitCa} onChange={(splitCa) => set({ splitCa })} />
      </div>
      <Caption1 block>{w("advanced.weightsHint")}</Caption1>
      <div className={styles.grid} key={`w${generation}`}>
        {CRITERIA.map((criterion, k) => (
          <NumberField
            key={criterion}
            label={wizardText("advanced.weight", lang, { criterion: label(CRITERION_LABEL[criterion], lang) })}
            lang={lang}
            min={0}
            step={0.5}
            value={t.prospectWeights[k]}
            onCommit={(v) => {
              const next = [...t.prospectWeights] as [number, number, number, number];
              next[k] = v;
              set({ prospectWeights: next });
            }}
          />
        ))}
      </div>
      <div>
        <Button size="small" onClick={() => replace(DEFAULT_THRESHOLDS)}>
          {w("advanced.reset")}
        </Button>
      </div>
    </div>
  );
}

/**
 * The prospects of SPEC §11 (Pascal Py ch. 7 and 14): the four criteria columns (the same mapping as the Source
 * step), then each prospect retained or écarté with the rule that failed and its Ep score.
 */
function ProspectsPart({ wizard, lang }: { wizard: Wizard; lang: Lang }) {
  const styles = useStyles();
  const shrink = useShrinkStyles();
  const w = (key: WizardKey, params?: Record<string, string | number>) => wizardText(key, lang, params);
  const view = wizard.imported.view;
  const portfolio = wizard.scored.portfolio;
  const prospects = wizard.objectives.value?.prospects ?? [];
  if (!view || view.shape !== "clients") return null;
  const counts = statusCounts(prospects);
  return (
    <section className={styles.section} aria-labelledby="prospects-title">
      <Subtitle2 as="h3" id="prospects-title">
        {w("prospects.title")}
      </Subtitle2>
      <Caption1 block>{w("prospects.hint")}</Caption1>
      <div className={styles.grid}>
        {CRITERIA.map((criterion) => {
          const match = view.fields[criterion];
          return (
            <Field key={criterion} className={shrink.field} label={ioFieldLabel(criterion, lang)}>
              <Select
                className={shrink.control}
                select={{ className: shrink.inner }}
                value={match ? String(match.column) : "none"}
                onChange={(_, d) => wizard.setMapping(criterion, d.value === "none" ? "none" : Number(d.value))}
              >
                {columnOptions(view.columns, lang)}
              </Select>
            </Field>
          );
        })}
      </div>
      {prospects.length === 0 ? (
        <Caption1 block>{w("prospects.none")}</Caption1>
      ) : (
        <>
          <Body1 block role="status">
            {w("prospects.counts", { n: prospects.length, retained: counts.retained, rejected: counts.rejected, unscored: counts.unscored })}
          </Body1>
          {portfolio && (
            <Accordion collapsible>
              <AccordionItem value="prospects">
                <AccordionHeader>{w("prospects.show", { n: prospects.length })}</AccordionHeader>
                <AccordionPanel>
                  <ProspectList portfolio={portfolio} prospects={prospects} show="targeting" lang={lang} />
                </AccordionPanel>
              </AccordionItem>
            </Accordion>
          )}
        </>
      )}
    </section>
  );
}

/**
 * The family-type table of SPEC §12, for the rep to confirm: one line per product family of the journal, the
 * type proposed from the journal shown beside a list to choose from. Nothing is used until the rep confirms
 * (takes the proposals, or sets a type): engagement is « non calculé » before.
 */
function FamilyTypesPart({ wizard, lang }: { wizard: Wizard; lang: Lang }) {
  const styles = useStyles();
  const shrink = useShrinkStyles();
  const w = (key: WizardKey, params?: Record<string, string | number>) => wizardText(key, lang, params);
  const journal = wizard.journal;
  const proposals = wizard.fidelity?.proposals;
  if (!("families" in journal) || !proposals) return null;
  const families = journal.families.families;
  const proposed = families.map((_, f) => (proposals.proposed[f] === TYPE_NOT_PROPOSED ? "" : FAMILY_TYPES[proposals.proposed[f]]));
  const types = wizard.familyTypes;
  const set = (f: number, type: string) => {
    const next = types ? [...types] : families.map(() => "");
    next[f] = type;
    wizard.setFamilyTypes(next);
  };
  return (
    <section className={styles.section} aria-labelledby="types-title">
      <Subtitle2 as="h3" id="types-title">
        {w("types.title")}
      </Subtitle2>
      <Caption1 block>{w("types.hint", { sheet: journal.source, n: families.length })}</Caption1>
      <Body1 block role="status">
        {types ? w("types.confirmed", { n: types.filter((t) => t !== "").length, total: families.length }) : w("types.unconfirmed")}
      </Body1>
      <div>
        <Button size="small" onClick={() => wizard.setFamilyTypes(proposed)}>
          {w("types.useProposed")}
        </Button>
      </div>
      <div className={styles.grid}>
        {families.map((family, f) => (
          <Field
            key={family}
            className={shrink.field}
            label={family}
            hint={proposed[f] ? w("types.proposed", { type: proposed[f] }) : w("types.noProposal")}
          >
            <Select className={shrink.control} select={{ className: shrink.inner }} value={types?.[f] ?? ""} onChange={(_, d) => set(f, d.value)}>
              <option value="">{w("types.none")}</option>
              {FAMILY_TYPES.map((t) => (
                <option key={t} value={t}>
                  {t}
                </option>
              ))}
            </Select>
          </Field>
        ))}
      </div>
    </section>
  );
}

/**
 * The catalogue's actions per target (SPEC §13): three drop-down lists per target, pre-set to the default
 * suggestion, offering the actions that suit the target. What the rep picks pre-fills the PAC's « Actions
 * choisies » cells, which stay native drop-down lists over the "Catalogue" sheet there.
 */
function SuggestionsPart({ wizard, lang }: { wizard: Wizard; lang: Lang }) {
  const styles = useStyles();
  const shrink = useShrinkStyles();
  const w = (key: WizardKey, params?: Record<string, string | number>) => wizardText(key, lang, params);
  return (
    <section className={styles.section} aria-labelledby="suggestions-title">
      <Subtitle2 as="h3" id="suggestions-title">
        {w("suggestions.title")}
      </Subtitle2>
      <Caption1 block>{w("suggestions.hint")}</Caption1>
      {CATALOGUE_TARGETS.map((target) => {
        const chosen = wizard.chosenActions[target] ?? suggestionFor(target).actions;
        const offered = actionsForTarget(target);
        const targetName = catalogueTargetLabel(target, lang);
        return (
          <fieldset key={target} className={styles.suggestions}>
            <legend>
              <Body1>
                <strong>{targetName}</strong>
              </Body1>
            </legend>
            {Array.from({ length: CHOSEN_SLOTS }, (_, slot) => {
              const current = chosen[slot] ?? null;
              // An action chosen elsewhere that does not suit the target stays offered, so the list shows it.
              const options = current !== null && !offered.includes(current) ? [current, ...offered] : offered;
              return (
                <Field key={slot} className={shrink.field} label={w("suggestions.slot", { n: slot + 1 })}>
                  <Select
                    className={shrink.control}
                    select={{ className: shrink.inner }}
                    value={current ?? ""}
                    onChange={(_, d) => wizard.chooseAction(target, slot, d.value === "" ? null : (d.value as CatalogueActionId))}
                  >
                    <option value="">{w("suggestions.none")}</option>
                    {options.map((a) => (
                      <option key={a} value={a} title={actionDescription(a, lang)}>
                        {actionLabel(a, lang)}
                      </option>
                    ))}
                  </Select>
                </Field>
              );
            })}
          </fieldset>
        );
      })}
    </section>
  );
}
