import { Button, Caption1, makeStyles, MessageBar, MessageBarBody, Subtitle2, tokens } from "@fluentui/react-components";
import { useState } from "react";
import type { Lang } from "../../i18n/types";
import { wizardText } from "../../i18n/wizard";
import { errorText } from "../errorText";
import type { WorkbookPort } from "../ports/port";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
    paddingTop: tokens.spacingVerticalM,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  row: { display: "flex", columnGap: tokens.spacingHorizontalS, flexWrap: "wrap" },
});

type Outcome = { readonly ok: true; readonly message: string } | { readonly ok: false; readonly error: unknown };

/** "Préparer pour le partage" / "Restaurer les formules": shown only when the port can do them (Excel). */
export function SharingPanel({ port, lang }: { port: WorkbookPort; lang: Lang }) {
  const styles = useStyles();
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>();
  const prepare = port.prepareForSharing;
  const restore = port.restoreFormulas;
  if (!prepare || !restore) return null;
  const run = async (action: () => Promise<string>) => {
    setBusy(true);
    try {
      setOutcome({ ok: true, message: await action() });
    } catch (error) {
      setOutcome({ ok: false, error });
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className={styles.root} aria-labelledby="sharing-title">
      <Subtitle2 as="h2" id="sharing-title">
        {wizardText("sharing.title", lang)}
      </Subtitle2>
      <Caption1>{wizardText("sharing.hint", lang)}</Caption1>
      <div className={styles.row}>
        <Button disabled={busy} onClick={() => void run(prepare)}>
          {wizardText("sharing.prepare", lang)}
        </Button>
        <Button disabled={busy} onClick={() => void run(restore)}>
          {wizardText("sharing.restore", lang)}
        </Button>
      </div>
      {outcome && (
        <MessageBar intent={outcome.ok ? "success" : "error"}>
          <MessageBarBody>
            {outcome.ok ? outcome.message : wizardText("sharing.error", lang, { detail: errorText(outcome.error, lang) })}
          </MessageBarBody>
        </MessageBar>
      )}
    </section>
  );
}
