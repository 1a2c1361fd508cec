import {
  Body1,
  Button,
  Caption1,
  Field,
  Link,
  makeStyles,
  MessageBar,
  MessageBarBody,
  ProgressBar,
  Radio,
  RadioGroup,
  Subtitle2,
  tokens,
} from "@fluentui/react-components";
import { useEffect, useState } from "react";
import type { Lang } from "../../i18n/types";
import type { ScoredPortfolio } from "../../plan";
import { wizardText, type WizardKey } from "../../i18n/wizard";
import { errorText } from "../errorText";
import type { Phase, Wizard } from "../hooks/useWizard";
import { outputSheetNames } from "../planning";
import type { WorkbookPort } from "../ports/port";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM },
  row: { display: "flex", columnGap: tokens.spacingHorizontalS, flexWrap: "wrap", alignItems: "center" },
  links: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  done: { display: "flex", flexDirection: "column", alignItems: "flex-start", rowGap: tokens.spacingVerticalS },
  bar: { alignSelf: "stretch" },
});

/** « Cibles », « Contacts », « PAC » et « Remarques »: the sheets `buildPlan` writes, as the wizard announces them. */
export function sheetList(lang: Lang, portfolio?: ScoredPortfolio): string {
  const quoted = outputSheetNames(lang, portfolio).map((name) => (lang === "fr" ? `« ${name} »` : `“${name}”`));
  const and = lang === "fr" ? " et " : " and ";
  return quoted.length > 1 ? `${quoted.slice(0, -1).join(", ")}${and}${quoted[quoted.length - 1]}` : quoted.join("");
}

const PHASE_TEXT: Readonly<Record<Phase, WizardKey>> = { read: "phase.read", score: "phase.score", write: "phase.write" };

/** Offers a Blob as a file download (blob: URLs are allowed by the page's CSP). */
function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export interface GenerateStepProps {
  readonly wizard: Wizard;
  readonly port: WorkbookPort;
  readonly lang: Lang;
}

export function GenerateStep({ wizard, port, lang }: GenerateStepProps) {
  const styles = useStyles();
  const w = (key: WizardKey, params?: Record<string, string | number>) => wizardText(key, lang, params);
  const g = wizard.generation;
  const [choice, setChoice] = useState<"replace" | "new">("new");
  const [downloadError, setDownloadError] = useState<unknown>();
  // The writer's code and its compression worker load while the user reads this step.
  useEffect(() => port.prepareWrite?.(), [port]);
  const busy = g.status === "running";
  const canStart = wizard.scored.portfolio !== undefined && !busy && g.status !== "asking";
  const download = async () => {
    if (!port.download) return;
    try {
      const file = await port.download();
      saveBlob(file.blob, file.fileName);
    } catch (error) {
      setDownloadError(error);
    }
  };
  return (
    <section className={styles.root} aria-labelledby="generate-title">
      <Subtitle2 as="h2" id="generate-title">
        {w("generate.title")}
      </Subtitle2>
      <Body1>{w(port.kind === "excel" ? "generate.what" : "generate.whatFile", { names: sheetList(lang, wizard.scored.portfolio) })}</Body1>
      {!wizard.scored.portfolio && (
        <MessageBar intent="warning">
          <MessageBarBody>{w("generate.blocked")}</MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.row}>
        <Button appearance="primary" disabled={!canStart} onClick={() => void wizard.generate()}>
          {g.status === "done" ? w("generate.again") : w("generate.start")}
        </Button>
        {(g.status === "asking" || (g.status === "running" && g.phase !== "write")) && (
          <Button onClick={wizard.cancel}>{w("generate.cancel")}</Button>
        )}
      </div>

      {g.status === "asking" && (
        <div role="alertdialog" aria-labelledby="exists-text" className={styles.root}>
          <Body1 id="exists-text">{w("generate.exists", { names: g.existing.join(", ") })}</Body1>
          <RadioGroup value={choice} onChange={(_, d) => setChoice(d.value === "replace" ? "replace" : "new")} aria-labelledby="exists-text">
            <Radio value="new" label={w("generate.asNew")} />
            <Radio value="replace" label={w("generate.replace")} />
          </RadioGroup>
          <div>
            <Button appearance="primary" onClick={() => void wizard.confirmGenerate(choice === "replace")}>
              {w("generate.confirm")}
            </Button>
          </div>
        </div>
      )}

      {(g.status === "running" || g.status === "done") && (
        <Field
          label={w("generate.progress")}
          validationMessage={g.status === "running" ? w(PHASE_TEXT[g.phase]) : w("phase.done")}
          validationState="none"
        >
          <ProgressBar value={g.status === "running" ? g.progress : 1} max={1} thickness="large" />
        </Field>
      )}

      {g.status === "cancelled" && (
        <MessageBar intent="info">
          <MessageBarBody>{w("generate.cancelled")}</MessageBarBody>
        </MessageBar>
      )}
      {g.status === "error" && (
        <MessageBar intent="error">
          <MessageBarBody>{w("generate.error", { detail: errorText(g.error, lang) })}</MessageBarBody>
        </MessageBar>
      )}
      {g.status === "done" && (
        <div role="status" className={styles.done}>
          <MessageBar className={styles.bar} intent="success">
            <MessageBarBody>{w("generate.done", { names: g.sheetNames.join(", ") })}</MessageBarBody>
          </MessageBar>
          {port.selectSheet && (
            <ul className={styles.links}>
              {g.sheetNames.map((name) => (
                <li key={name}>
                  <Link as="button" onClick={() => void port.selectSheet?.(name)}>
                    {w("generate.goto", { sheet: name })}
                  </Link>
                </li>
              ))}
            </ul>
          )}
          {port.download && (
            <Button appearance="primary" onClick={() => void download()}>
              {w("generate.download")}
            </Button>
          )}
          {downloadError !== undefined && <Caption1>{errorText(downloadError, lang)}</Caption1>}
        </div>
      )}
    </section>
  );
}
