import {
  Badge,
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
  Spinner,
  Subtitle2,
  tokens,
} from "@fluentui/react-components";
import { issueText, JOURNAL_FIELDS, TABLE_FIELDS, type ColumnChoice, type ImportReport, type RejectReason } from "../../io";
import { columnLetter } from "../../plan/cells";
import { ioFieldLabel } from "../../i18n/io";
import { formatPercent } from "../../i18n";
import type { Lang } from "../../i18n/types";
import { wizardText, type WizardKey } from "../../i18n/wizard";
import { errorText } from "../errorText";
import type { AnyField, ImportView, Wizard } from "../hooks/useWizard";
import type { DefaultSheet, SheetPart, SourceRef } from "../ports/port";
import { movePeriod, rejectedTotal, type PeriodChoice } from "../wizardModel";
import { columnOptions } from "./columnOptions";
import { useShrinkStyles } from "./NumberField";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM },
  row: { display: "flex", columnGap: tokens.spacingHorizontalS, alignItems: "flex-end", flexWrap: "wrap" },
  grow: { flexGrow: 1, minWidth: 0, flexBasis: "12rem" },
  mapping: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  // Narrow pane: the field's name and its confidence on one line, the column below, full width; wider: one line.
  field: {
    display: "grid",
    gridTemplateColumns: "minmax(0, 1fr) auto",
    gridTemplateAreas: '"label badge" "select select"',
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXXS,
    alignItems: "center",
    "@media (min-width: 40rem)": { gridTemplateColumns: "minmax(8rem, 1fr) minmax(10rem, 1.4fr) auto", gridTemplateAreas: '"label select badge"' },
  },
  fieldLabel: { gridArea: "label", minWidth: 0 },
  fieldSelect: { gridArea: "select", minWidth: 0 },
  fieldBadge: { gridArea: "badge", justifySelf: "end" },
  select: { width: "100%", minWidth: 0 },
  periods: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS, marginTop: tokens.spacingVerticalS },
  periodsTitle: { fontWeight: tokens.fontWeightSemibold, margin: 0 },
  periodList: { margin: 0, paddingLeft: tokens.spacingHorizontalL, display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXXS },
  period: { display: "flex", alignItems: "center", flexWrap: "wrap", columnGap: tokens.spacingHorizontalXS },
  others: { display: "flex", flexDirection: "column" },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXXS },
  report: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
  },
});

const SHOWN_ISSUES = 12;

function refValue(ref: SourceRef, combineOpen: boolean): string {
  if (combineOpen || ref.kind === "sheets") return "combine";
  return ref.kind === "sheet" ? `sheet:${ref.name}` : ref.kind;
}

function parseRef(value: string): Exclude<SourceRef, { kind: "sheets" }> {
  if (value === "selection") return { kind: "selection" };
  if (value.startsWith("sheet:")) return { kind: "sheet", name: value.slice("sheet:".length) };
  return { kind: "active" };
}

export interface SourceStepProps {
  readonly wizard: Wizard;
  readonly lang: Lang;
  /** Excel can read the current selection; a file cannot. */
  readonly canReadSelection: boolean;
}

