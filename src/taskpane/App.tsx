import { Body1, Button, Caption1, makeStyles, Radio, RadioGroup, Title3, tokens } from "@fluentui/react-components";
import { useState } from "react";
import type { Lang } from "../i18n/types";
import { wizardText } from "../i18n/wizard";
import { FileOpen } from "./components/FileOpen";
import { SharingPanel } from "./components/SharingPanel";
import { Wizard } from "./components/Wizard";
import type { WorkbookPort } from "./ports/port";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalL,
    maxWidth: "56rem",
    marginLeft: "auto",
    marginRight: "auto",
  },
  header: { display: "flex", justifyContent: "space-between", alignItems: "flex-start", flexWrap: "wrap", columnGap: tokens.spacingHorizontalM },
  file: { display: "flex", alignItems: "center", columnGap: tokens.spacingHorizontalS, flexWrap: "wrap" },
});

export interface AppProps {
  /** The workbook to work on: Excel's, or none yet in a browser (then `openFile` asks for one). */
  readonly port?: WorkbookPort;
  /** Standalone mode: turns the chosen .xlsx/.csv into a port. */
  readonly openFile?: (file: File) => Promise<WorkbookPort>;
  readonly initialLang?: Lang;
}

export function App({ port: givenPort, openFile, initialLang = "fr" }: AppProps) {
  const styles = useStyles();
  const [lang, setLang] = useState<Lang>(initialLang);
  const [filePort, setFilePort] = useState<WorkbookPort>();
  const port = givenPort ?? filePort;
  return (
    <main className={styles.root} lang={lang}>
      <header className={styles.header}>
        <div>
          <Title3 as="h1">{wizardText("app.title", lang)}</Title3>
          <Body1 block>{wizardText("app.subtitle", lang)}</Body1>
        </div>
        <RadioGroup
          aria-label={wizardText("app.language", lang)}
          value={lang}
          onChange={(_, d) => setLang(d.value === "en" ? "en" : "fr")}
          layout="horizontal"
        >
          <Radio value="fr" label="Français" />
          <Radio value="en" label="English" />
        </RadioGroup>
      </header>
      {!port && openFile && <FileOpen lang={lang} open={openFile} onOpened={setFilePort} />}
      {port && port.kind === "file" && (
        <div className={styles.file}>
          <Caption1>{wizardText("file.open", lang, { file: port.title })}</Caption1>
          {!givenPort && (
            <Button size="small" appearance="subtle" onClick={() => setFilePort(undefined)}>
              {wizardText("file.change", lang)}
            </Button>
          )}
        </div>
      )}
      {/* A new port (another file) starts a new wizard: its state belongs to that workbook. */}
      {port && <Wizard key={port.title} port={port} lang={lang} />}
      {port && <SharingPanel port={port} lang={lang} />}
    </main>
  );
}
