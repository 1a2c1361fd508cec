import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import {
  detectFamilyColumn,
  guessShape,
  readClientTable,
  readJournal,
  type JournalFamilies,
  type ColumnChoice,
  type ColumnRef,
  type FieldMatch,
  type ImportedClient,
  type ImportReport,
  type JournalField,
  type MissingForMethod,
  type PeriodMatch,
  type TableField,
} from "../../io";
import type { Lang } from "../../i18n/types";
import { scorePortfolio, type ScoredPortfolio } from "../../plan/score";
import { planObjectives, type PlanObjectives } from "../../plan/objectives";
import { computeFidelity, type Fidelity } from "../../plan/fidelity";
import { CHOSEN_SLOTS, suggestionFor, type CatalogueActionId, type CatalogueTargetId } from "../../plan/catalogue";
import type { ChosenActions } from "../../plan/fidelitySection";
import { GROWTH_DEFAULT_ASKED } from "../../engine/objectives";
import type { DefaultSheet, SheetSummary, SourceRef, SourceTable, WorkbookPort } from "../ports/port";
import { buildPlan, outputSheetNames } from "../planning";
import {
  DEFAULT_CAPITAL,
  DEFAULT_THRESHOLDS,
  methodAvailability,
  periodsMapping,
  scoreOptions,
  setShare,
  withFidelity,
  withMethods,
  type CapitalSettings,
  type MethodAvailability,
  type PeriodChoice,
  type Thresholds,
  type WizardMethod,
} from "../wizardModel";
import type { ActionFamily } from "../../engine";

export type StepId = "source" | "methods" | "capital" | "preview" | "generate";
export const STEPS: readonly StepId[] = ["source", "methods", "capital", "preview", "generate"];

export type Shape = "clients" | "journal";
export type AnyField = TableField | JournalField;

/** The import as the Source step shows it. */
export interface ImportView {
  readonly shape: Shape;
  readonly clients: readonly ImportedClient[];
  readonly report: ImportReport;
  readonly fields: Readonly<Partial<Record<AnyField, FieldMatch>>>;
  readonly periodLabels: readonly string[];
  /** The CA-per-period columns read, oldest first (none for a journal: its periods are calendar years). */
  readonly periods: readonly PeriodMatch[];
  /** Every column of the table (header text by 0-based index), for the dropdowns. */
  readonly columns: readonly ColumnRef[];
  readonly missing: readonly MissingForMethod[];
  /** A journal's spend per product family (engagement, SPEC §12): with a family column and N-1 covered. */
  readonly families?: JournalFamilies;
  /** A journal with a family column that does not cover N-1. */
  readonly familiesNotCovered?: boolean;
}

/** A journal sheet with a product column found beside a client table (the sample's « Journal »). */
export interface SideJournal {
  readonly sheet: string;
  readonly ids?: readonly string[];
  readonly families?: JournalFamilies;
  readonly notCovered?: boolean;
}

export type Phase = "read" | "score" | "write";

export type Generation =
  | { readonly status: "idle" }
  | { readonly status: "asking"; readonly existing: readonly string[] }
  | { readonly status: "running"; readonly phase: Phase; readonly progress: number }
  | { readonly status: "cancelled" }
  | { readonly status: "done"; readonly sheetNames: readonly string[] }
  | { readonly status: "error"; readonly error: unknown };

/** Errors are kept as thrown; the component turns them into text in the current language. */
export type Failure = { readonly error: unknown };

function columnsOf(fields: Readonly<Partial<Record<string, FieldMatch>>>, extra: readonly ColumnRef[]): ColumnRef[] {
  const byIndex = new Map<number, string>();
  for (const m of Object.values(fields)) if (m) byIndex.set(m.column, m.header);
  for (const c of extra) if (!byIndex.has(c.column)) byIndex.set(c.column, c.header);
  return [...byIndex.entries()].sort((a, b) => a[0] - b[0]).map(([column, header]) => ({ column, header }));
}

/** The user's choice of CA-per-period columns: undefined keeps the detected ones. */
export type PeriodsChoice = readonly PeriodChoice[] | "none" | undefined;

