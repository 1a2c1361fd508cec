import { Button, Caption1, makeStyles, Tab, TabList, tokens } from "@fluentui/react-components";
import { useEffect, useRef } from "react";
import type { Lang } from "../../i18n/types";
import { wizardText, type WizardKey } from "../../i18n/wizard";
import { STEPS, useWizard, type StepId } from "../hooks/useWizard";
import type { WorkbookPort } from "../ports/port";
import { CapitalStep } from "./CapitalStep";
import { ExerciseMode } from "./ExerciseMode";
import { GenerateStep } from "./GenerateStep";
import { MethodsStep } from "./MethodsStep";
import { PreviewStep } from "./PreviewStep";
import { SourceStep } from "./SourceStep";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM },
  tabs: { flexWrap: "wrap" },
  nav: { display: "flex", justifyContent: "space-between", alignItems: "center", columnGap: tokens.spacingHorizontalS, flexWrap: "wrap", rowGap: tokens.spacingVerticalXS },
  panel: { minWidth: 0 },
});

const STEP_LABEL: Readonly<Record<StepId, WizardKey>> = {
  source: "step.source",
  methods: "step.methods",
  capital: "step.capital",
  preview: "step.preview",
  generate: "step.generate",
};

export interface WizardProps {
  readonly port: WorkbookPort;
  readonly lang: Lang;
}

/** The five steps; every step stays reachable once the source reads, and nothing is lost when moving. */
export function Wizard({ port, lang }: WizardProps) {
  const styles = useStyles();
  const wizard = useWizard(port, lang);
  const index = STEPS.indexOf(wizard.step);
  const blocked = (step: StepId) => step !== "source" && !wizard.canContinue;
  const go = (step: StepId) => {
    if (!blocked(step)) wizard.setStep(step);
  };
  // On a step change (not the first display), focus goes to the new step's heading, so a screen reader says
  // where the user is and the next Tab starts at the top of the step.
  const panel = useRef<HTMLDivElement>(null);
  const shown = useRef(wizard.step);
  useEffect(() => {
    if (shown.current === wizard.step) return;
    shown.current = wizard.step;
    const heading = panel.current?.querySelector<HTMLElement>("h2");
    if (!heading) return;
    heading.tabIndex = -1;
    heading.focus();
  }, [wizard.step]);
  return (
    <div className={styles.root}>
      <TabList
        className={styles.tabs}
        aria-label={wizardText("steps.label", lang)}
        selectedValue={wizard.step}
        onTabSelect={(_, d) => go(d.value as StepId)}
        size="small"
      >
        {STEPS.map((step, k) => (
          <Tab key={step} value={step} disabled={blocked(step)}>
            {`${k + 1}. ${wizardText(STEP_LABEL[step], lang)}`}
          </Tab>
        ))}
      </TabList>
      <div ref={panel} className={styles.panel} role="tabpanel" aria-label={wizardText(STEP_LABEL[wizard.step], lang)}>
        {wizard.step === "source" && <SourceStep wizard={wizard} lang={lang} canReadSelection={port.kind === "excel"} />}
        {wizard.step === "methods" && <MethodsStep wizard={wizard} lang={lang} />}
        {wizard.step === "capital" && <CapitalStep wizard={wizard} lang={lang} />}
        {wizard.step === "preview" && <PreviewStep wizard={wizard} lang={lang} />}
        {wizard.step === "generate" && <GenerateStep wizard={wizard} port={port} lang={lang} />}
        {wizard.step === "generate" && wizard.scored.portfolio && wizard.imported.view && (
          <ExerciseMode clients={wizard.imported.view.clients} portfolio={wizard.scored.portfolio} lang={lang} title={port.title} excel={port.kind === "excel"} />
        )}
      </div>
      <div className={styles.nav}>
        <Button disabled={index === 0} onClick={() => go(STEPS[index - 1])}>
          {wizardText("nav.previous", lang)}
        </Button>
        {index < STEPS.length - 1 && blocked(STEPS[index + 1]) && <Caption1>{wizardText("nav.blocked", lang)}</Caption1>}
        <Button appearance="primary" disabled={index === STEPS.length - 1 || blocked(STEPS[index + 1])} onClick={() => go(STEPS[index + 1])}>
          {wizardText("nav.next", lang)}
        </Button>
      </div>
    </div>
  );
}