export function SourceStep({ wizard, lang, canReadSelection }: SourceStepProps) {
  const styles = useStyles();
  const shrink = useShrinkStyles();
  const w = (key: WizardKey, params?: Record<string, string | number>) => wizardText(key, lang, params);
  const view = wizard.imported.view;
  const failure = wizard.readFailure ?? wizard.imported.failure;
  return (
    <section className={styles.root} aria-labelledby="source-title">
      <Subtitle2 as="h2" id="source-title">
        {w("source.title")}
      </Subtitle2>
      <div className={styles.row}>
        <Field label={w("source.where")} className={styles.grow}>
          <Select
            className={shrink.control}
            select={{ className: shrink.inner }}
            value={refValue(wizard.sourceRef, wizard.combineOpen)}
            onChange={(_, d) => (d.value === "combine" ? wizard.openCombine() : wizard.chooseSource(parseRef(d.value)))}
          >
            <option value="active">{w("source.active")}</option>
            {canReadSelection && <option value="selection">{w("source.selection")}</option>}
            {wizard.sheets.map((s) => (
              <option key={s.name} value={`sheet:${s.name}`}>
                {s.name === wizard.defaultSheet?.name ? w("source.defaultMark", { sheet: s.name }) : w("source.sheet", { sheet: s.name })}
              </option>
            ))}
            {wizard.sheets.length >= 2 && <option value="combine">{w("source.combine")}</option>}
          </Select>
        </Field>
        <Button onClick={() => void wizard.reload()} disabled={wizard.reading}>
          {w("source.reload")}
        </Button>
      </div>
      {wizard.defaultSheet && <Caption1 role="note">{defaultText(wizard.defaultSheet, lang)}</Caption1>}
      {wizard.combineOpen && <CombinePicker wizard={wizard} lang={lang} />}
      {wizard.reading && <Spinner size="tiny" label={w("source.reading")} />}
      {failure && (
        <MessageBar intent="error">
          <MessageBarBody>{w("source.readError", { detail: errorText(failure.error, lang) })}</MessageBarBody>
        </MessageBar>
      )}
      {wizard.table && !wizard.reading && (
        <Caption1>
          {wizard.table.rows.length === 0
            ? w("source.empty")
            : wizard.table.parts
              ? w("source.readCombined", { count: wizard.table.parts.length, rows: wizard.table.rows.length })
              : w("source.readFrom", { sheet: wizard.table.sheetName, address: wizard.table.address, rows: wizard.table.rows.length })}
        </Caption1>
      )}
      {wizard.table && wizard.table.rows.length > 0 && (
        <Field label={w("source.shape")}>
          <RadioGroup value={wizard.shape} onChange={(_, d) => wizard.setShape(d.value === "journal" ? "journal" : "clients")}>
            <Radio value="clients" label={w("source.shape.clients")} />
            <Radio value="journal" label={w("source.shape.journal")} />
          </RadioGroup>
        </Field>
      )}
      {view && <MappingEditor view={view} wizard={wizard} lang={lang} />}
      {view && wizard.shape === "journal" && (
        <Field label={w("source.reference")} hint={w("source.referenceHint")}>
          <Input value={wizard.referenceDate} placeholder={w("source.referencePlaceholder")} onChange={(_, d) => wizard.setReferenceDate(d.value)} />
        </Field>
      )}
      {view && <ImportReportView report={view.report} lang={lang} {...(wizard.table?.parts ? { parts: wizard.table.parts } : {})} />}
    </section>
  );
}

const DEFAULT_KEYS: Readonly<Record<DefaultSheet["reason"], WizardKey>> = {
  best: "source.default.best",
  only: "source.default.only",
  active: "source.default.active",
  first: "source.default.first",
};

/** Which sheet the wizard read by default and why (the command line's rule, `chooseSheet`). */
function defaultText(chosen: DefaultSheet, lang: Lang): string {
  return wizardText(DEFAULT_KEYS[chosen.reason], lang, { sheet: chosen.name, n: chosen.among });
}

/** The visible sheets as checkboxes, and the button that reads the ticked ones combined. */
function CombinePicker({ wizard, lang }: { wizard: Wizard; lang: Lang }) {
  const styles = useStyles();
  const w = (key: WizardKey, params?: Record<string, string | number>) => wizardText(key, lang, params);
  const ticked = new Set(wizard.combineTicked);
  return (
    <div role="group" aria-labelledby="combine-title" className={styles.others}>
      <Body1 as="h3" id="combine-title" className={styles.periodsTitle}>
        {w("source.combineSheets")}
      </Body1>
      <Caption1 block>{w("source.combineHint")}</Caption1>
      {wizard.sheets.map((s) => (
        <Checkbox key={s.name} label={s.name} checked={ticked.has(s.name)} onChange={(_, d) => wizard.tickCombine(s.name, d.checked === true)} />
      ))}
      <div className={styles.row}>
        <Button appearance="primary" disabled={wizard.combineTicked.length < 2 || wizard.reading} onClick={wizard.combine}>
          {w("source.combineRun", { n: wizard.combineTicked.length })}
        </Button>
      </div>
    </div>
  );
}

/** Which rows of the combined table came from which sheet. */
function PartsList({ parts, lang }: { parts: readonly SheetPart[]; lang: Lang }) {
  const styles = useStyles();
  const w = (key: WizardKey, params?: Record<string, string | number>) => wizardText(key, lang, params);
  return (
    <>
      <Subtitle2 as="h4">{w("report.parts")}</Subtitle2>
      <ul className={styles.list} aria-label={w("report.parts")}>
        {parts.map((p) => (
          <li key={p.sheet}>
            <Caption1>
              {p.to < p.from
                ? w("report.partNone", { sheet: p.sheet })
                : p.to === p.from
                  ? w("report.partOne", { sheet: p.sheet, from: p.from })
                  : w("report.part", { sheet: p.sheet, from: p.from, to: p.to })}
            </Caption1>
          </li>
        ))}
      </ul>
    </>
  );
}