/** Reads a source table with the user's overrides (fields, and for a client table the periods): the one call to src/io. */
export function importTable(
  table: SourceTable,
  shape: Shape,
  overrides: Readonly<Partial<Record<AnyField, ColumnChoice>>>,
  referenceDate: string,
  periods: PeriodsChoice = undefined,
): ImportView {
  const common = {
    firstRowNumber: Math.max(1, table.firstRowNumber),
    date1904: table.date1904 === true,
    ...(referenceDate.trim() !== "" ? { referenceDate: referenceDate.trim() } : {}),
  };
  if (shape === "journal") {
    const r = readJournal(table.rows, { ...common, mapping: overrides as Partial<Record<JournalField, ColumnChoice>> });
    return {
      shape,
      clients: r.clients,
      report: r.report,
      fields: r.mapping.fields,
      periodLabels: r.mapping.periodLabels,
      periods: [],
      columns: columnsOf(r.mapping.fields, r.mapping.unused),
      missing: r.mapping.missing,
      ...(r.families ? { families: r.families } : {}),
      ...(!r.families && r.mapping.family ? { familiesNotCovered: true } : {}),
    };
  }
  const mapping = {
    ...(overrides as Partial<Record<TableField, ColumnChoice>>),
    ...(periods !== undefined ? { periods: periodsMapping(periods) } : {}),
  };
  const r = readClientTable(table.rows, { ...common, mapping });
  return {
    shape,
    clients: r.clients,
    report: r.report,
    fields: r.mapping.fields,
    periodLabels: r.mapping.periodLabels,
    periods: r.mapping.periods,
    columns: columnsOf(r.mapping.fields, [...r.mapping.periods, ...r.mapping.unused]),
    missing: r.mapping.missing,
  };
}

/** Whether two sources name the same cells: the same kind, and the same sheet or sheets in the same order. */
function sameSource(a: SourceRef, b: SourceRef): boolean {
  if (a.kind === "sheet" && b.kind === "sheet") return a.name === b.name;
  if (a.kind === "sheets" && b.kind === "sheets") {
    if (a.names.length !== b.names.length) return false;
    for (let i = 0; i < a.names.length; i++) if (a.names[i] !== b.names[i]) return false;
    return true;
  }
  return a.kind === b.kind;
}

const tick = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/**
 * The wizard's state and actions: the source read and its mapping, the methods, the thresholds, the capital,
 * the scoring (recomputed when a setting changes) and the generation. Everything lives here, above the steps,
 * so going back and forth between steps loses nothing.
 */
