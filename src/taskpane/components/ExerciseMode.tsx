import { Body1, Button, Caption1, Checkbox, Field, Input, makeStyles, MessageBar, MessageBarBody, Spinner, Subtitle2, tokens } from "@fluentui/react-components";
import { useMemo, useState } from "react";
import { buildExercise, EXERCISE_METHODS, exerciseText, methodSheets, type ExerciseData, type ExerciseMethod } from "../../exercise";
import type { Lang } from "../../i18n/types";
import type { ImportedClient } from "../../io/client";
import type { ScoredPortfolio } from "../../plan/score";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
    paddingTop: tokens.spacingVerticalM,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  methods: { display: "flex", flexDirection: "column" },
});

/** A workbook to hand over: downloaded in a browser, opened as a new workbook in Excel. */
export interface ExerciseFile {
  readonly fileName: string;
  readonly bytes: Uint8Array;
}

const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** Offers the file as a download (blob: URLs are allowed by the pages' CSP). */
export async function downloadFile(file: ExerciseFile): Promise<void> {
  const url = URL.createObjectURL(new Blob([file.bytes as BlobPart], { type: XLSX_TYPE }));
  const a = document.createElement("a");
  a.href = url;
  a.download = file.fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Opens the file as a new workbook in Excel (`Excel.createWorkbook`, ExcelApi 1.8; the manifest asks 1.12). */
export async function openInExcel(file: ExerciseFile): Promise<void> {
  let binary = "";
  for (let k = 0; k < file.bytes.length; k += 0x8000) binary += String.fromCharCode(...file.bytes.subarray(k, k + 0x8000));
  await Excel.createWorkbook(btoa(binary));
}

export interface ExerciseModeProps {
  /** The clients as imported and as scored (the wizard's), in the same order. */
  readonly clients: readonly ImportedClient[];
  readonly portfolio: ScoredPortfolio;
  readonly lang: Lang;
  /** The default title of the exercise (the file's name). */
  readonly title: string;
  /** In Excel the books open as new workbooks; elsewhere they are downloaded. */
  readonly excel: boolean;
  /** How each book is handed over (tests pass a collector). */
  readonly deliver?: (file: ExerciseFile) => Promise<void>;
}

type Status = { readonly kind: "idle" } | { readonly kind: "running" } | { readonly kind: "done"; readonly text: string } | { readonly kind: "error"; readonly text: string };

/**
 * « Mode exercice » (issue 18): from the wizard's clients, the student's exercise and the teacher's corrigé, built
 * by the same pure builder as `pac exercice` (`buildExercise`) and written by the one .xlsx writer.
 */
export function ExerciseMode({ clients, portfolio, lang, title: defaultTitle, excel, deliver }: ExerciseModeProps) {
  const styles = useStyles();
  const x = (key: Parameters<typeof exerciseText>[0], params?: Record<string, string | number>) => exerciseText(key, lang, params);
  const [title, setTitle] = useState(defaultTitle.replace(/\.(xlsx|xlsm|csv)$/i, "") || x("book.student"));
  const [unticked, setUnticked] = useState<ReadonlySet<ExerciseMethod>>(new Set());
  const [status, setStatus] = useState<Status>({ kind: "idle" });
  const data: ExerciseData = useMemo(() => ({ title, clients, portfolio }), [title, clients, portfolio]);
  // Which methods these data allow, and why not the others: the builder's own verdict, method by method.
  const allowed = useMemo(() => {
    const methods = new Set<ExerciseMethod>();
    const skipped: { method: ExerciseMethod; reason: Parameters<typeof exerciseText>[0] }[] = [];
    for (const m of EXERCISE_METHODS) {
      const result = methodSheets({ title: "", clients, portfolio }, [m], lang);
      if (result.sheets.length > 0) methods.add(m);
      else skipped.push(...result.skipped);
    }
    return { methods, skipped };
  }, [clients, portfolio, lang]);
  const chosen = EXERCISE_METHODS.filter((m) => allowed.methods.has(m) && !unticked.has(m));
  const toggle = (m: ExerciseMethod, on: boolean) =>
    setUnticked((s) => {
      const next = new Set(s);
      if (on) next.delete(m);
      else next.add(m);
      return next;
    });
  const create = async () => {
    setStatus({ kind: "running" });
    try {
      const books = buildExercise(data, { lang, methods: chosen });
      const base = title.replace(/[\\/:*?"<>|]+/g, " ").trim() || "exercice";
      const names = lang === "fr" ? [`${base}-eleve.xlsx`, `${base}-corrige.xlsx`] : [`${base}-student.xlsx`, `${base}-key.xlsx`];
      const hand = deliver ?? (excel ? openInExcel : downloadFile);
      // The writer is its own chunk, as in the file port: loaded when a workbook is written.
      const { writeXlsxPackage } = await import(/* webpackChunkName: "xlsx-writer" */ "../../xlsx/write");
      const student = await writeXlsxPackage(books.student);
      await hand({ fileName: names[0], bytes: student.bytes });
      const corrige = await writeXlsxPackage(books.corrige);
      await hand({ fileName: names[1], bytes: corrige.bytes });
      const n = books.answerKey.length;
      setStatus({ kind: "done", text: excel ? x("ui.done_excel", { n }) : x("ui.done_file", { student: names[0], corrige: names[1], n }) });
    } catch (error) {
      setStatus({ kind: "error", text: x("ui.failed", { reason: error instanceof Error ? error.message : String(error) }) });
    }
  };
  return (
    <section className={styles.root} aria-labelledby="exercise-title">
      <Subtitle2 as="h2" id="exercise-title">
        {x("ui.title")}
      </Subtitle2>
      <Body1>{x("ui.intro")}</Body1>
      <Field label={x("ui.exercise_title")}>
        <Input value={title} onChange={(_, d) => setTitle(d.value)} />
      </Field>
      <fieldset className={styles.methods}>
        <legend>{x("ui.methods")}</legend>
        {EXERCISE_METHODS.filter((m) => allowed.methods.has(m)).map((m) => (
          <Checkbox key={m} label={x(`title.${m}` as Parameters<typeof exerciseText>[0])} checked={!unticked.has(m)} onChange={(_, d) => toggle(m, d.checked === true)} />
        ))}
        {allowed.skipped.map((s) => (
          <Caption1 key={s.method}>{x("ui.unavailable", { method: x(`title.${s.method}` as Parameters<typeof exerciseText>[0]), reason: x(s.reason) })}</Caption1>
        ))}
      </fieldset>
      {chosen.includes("pr") && chosen.includes("rp") && <Caption1>{x("ui.pr_covers_rp")}</Caption1>}
      <Caption1>{x("ui.hidden_note")}</Caption1>
      <div>
        <Button appearance="primary" disabled={chosen.length === 0 || status.kind === "running"} onClick={() => void create()}>
          {x("ui.create")}
        </Button>
      </div>
      {chosen.length === 0 && <Caption1>{x("ui.none")}</Caption1>}
      {status.kind === "running" && <Spinner size="tiny" label={x("ui.creating")} />}
      {status.kind === "done" && (
        <MessageBar intent="success">
          <MessageBarBody>{status.text}</MessageBarBody>
        </MessageBar>
      )}
      {status.kind === "error" && (
        <MessageBar intent="error">
          <MessageBarBody>{status.text}</MessageBarBody>
        </MessageBar>
      )}
    </section>
  );
}