function MappingEditor({ view, wizard, lang }: { view: ImportView; wizard: Wizard; lang: Lang }) {
  const styles = useStyles();
  const shrink = useShrinkStyles();
  const w = (key: WizardKey, params?: Record<string, string | number>) => wizardText(key, lang, params);
  const fields: readonly AnyField[] = view.shape === "journal" ? JOURNAL_FIELDS : TABLE_FIELDS;
  const onChange = (field: AnyField, value: string) => {
    const choice: ColumnChoice = value === "none" ? "none" : Number(value);
    wizard.setMapping(field, choice);
  };
  return (
    <div>
      <Subtitle2 as="h3">{w("source.mapping")}</Subtitle2>
      <Caption1 block>{w("source.mappingHint")}</Caption1>
      <div className={styles.mapping} role="group" aria-label={w("source.mapping")}>
        {fields.map((field) => {
          const match = view.fields[field];
          const name = ioFieldLabel(field, lang);
          return (
            <Mapped key={field} label={name} id={`field-${field}`}>
              <Select
                className={styles.select}
                select={{ className: shrink.inner }}
                aria-labelledby={`field-${field}`}
                value={match ? String(match.column) : "none"}
                onChange={(_, d) => onChange(field, d.value)}
              >
                {columnOptions(view.columns, lang)}
              </Select>
              {match ? (
                <Badge
                  appearance="tint"
                  color={match.source === "override" ? "brand" : match.confidence >= 0.8 ? "success" : "warning"}
                >
                  {match.source === "override" ? w("source.manual") : w("source.confidence", { pct: formatPercent(match.confidence, lang, 0) })}
                </Badge>
              ) : (
                <span />
              )}
            </Mapped>
          );
        })}
      </div>
      {view.shape === "clients" && <PeriodsEditor view={view} wizard={wizard} lang={lang} />}
      {(Object.keys(wizard.overrides).length > 0 || wizard.periodsChoice !== undefined) && (
        <Button appearance="subtle" size="small" onClick={wizard.resetMapping}>
          {w("source.resetMapping")}
        </Button>
      )}
    </div>
  );
}

/**
 * The CA-per-period columns: the ones used, oldest first, each with its label and buttons to reorder it; then
 * the sheet's other columns, to tick; and "none". The choice goes to the import as `mapping.periods`.
 */
function PeriodsEditor({ view, wizard, lang }: { view: ImportView; wizard: Wizard; lang: Lang }) {
  const styles = useStyles();
  const w = (key: WizardKey, params?: Record<string, string | number>) => wizardText(key, lang, params);
  const choice = wizard.periodsChoice;
  const chosen: readonly PeriodChoice[] =
    choice === undefined ? view.periods.map((p) => ({ column: p.column, label: p.label })) : choice === "none" ? [] : choice;
  const readLabel = new Map(view.periods.map((p) => [p.column, p.label]));
  const headerOf = new Map(view.columns.map((c) => [c.column, c.header]));
  const name = (column: number) => w("source.column", { letter: columnLetter(column), header: headerOf.get(column) || "—" });
  const others = view.columns.filter((c) => !chosen.some((p) => p.column === c.column));
  const set = (next: readonly PeriodChoice[]) => wizard.setPeriods(next.length === 0 ? "none" : next);
  return (
    <div className={styles.periods} role="group" aria-labelledby="periods-title">
      <Body1 as="h4" id="periods-title" className={styles.periodsTitle}>
        {w("source.periodsTitle")}
      </Body1>
      <Caption1 block>{w("source.periodsHint")}</Caption1>
      {chosen.length > 0 && (
        <ol className={styles.periodList} aria-label={w("source.periodsChosen")}>
          {chosen.map((p, k) => (
            <li key={p.column} className={styles.period}>
              <Checkbox label={name(p.column)} checked onChange={() => set(chosen.filter((q) => q.column !== p.column))} />
              <Input
                size="small"
                aria-label={w("source.periodLabel", { column: name(p.column) })}
                value={p.label}
                placeholder={readLabel.get(p.column)}
                onChange={(_, d) => set(chosen.map((q) => (q.column === p.column ? { ...q, label: d.value } : q)))}
              />
              <Button
                size="small"
                appearance="subtle"
                aria-label={w("source.periodEarlier", { column: name(p.column) })}
                disabled={k === 0}
                onClick={() => set(movePeriod(chosen, k, -1))}
              >
                ↑
              </Button>
              <Button
                size="small"
                appearance="subtle"
                aria-label={w("source.periodLater", { column: name(p.column) })}
                disabled={k === chosen.length - 1}
                onClick={() => set(movePeriod(chosen, k, 1))}
              >
                ↓
              </Button>
            </li>
          ))}
        </ol>
      )}
      {others.length > 0 && (
        <div role="group" aria-label={w("source.periodsOther")} className={styles.others}>
          {others.map((c) => (
            <Checkbox key={c.column} label={name(c.column)} checked={false} onChange={() => set([...chosen, { column: c.column, label: "" }])} />
          ))}
        </div>
      )}
      <Caption1 block role="status">
        {view.periodLabels.length > 0 ? w("source.periods", { list: view.periodLabels.join(", ") }) : w("source.noPeriods")}
      </Caption1>
      <div className={styles.row}>
        <Button size="small" disabled={chosen.length === 0} onClick={() => wizard.setPeriods("none")}>
          {w("source.periodsNone")}
        </Button>
        {choice !== undefined && (
          <Button size="small" appearance="subtle" onClick={() => wizard.setPeriods(undefined)}>
            {w("source.periodsDetect")}
          </Button>
        )}
      </div>
    </div>
  );
}