export function useWizard(port: WorkbookPort, lang: Lang) {
  const [step, setStep] = useState<StepId>("source");
  const [sheets, setSheets] = useState<readonly SheetSummary[]>([]);
  const [sourceRef, setSourceRef] = useState<SourceRef>({ kind: "active" });
  const [defaultSheet, setDefaultSheet] = useState<DefaultSheet | undefined>();
  /** "Combiner des feuilles" is the chosen source: its checkboxes are shown. */
  const [combineOpen, setCombineOpen] = useState(false);
  /** The sheets ticked to combine, in tab order. */
  const [combineTicked, setCombineTicked] = useState<readonly string[]>([]);
  const [table, setTable] = useState<SourceTable | undefined>();
  /** Where `table` was read from (the source chosen may have changed while it was read). */
  const [tableSource, setTableSource] = useState<SourceRef | undefined>();
  const [reading, setReading] = useState(false);
  const [readFailure, setReadFailure] = useState<Failure | undefined>();
  const [shape, setShapeState] = useState<Shape>("clients");
  const [overrides, setOverrides] = useState<Readonly<Partial<Record<AnyField, ColumnChoice>>>>({});
  const [periodsChoice, setPeriodsChoice] = useState<PeriodsChoice>(undefined);
  const [referenceDate, setReferenceDate] = useState("");
  const [unticked, setUnticked] = useState<ReadonlySet<WizardMethod>>(new Set());
  const [thresholds, setThresholds] = useState<Thresholds>(DEFAULT_THRESHOLDS);
  const [capital, setCapital] = useState<CapitalSettings>(DEFAULT_CAPITAL);
  /** The growth asked by management, in percent (SPEC §10; default 5 %). */
  const [growth, setGrowth] = useState<number>(GROWTH_DEFAULT_ASKED * 100);
  /** The catalogue actions the rep chose per target (SPEC §13); a target not chosen keeps its default suggestion. */
  const [chosenActions, setChosenActions] = useState<ChosenActions>({});
  /** Sets slot `slot` of a target's chosen actions (null: blank), starting from its default suggestion. */
  const chooseAction = useCallback((target: CatalogueTargetId, slot: number, action: CatalogueActionId | null) => {
    setChosenActions((current) => {
      const slots: (CatalogueActionId | null)[] = [...(current[target] ?? suggestionFor(target).actions)];
      while (slots.length < CHOSEN_SLOTS) slots.push(null);
      slots[slot] = action;
      return { ...current, [target]: slots };
    });
  }, []);
  const [generation, setGeneration] = useState<Generation>({ status: "idle" });
  /** A journal sheet beside a client table, for engagement. */
  const [sideJournal, setSideJournal] = useState<SideJournal | undefined>();
  /**
   * The rep's family types (one per family of the journal, "" untyped), or undefined while not confirmed:
   * engagement then is not computed. The proposed types are only shown (SPEC §12: never used silently).
   */
  const [familyTypes, setFamilyTypes] = useState<readonly string[] | undefined>();
  const cancelRef = useRef(false);

  const read = useCallback(
    async (ref: SourceRef) => {
      setReading(true);
      setReadFailure(undefined);
      try {
        const t = await port.readTable(ref);
        setTable(t);
        setTableSource(ref);
        setOverrides({});
        setPeriodsChoice(undefined);
        setShapeState(guessShape(t.rows) ?? "clients");
      } catch (error) {
        setTable(undefined);
        setTableSource(undefined);
        setReadFailure({ error });
      } finally {
        setReading(false);
      }
    },
    [port],
  );

  useEffect(() => {
    let live = true;
    port.listSheets().then(
      (list) => {
        if (live) setSheets(list);
      },
      (error: unknown) => {
        if (live) setReadFailure({ error });
      },
    );
    // The default source: the sheet the command line would read (`chooseSheet`), else the active sheet.
    port.defaultSheet().then(
      (chosen) => {
        if (!live) return;
        setDefaultSheet(chosen);
        const ref: SourceRef = chosen ? { kind: "sheet", name: chosen.name } : { kind: "active" };
        setSourceRef(ref);
        void read(ref);
      },
      () => {
        if (live) void read({ kind: "active" });
      },
    );
    return () => {
      live = false;
    };
  }, [port, read]);

  const chooseSource = useCallback(
    (ref: SourceRef) => {
      setCombineOpen(ref.kind === "sheets");
      setSourceRef(ref);
      void read(ref);
    },
    [read],
  );

  /** Shows the sheets to combine, ticking the recognised ones (as `--sheet all`) the first time. */
  const openCombine = useCallback(() => {
    setCombineOpen(true);
    setCombineTicked((ticked) => (ticked.length > 0 ? ticked : defaultSheet && defaultSheet.recognised.length >= 2 ? defaultSheet.recognised : []));
  }, [defaultSheet]);

  const tickCombine = useCallback(
    (name: string, on: boolean) => {
      setCombineTicked((ticked) => {
        const next = new Set(ticked);
        if (on) next.add(name);
        else next.delete(name);
        return sheets.map((s) => s.name).filter((n) => next.has(n));
      });
    },
    [sheets],
  );

  /** Reads the ticked sheets combined (the port refuses sheets of different columns, naming them). */
  const combine = useCallback(() => {
    chooseSource({ kind: "sheets", names: combineTicked });
  }, [chooseSource, combineTicked]);

  const imported = useMemo((): { view?: ImportView; failure?: Failure } => {
    if (!table) return {};
    try {
      return { view: importTable(table, shape, overrides, referenceDate, periodsChoice) };
    } catch (error) {
      return { failure: { error } };
    }
  }, [table, shape, overrides, referenceDate, periodsChoice]);

  // Beside a client table, the first other sheet that reads as a journal with a product column gives the families.
  const sourceSheet = table?.sheetName;
  useEffect(() => {
    let live = true;
    setSideJournal(undefined);
    if (shape !== "clients" || !table) return;
    void (async () => {
      for (const s of sheets) {
        if (s.name === sourceSheet) continue;
        try {
          const t = await port.readTable({ kind: "sheet", name: s.name });
          if (!live) return;
          if (t.rows.length < 2 || guessShape(t.rows) !== "journal" || !detectFamilyColumn((t.rows[0] ?? []).map((v) => (v == null ? "" : String(v))))) continue;
          const j = readJournal(t.rows, { firstRowNumber: Math.max(1, t.firstRowNumber), date1904: t.date1904 === true, ...(referenceDate.trim() !== "" ? { referenceDate: referenceDate.trim() } : {}) });
          if (!live) return;
          if (j.families) return setSideJournal({ sheet: s.name, ids: j.clients.map((c) => c.id), families: j.families });
          if (j.mapping.family) return setSideJournal({ sheet: s.name, notCovered: true });
        } catch {
          // A sheet that cannot be read is not the journal.
        }
      }
    })();
    return () => {
      live = false;
    };
  }, [port, sheets, sourceSheet, shape, table, referenceDate]);

  /** The families engagement reads: the source's when it is a journal, else the journal sheet beside it. */
  const journal = useMemo((): { ids: readonly string[]; families: JournalFamilies; source: string } | { missing: "no_journal" | "not_covered" } => {
    const view = imported.view;
    if (view?.shape === "journal") {
      if (view.families) return { ids: view.clients.map((c) => c.id), families: view.families, source: table?.sheetName ?? "" };
      return { missing: view.familiesNotCovered ? "not_covered" : "no_journal" };
    }
    if (sideJournal?.families && sideJournal.ids) return { ids: sideJournal.ids, families: sideJournal.families, source: sideJournal.sheet };
    return { missing: sideJournal?.notCovered ? "not_covered" : "no_journal" };
  }, [imported.view, sideJournal, table]);

  // New families: the rep's types are asked again.
  const familyKey = "families" in journal ? journal.families.families.join("\u0000") : "";
  useEffect(() => setFamilyTypes(undefined), [familyKey]);

  /** Engagement and the ideal-client matrix (SPEC §12–§13), with the reason when either cannot run. */
  const fidelity = useMemo((): Fidelity | undefined => {
    const view = imported.view;
    if (!view || view.clients.length === 0) return undefined;
    try {
      return computeFidelity(
        {
          clients: view.clients,
          ...("families" in journal ? { journal: { ids: journal.ids, families: journal.families } } : { journalMissing: journal.missing }),
          ...(familyTypes ? { types: familyTypes } : {}),
        },
        lang,
      );
    } catch {
      return undefined;
    }
  }, [imported.view, journal, familyTypes, lang]);

  const availability: MethodAvailability[] = useMemo(() => methodAvailability(imported.view?.missing ?? [], fidelity), [imported.view, fidelity]);
  const selected = useMemo(
    () => new Set(availability.filter((a) => a.available && !unticked.has(a.method)).map((a) => a.method)),
    [availability, unticked],
  );

  const scored = useMemo((): { portfolio?: ScoredPortfolio; failure?: Failure } => {
    const view = imported.view;
    if (!view || view.report.status === "failed" || view.clients.length === 0) return {};
    try {
      const full = scorePortfolio(view.clients, scoreOptions(thresholds, capital, lang));
      return { portfolio: withMethods(full, selected) };
    } catch (error) {
      return { failure: { error } };
    }
  }, [imported.view, thresholds, capital, lang, selected]);

  /** The objectives and the growth verdict (SPEC §10–§11) of the scored portfolio, for the Aperçu and the cards. */
  const objectives = useMemo((): { value?: PlanObjectives; failure?: Failure } => {
    if (!scored.portfolio) return {};
    try {
      return { value: planObjectives(scored.portfolio, { growthAsked: growth / 100 }) };
    } catch (error) {
      return { failure: { error } };
    }
  }, [scored.portfolio, growth]);

  const canContinue = imported.view !== undefined && imported.view.report.status !== "failed" && imported.view.clients.length > 0;

  const setMapping = useCallback((field: AnyField, choice: ColumnChoice) => {
    setOverrides((o) => ({ ...o, [field]: choice }));
  }, []);

  const setShape = useCallback((s: Shape) => {
    setShapeState(s);
    setOverrides({});
    setPeriodsChoice(undefined);
  }, []);

  /**
   * Replaces the CA-per-period columns (oldest first; "none"; undefined: back to the detection). A column the
   * import used both as a field and as a period (a plain "CA" read as year N) stays on its field: the import
   * would otherwise give a forced period column priority over the detected field.
   */
  const setPeriods = useCallback(
    (next: PeriodsChoice) => {
      const view = imported.view;
      if (next !== undefined && next !== "none" && periodsChoice === undefined && view) {
        const pinned: Partial<Record<AnyField, ColumnChoice>> = {};
        for (const [field, match] of Object.entries(view.fields) as [AnyField, FieldMatch | undefined][]) {
          if (!match || overrides[field] !== undefined) continue;
          if (view.periods.some((p) => p.column === match.column) && next.some((p) => p.column === match.column)) pinned[field] = match.column;
        }
        if (Object.keys(pinned).length > 0) setOverrides((o) => ({ ...pinned, ...o }));
      }
      setPeriodsChoice(next);
    },
    [imported.view, periodsChoice, overrides],
  );

  const resetMapping = useCallback(() => {
    setOverrides({});
    setPeriodsChoice(undefined);
  }, []);

  const toggleMethod = useCallback((method: WizardMethod, on: boolean) => {
    setUnticked((u) => {
      const next = new Set(u);
      if (on) next.delete(method);
      else next.add(method);
      return next;
    });
  }, []);

  const changeShare = useCallback((family: ActionFamily, value: number) => {
    setCapital((c) => ({ ...c, shares: setShare(c.shares, family, value) }));
  }, []);

  const run = useCallback(
    async (replace: boolean) => {
      cancelRef.current = false;
      try {
        setGeneration({ status: "running", phase: "read", progress: 0 });
        // A fixed workbook (a file opened in the browser) cannot have changed since its table was read: that
        // table, and the import and scoring the steps computed from it with these same settings, are used as
        // they are. An Excel sheet may have been edited since: it is read, imported and scored again.
        const unchanged = port.fixed === true && table !== undefined && tableSource !== undefined && sameSource(tableSource, sourceRef);
        const fresh = unchanged ? table : await port.readTable(sourceRef);
        const view = fresh === table && imported.view ? imported.view : importTable(fresh, shape, overrides, referenceDate, periodsChoice);
        await tick();
        if (cancelRef.current) return setGeneration({ status: "cancelled" });
        setGeneration({ status: "running", phase: "score", progress: 1 / 3 });
        await tick();
        const portfolio =
          view === imported.view && scored.portfolio ? scored.portfolio : withMethods(scorePortfolio(view.clients, scoreOptions(thresholds, capital, lang)), selected);
        const plan = buildPlan(portfolio, lang, view.report, withFidelity(fidelity, selected), { growthAsked: growth / 100 }, chosenActions);
        await tick();
        if (cancelRef.current) return setGeneration({ status: "cancelled" });
        setGeneration({ status: "running", phase: "write", progress: 2 / 3 });
        const result = await port.writePlan(plan, {
          replace,
          onProgress: (done, total) => {
            if (total > 0) setGeneration({ status: "running", phase: "write", progress: 2 / 3 + Math.min(1, done / total) / 3 });
          },
        });
        setGeneration({ status: "done", sheetNames: result.sheetNames });
      } catch (error) {
        setGeneration({ status: "error", error });
      }
    },
    [port, sourceRef, table, tableSource, imported.view, scored.portfolio, shape, overrides, referenceDate, periodsChoice, thresholds, capital, lang, selected, fidelity, growth, chosenActions],
  );

  /** Starts the generation, or asks first when output sheets already exist. */
  const generate = useCallback(async () => {
    try {
      const existing = await port.existingSheets(outputSheetNames(lang, scored.portfolio));
      if (existing.length > 0) {
        setGeneration({ status: "asking", existing });
        return;
      }
    } catch (error) {
      setGeneration({ status: "error", error });
      return;
    }
    await run(false);
  }, [port, lang, run, scored.portfolio]);

  const cancel = useCallback(() => {
    cancelRef.current = true;
    setGeneration((g) => (g.status === "asking" ? { status: "cancelled" } : g));
  }, []);

  return {
    step,
    setStep,
    sheets,
    sourceRef,
    chooseSource,
    defaultSheet,
    combineOpen,
    openCombine,
    combineTicked,
    tickCombine,
    combine,
    reload: () => read(sourceRef),
    table,
    reading,
    readFailure,
    shape,
    setShape,
    overrides,
    setMapping,
    periodsChoice,
    setPeriods,
    resetMapping,
    referenceDate,
    setReferenceDate,
    imported,
    canContinue,
    availability,
    selected,
    toggleMethod,
    thresholds,
    setThresholds,
    capital,
    setCapital,
    changeShare,
    scored,
    growth,
    setGrowth,
    chosenActions,
    chooseAction,
    objectives,
    journal,
    fidelity,
    familyTypes,
    setFamilyTypes,
    generation,
    generate,
    confirmGenerate: (replace: boolean) => run(replace),
    cancel,
  };
}

export type Wizard = ReturnType<typeof useWizard>;
