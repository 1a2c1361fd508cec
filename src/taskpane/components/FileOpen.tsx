import { Body1, Button, Caption1, makeStyles, MessageBar, MessageBarBody, Spinner, Subtitle2, tokens } from "@fluentui/react-components";
import { useRef, useState } from "react";
import type { Lang } from "../../i18n/types";
import { wizardText } from "../../i18n/wizard";
import { errorText } from "../errorText";
import type { WorkbookPort } from "../ports/port";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS, alignItems: "stretch" },
  button: { alignSelf: "flex-start" },
  hidden: { position: "absolute", width: "1px", height: "1px", overflow: "hidden", clip: "rect(0 0 0 0)" },
});

export interface FileOpenProps {
  readonly lang: Lang;
  readonly open: (file: File) => Promise<WorkbookPort>;
  readonly onOpened: (port: WorkbookPort) => void;
}

/** Standalone mode: asks for an .xlsx or .csv file and turns it into a workbook port. */
export function FileOpen({ lang, open, onOpened }: FileOpenProps) {
  const styles = useStyles();
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState<string>();
  const [failure, setFailure] = useState<{ error: unknown }>();
  const onFile = async (file: File | undefined) => {
    if (!file) return;
    setBusy(file.name);
    setFailure(undefined);
    try {
      onOpened(await open(file));
    } catch (error) {
      setFailure({ error });
    } finally {
      setBusy(undefined);
      if (input.current) input.current.value = "";
    }
  };
  return (
    <section className={styles.root} aria-labelledby="file-title">
      <Subtitle2 as="h2" id="file-title">
        {wizardText("file.title", lang)}
      </Subtitle2>
      <Body1>{wizardText("file.hint", lang)}</Body1>
      <input
        ref={input}
        id="file-input"
        type="file"
        accept=".xlsx,.xlsm,.csv,.txt,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
        className={styles.hidden}
        aria-label={wizardText("file.choose", lang)}
        onChange={(e) => void onFile(e.target.files?.[0])}
      />
      <Button className={styles.button} appearance="primary" disabled={busy !== undefined} onClick={() => input.current?.click()}>
        {wizardText("file.choose", lang)}
      </Button>
      {busy !== undefined && <Spinner size="tiny" label={wizardText("file.reading", lang, { file: busy })} />}
      {failure && (
        <MessageBar intent="error">
          <MessageBarBody>{errorText(failure.error, lang)}</MessageBarBody>
        </MessageBar>
      )}
      <Caption1>{wizardText("app.privacy", lang)}</Caption1>
    </section>
  );
}