/** One field of the mapping: its name, the column chosen, and how sure the detection was. */
function Mapped({ label, id, children }: { label: string; id: string; children: readonly [React.ReactNode, React.ReactNode] }) {
  const styles = useStyles();
  return (
    <div className={styles.field}>
      <Body1 id={id} className={styles.fieldLabel}>
        {label}
      </Body1>
      <div className={styles.fieldSelect}>{children[0]}</div>
      <div className={styles.fieldBadge}>{children[1]}</div>
    </div>
  );
}

const REJECT_KEYS: Readonly<Record<RejectReason, WizardKey>> = {
  blank: "reject.blank",
  text: "reject.text",
  error: "reject.error",
  boolean: "reject.boolean",
  date: "reject.date",
  invalidDate: "reject.invalidDate",
  dateOutOfRange: "reject.dateOutOfRange",
  phantomDate: "reject.phantomDate",
  negativeCount: "reject.negativeCount",
  flag: "reject.flag",
};

export function ImportReportView({ report, lang, parts }: { report: ImportReport; lang: Lang; parts?: readonly SheetPart[] }) {
  const styles = useStyles();
  const w = (key: WizardKey, params?: Record<string, string | number>) => wizardText(key, lang, params);
  const rejected = rejectedTotal(report);
  // Info lines (blank cells…) are counted above; "n more" lines are kept only for the kinds listed here.
  const listed = new Set(report.issues.filter((i) => i.severity !== "info").map((i) => i.key as string));
  const issues = report.issues.filter((i) => i.severity !== "info" || (i.key === "ISSUES_NOT_SHOWN" && listed.has(String(i.params.about))));
  const shown = issues.slice(0, SHOWN_ISSUES);
  const reasons = (Object.entries(report.rejectedCells) as [RejectReason, number | undefined][]).filter(([, n]) => (n ?? 0) > 0);
  return (
    <section className={styles.report} aria-labelledby="report-title">
      <Subtitle2 as="h3" id="report-title">
        {w("report.title")}
      </Subtitle2>
      {report.status === "failed" && (
        <MessageBar intent="error">
          <MessageBarBody>{w("report.failed")}</MessageBarBody>
        </MessageBar>
      )}
      <Body1>{w("report.kept", { clients: report.clientsKept, rows: report.rowsRead, empty: report.emptyRows })}</Body1>
      {parts && <PartsList parts={parts} lang={lang} />}
      <Body1>{rejected === 0 ? w("report.noReject") : w("report.rejected", { n: rejected })}</Body1>
      {reasons.length > 0 && (
        <ul className={styles.list}>
          {reasons.map(([reason, n]) => (
            <li key={reason}>
              <Caption1>
                {n} {w(REJECT_KEYS[reason])}
              </Caption1>
            </li>
          ))}
        </ul>
      )}
      {report.blankCells > 0 && <Caption1>{w("report.blank", { n: report.blankCells })}</Caption1>}
      {shown.length > 0 && (
        <>
          <Subtitle2 as="h4">{w("report.issues")}</Subtitle2>
          <ul className={styles.list} aria-label={w("report.issues")}>
            {shown.map((issue, k) => (
              <li key={k}>
                <Caption1>{issueText(issue, lang)}</Caption1>
              </li>
            ))}
          </ul>
          {issues.length > shown.length && <Caption1>{w("report.more", { n: issues.length - shown.length })}</Caption1>}
        </>
      )}
      {report.assumptions.length > 0 && (
        <>
          <Subtitle2 as="h4">{w("report.assumptions")}</Subtitle2>
          <ul className={styles.list} aria-label={w("report.assumptions")}>
            {report.assumptions.map((note, k) => (
              <li key={k}>
                <Caption1>{issueText(note, lang)}</Caption1>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
