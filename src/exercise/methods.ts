import {
  contactCapital,
  contactNeed,
  ELASTICITY_READING_LABEL,
  QUADRANT_LABEL,
  repsNeeded,
  rfmSegment,
  type AbcClass,
  type ElasticityReading,
} from "../engine";
import type { PrTarget } from "../engine/penetration";
import { label, type Lang } from "../i18n";
import type { ImportedClient } from "../io/client";
import { cellAddress, textLiteral } from "../plan/cells";
import { segmentLabelKey, targetLabelKey } from "../plan/labels";
import {
  abcClassFormula,
  ABC_POSITIVE,
  cumulativeShareFormula,
  positiveTotal,
  prCodeFormula,
  prTargetFormula,
  quarterRankFormula,
  rankFormula,
  shareFormula,
  sumGreater,
  sumsGreater,
  tiesToHere,
  type RankedSet,
} from "../plan/liveFormulas";
import type { ScoredClient, ScoredPortfolio } from "../plan/score";
import { FORMATS } from "../plan/styles";
import type { PlanValue } from "../plan/types";
import { Geometry, type AnswerColumn, type ExerciseMethod, type MethodSheet, type Question } from "./model";
import { exerciseText, num, pct, type ExerciseKey } from "./text";

/** The capacity case of the course: the capital's parameters and client segments with their yearly norms. */
export interface CapitalCase {
  readonly weeks: number;
  readonly daysPerWeek: number;
  readonly contactsPerDay: number;
  readonly segments: readonly { readonly label: string; readonly clients: number; readonly norm: number }[];
}

/** What an exercise is made from: a client table scored by the engine, and/or a capacity case. */
export interface ExerciseData {
  readonly title: string;
  /** Where the data come from (a textbook page, a file): printed on both books. */
  readonly source?: string;
  /** The clients as read, in the order of `portfolio.clients` (the RFM and elasticity inputs are here). */
  readonly clients: readonly ImportedClient[];
  readonly portfolio?: ScoredPortfolio;
  /** The capacity case; without it, the capital method uses the portfolio's ABC classes and norms. */
  readonly capital?: CapitalCase;
}

/** A method sheet, or why the method cannot be asked on these data. */
export type MethodResult = MethodSheet | { readonly method: ExerciseMethod; readonly reason: ExerciseKey };

const EPS = "0.000000001";

/** Sums from the largest down, like the engine (so cached totals are the engine's to the last bit). */
function sumDown(values: readonly number[]): number {
  return [...values].sort((x, y) => y - x).reduce((acc, x) => acc + x, 0);
}

function q(kind: Question["kind"], expected: number | string, formula: string, format?: string): Question {
  return format === undefined ? { kind, expected, formula } : { kind, expected, formula, format };
}

function idColumns(rows: readonly ScoredClient[], lang: Lang): MethodSheet["data"] {
  return [
    { header: exerciseText("col.id", lang), width: 10, values: rows.map((c) => c.id) },
    { header: exerciseText("col.name", lang), width: 24, values: rows.map((c) => c.name ?? null) },
  ];
}

function customers(data: ExerciseData): ScoredClient[] {
  return (data.portfolio?.clients ?? []).filter((c) => !c.isProspect);
}

function sheetOf(method: ExerciseMethod, lang: Lang): Pick<MethodSheet, "method" | "sheet" | "title" | "task"> {
  return {
    method,
    sheet: exerciseText(`sheet.${method}` as ExerciseKey, lang),
    title: exerciseText(`title.${method}` as ExerciseKey, lang),
    task: exerciseText(`task.${method}` as ExerciseKey, lang),
  };
}

/** ABC (SPEC §2): total, rank, share, cumulative share and class, with the clients' CA ahead as the corrigé's helper. */
function abcSheet(data: ExerciseData, lang: Lang): MethodResult {
  const rows = customers(data).filter((c) => c.abc !== undefined);
  if (rows.length === 0) return { method: "abc", reason: "reason.no_ca" };
  if ((data.portfolio?.abc?.mode ?? "amount") !== "amount") return { method: "abc", reason: "reason.abc_mode" };
  const thresholds = data.portfolio?.abc?.thresholds ?? ([0.8, 0.95] as const);
  const geo = new Geometry(3, rows.length, 3);
  const caCol = 2;
  const set: RankedSet = { amounts: geo.column(caCol), filters: [] };
  const [a, b, total] = [geo.paramRef(0), geo.paramRef(1), geo.paramRef(2)];
  const amounts = rows.map((c) => c.ca as number);
  const totalValue = sumDown(amounts.filter((x) => x >= ABC_POSITIVE));
  const aheadOf = sumsGreater(amounts);
  const aheadCol = geo.answerCol(4);
  const cells = rows.map((c, i) => {
    const ca = geo.cell(caCol, i);
    const ahead = geo.cell(aheadCol, i);
    const ties = tiesToHere(geo.columnToHere(caCol, i), ca, []);
    const abc = c.abc as NonNullable<ScoredClient["abc"]>;
    return [
      q("integer", abc.rank, rankFormula(set, ca, ties), FORMATS.integer),
      q("share", abc.share, shareFormula(ca, total), FORMATS.percent),
      q("share", abc.cumulativeShare, cumulativeShareFormula(ca, ahead, ties, total), FORMATS.percent),
      q("text", abc.cls, abcClassFormula(ca, ahead, total, a, b)),
    ];
  });
  const header = (k: ExerciseKey): string => exerciseText(k, lang);
  const answers: AnswerColumn[] = [
    { header: header("col.rank"), width: 7, cells: cells.map((r) => r[0]) },
    { header: header("col.share"), width: 10, cells: cells.map((r) => r[1]) },
    { header: header("col.cumulative"), width: 11, cells: cells.map((r) => r[2]) },
    { header: header("col.abc"), width: 9, cells: cells.map((r) => r[3]) },
  ];
  const tA = pct(thresholds[0], lang);
  const tB = pct(thresholds[1], lang);
  const why = rows.map((c) => {
    const abc = c.abc as NonNullable<ScoredClient["abc"]>;
    const ahead = amounts.filter((x) => x > (c.ca as number)).length;
    const parts = [exerciseText("why.abc.rank", lang, { rank: abc.rank, ahead_n: ahead })];
    if ((c.ca as number) < ABC_POSITIVE) {
      parts.push(exerciseText("why.abc.zero", lang));
    } else {
      parts.push(exerciseText("why.abc.share", lang, { ca: c.ca as number, total: totalValue, share: pct(abc.share, lang), cumulative: pct(abc.cumulativeShare, lang) }));
      const before = pct(aheadOf(c.ca as number) / totalValue, lang);
      parts.push(exerciseText(`why.abc.${abc.cls}` as ExerciseKey, lang, { a: tA, b: tB, before }));
    }
    return parts.join(" ");
  });
  const sorted = rows.map((c, i) => ({ c, i })).sort((x, y) => (x.c.abc as NonNullable<ScoredClient["abc"]>).rank - (y.c.abc as NonNullable<ScoredClient["abc"]>).rank);
  return {
    ...sheetOf("abc", lang),
    params: [
      { label: header("param.threshold_a"), given: thresholds[0], format: FORMATS.percent },
      { label: header("param.threshold_b"), given: thresholds[1], format: FORMATS.percent },
      {
        label: header("param.total_ca"),
        question: q("amount", totalValue, positiveTotal(set, ABC_POSITIVE), FORMATS.euro),
        why: exerciseText("why.total", lang, { total: totalValue }),
      },
    ],
    data: [...idColumns(rows, lang), { header: header("col.ca"), width: 12, format: FORMATS.euro, values: amounts }],
    answers,
    helpers: [
      {
        header: header("col.ahead"),
        width: 13,
        format: FORMATS.euro,
        values: rows.map((c, i) => ({ formula: sumGreater(set, geo.cell(caCol, i)), result: aheadOf(c.ca as number) })),
      },
    ],
    why,
    footer: [],
    pareto: {
      labels: sorted.map(({ c }) => c.id),
      amounts: sorted.map(({ c }) => c.ca as number),
      cumulative: sorted.map(({ c }) => (c.abc as NonNullable<ScoredClient["abc"]>).cumulativeShare),
    },
  };
}

/** The rank sentence of R or P. */
function rankWhy(name: string, amount: number, before: number, rank: number, lang: Lang): string {
  if (amount <= 0) return exerciseText("why.rank.zero", lang, { rank_name: name });
  const capped = Math.floor(before / 0.25) + 1 > 4;
  return exerciseText(capped ? "why.rank.capped" : "why.rank", lang, { rank_name: name, before: pct(before, lang), rank });
}

/**
 * R and P (SPEC §3), and with `pr` the P-R code, gap and target (§4). The ranks are read among the table's rows:
 * every client with a CA must have a potential, so the sets are the engine's.
 */
function rankSheet(data: ExerciseData, lang: Lang, method: "rp" | "pr"): MethodResult {
  const all = customers(data).filter((c) => c.r !== undefined);
  if (all.length === 0) return { method, reason: "reason.no_ca" };
  if (all.some((c) => c.p === undefined || c.pr === undefined)) return { method, reason: "reason.no_potential" };
  const rows = all;
  const geo = new Geometry(2, rows.length, 4);
  const caSet: RankedSet = { amounts: geo.column(2), filters: [] };
  const potSet: RankedSet = { amounts: geo.column(3), filters: [] };
  const totalR = geo.paramRef(0);
  const totalP = geo.paramRef(1);
  const cas = rows.map((c) => c.ca as number);
  const pots = rows.map((c) => c.potential as number);
  const totalCa = sumDown(cas.filter((x) => x > 0));
  const totalPot = sumDown(pots.filter((x) => x > 0));
  const aheadCa = sumsGreater(cas);
  const aheadPot = sumsGreater(pots);
  const header = (k: ExerciseKey): string => exerciseText(k, lang);
  const targetLabels = { develop: label(targetLabelKey("develop"), lang), maintain: label(targetLabelKey("maintain"), lang), secure: label(targetLabelKey("secure"), lang) };
  // Column order: rp asks R then P; pr asks P then R (the code reads "P1-R3"), then code, gap, target.
  const rCol = geo.answerCol(method === "rp" ? 0 : 1);
  const pCol = geo.answerCol(method === "rp" ? 1 : 0);
  const cells = rows.map((c, i) => {
    const ca = geo.cell(2, i);
    const pot = geo.cell(3, i);
    const rQ = q("integer", (c.r as NonNullable<ScoredClient["r"]>).rank, quarterRankFormula(ca, sumGreater(caSet, ca), totalR));
    const pQ = q("integer", (c.p as NonNullable<ScoredClient["p"]>).rank, quarterRankFormula(pot, sumGreater(potSet, pot), totalP));
    if (method === "rp") return [rQ, pQ];
    const pr = c.pr as NonNullable<ScoredClient["pr"]>;
    const r = geo.cell(rCol, i);
    const p = geo.cell(pCol, i);
    const gap = geo.cell(geo.answerCol(3), i);
    return [
      pQ,
      rQ,
      q("text", pr.code, prCodeFormula(p, r)),
      q("integer", pr.gap, `${r}-${p}`, FORMATS.signed),
      q("text", label(targetLabelKey(pr.target), lang), prTargetFormula(gap, targetLabels)),
    ];
  });
  const names = method === "rp" ? ["col.r", "col.p"] : ["col.p", "col.r", "col.pr_code", "col.gap", "col.target"];
  const widths = method === "rp" ? [6, 6] : [6, 6, 10, 10, 13];
  const answers: AnswerColumn[] = names.map((k, j) => ({ header: header(k as ExerciseKey), width: widths[j], cells: cells.map((r) => r[j]) }));
  const why = rows.map((c) => {
    const r = (c.r as NonNullable<ScoredClient["r"]>).rank;
    const p = (c.p as NonNullable<ScoredClient["p"]>).rank;
    const parts = [
      rankWhy("R", c.ca as number, totalCa > 0 ? aheadCa(c.ca as number) / totalCa : 0, r, lang),
      rankWhy("P", c.potential as number, totalPot > 0 ? aheadPot(c.potential as number) / totalPot : 0, p, lang),
    ];
    if (method === "pr") {
      const pr = c.pr as NonNullable<ScoredClient["pr"]>;
      parts.push(exerciseText("why.pr", lang, { p: pr.p, r: pr.r, gap: pr.gap > 0 ? `+${pr.gap}` : String(pr.gap) }));
      parts.push(exerciseText(`why.pr.${pr.target as PrTarget}` as ExerciseKey, lang));
    }
    return parts.join(" ");
  });
  return {
    ...sheetOf(method, lang),
    params: [
      { label: header("param.total_ca"), question: q("amount", totalCa, positiveTotal(caSet), FORMATS.euro), why: exerciseText("why.total", lang, { total: totalCa }) },
      { label: header("param.total_potential"), question: q("amount", totalPot, positiveTotal(potSet), FORMATS.euro), why: exerciseText("why.total", lang, { total: totalPot }) },
    ],
    data: [
      ...idColumns(rows, lang),
      { header: header("col.ca"), width: 12, format: FORMATS.euro, values: cas },
      { header: header("col.potential"), width: 12, format: FORMATS.euro, values: pots },
    ],
    answers,
    helpers: [],
    why,
    footer: [],
  };
}

/** The RFM score formula of rank mode with 5 classes (SPEC §1): `better` is ">" for recency, "<" otherwise. */
function rfmScoreFormula(range: string, x: string, better: ">" | "<"): string {
  return `IF(COUNT(${range})=1,5,MIN(5,1+INT(COUNTIF(${range},"${better}"&${x})/(COUNT(${range})-1)*5+${EPS})))`;
}

/** RFM (SPEC §1, rank mode, 5 classes): the three scores, the code, the sum and the segment read in the course's grid. */
function rfmSheet(data: ExerciseData, lang: Lang): MethodResult {
  const rows = customers(data).filter((c) => c.rfm !== undefined && c.rfm.segment !== undefined);
  if (rows.length === 0) return { method: "rfm", reason: "reason.no_rfm" };
  const source = rows.map((c) => data.clients[c.index]);
  const geo = new Geometry(0, rows.length, 5);
  const header = (k: ExerciseKey): string => exerciseText(k, lang);
  // The segment grid below the table: a title row, a header row (F 1..5), then R = 5 down to R = 1.
  const gridTop = geo.footerRow(0);
  const grid = `${cellAddress(gridTop + 2, 1)}:${cellAddress(gridTop + 6, 5)}`;
  const [recency, frequency, monetary] = [geo.column(2), geo.column(3), geo.column(4)];
  const cells = rows.map((c, i) => {
    const rfm = c.rfm as NonNullable<ScoredClient["rfm"]>;
    const [r, f, m] = [geo.cell(geo.answerCol(0), i), geo.cell(geo.answerCol(1), i), geo.cell(geo.answerCol(2), i)];
    return [
      q("integer", rfm.r, rfmScoreFormula(recency, geo.cell(2, i), ">")),
      q("integer", rfm.f, rfmScoreFormula(frequency, geo.cell(3, i), "<")),
      q("integer", rfm.m, rfmScoreFormula(monetary, geo.cell(4, i), "<")),
      q("text", rfm.code, `${r}&${f}&${m}`),
      q("integer", rfm.sum, `${r}+${f}+${m}`),
      q("text", label(segmentLabelKey(rfm.segment as NonNullable<typeof rfm.segment>), lang), `INDEX(${grid},6-${r},${f})`),
    ];
  });
  const names: ExerciseKey[] = ["col.rfm_r", "col.rfm_f", "col.rfm_m", "col.rfm_code", "col.rfm_sum", "col.segment"];
  const widths = [7, 7, 7, 9, 9, 22];
  const answers: AnswerColumn[] = names.map((k, j) => ({ header: header(k), width: widths[j], cells: cells.map((r) => r[j]) }));
  const n = rows.length;
  const rec = source.map((c) => c.recencyDays as number);
  const fre = source.map((c) => c.frequency as number);
  const mon = source.map((c) => c.monetary as number);
  const why = rows.map((c, i) => {
    const rfm = c.rfm as NonNullable<ScoredClient["rfm"]>;
    const segment = label(segmentLabelKey(rfm.segment as NonNullable<typeof rfm.segment>), lang);
    const tail = exerciseText("why.rfm.code", lang, { code: rfm.code, r: rfm.r, f: rfm.f, m: rfm.m, sum: rfm.sum, segment });
    if (n === 1) return `${exerciseText("why.rfm.single", lang)} ${tail}`;
    const line = (key: ExerciseKey, count: number, score: number): string => {
      const p = count / (n - 1);
      return exerciseText(key, lang, { count, others: n - 1, p: num(p, lang), p5: num(p * 5, lang), score });
    };
    return [
      line("why.rfm.r", rec.filter((v) => v > rec[i]).length, rfm.r),
      line("why.rfm.f", fre.filter((v) => v < fre[i]).length, rfm.f),
      line("why.rfm.m", mon.filter((v) => v < mon[i]).length, rfm.m),
      tail,
    ].join(" ");
  });
  const gridRows: PlanValue[][] = [["R \\ F", 1, 2, 3, 4, 5]];
  for (let r = 5; r >= 1; r--) gridRows.push([r, ...[1, 2, 3, 4, 5].map((f) => label(segmentLabelKey(rfmSegment(r, f)), lang))]);
  return {
    ...sheetOf("rfm", lang),
    params: [],
    data: [
      ...idColumns(rows, lang),
      { header: header("col.recency"), width: 10, values: rec },
      { header: header("col.frequency"), width: 10, values: fre },
      { header: header("col.monetary"), width: 11, format: FORMATS.euro, values: mon },
    ],
    answers,
    helpers: [],
    why,
    footer: [],
    grid: { title: header("rfm.grid"), rows: gridRows },
  };
}

/** The contact profitability matrix (SPEC §6), split at the medians (« haut » = strictly above). */
function contactsSheet(data: ExerciseData, lang: Lang): MethodResult {
  const rows = customers(data).filter((c) => c.contacts !== undefined);
  const splits = data.portfolio?.splits;
  if (rows.length === 0 || !splits) return { method: "contacts", reason: "reason.no_contacts" };
  const geo = new Geometry(2, rows.length, 4);
  const header = (k: ExerciseKey): string => exerciseText(k, lang);
  const contacts = rows.map((c) => data.clients[c.index].contacts as number);
  const cas = rows.map((c) => c.ca as number);
  const [medC, medCa] = [geo.paramRef(0), geo.paramRef(1)];
  const q4 = (k: "golden_goose" | "contact_eater" | "cash_cow" | "skeleton"): string => textLiteral(label(QUADRANT_LABEL[k], lang));
  const cells = rows.map((c, i) => {
    const x = geo.cell(2, i);
    const ca = geo.cell(3, i);
    const quadrant = (c.contacts as NonNullable<ScoredClient["contacts"]>).quadrant;
    return q("text", label(QUADRANT_LABEL[quadrant], lang), `IF(${x}>${medC},IF(${ca}>${medCa},${q4("golden_goose")},${q4("contact_eater")}),IF(${ca}>${medCa},${q4("cash_cow")},${q4("skeleton")}))`);
  });
  const rel = (high: boolean): string => exerciseText(high ? "why.contacts.above" : "why.contacts.not_above", lang);
  const why = rows.map((c, i) => {
    const m = c.contacts as NonNullable<ScoredClient["contacts"]>;
    return exerciseText("why.contacts", lang, {
      contacts: contacts[i],
      contacts_rel: rel(m.contactsHigh),
      median_contacts: num(splits.contacts, lang),
      ca: cas[i],
      ca_rel: rel(m.amountHigh),
      median_ca: splits.amounts,
      quadrant: label(QUADRANT_LABEL[m.quadrant], lang),
    });
  });
  return {
    ...sheetOf("contacts", lang),
    params: [
      {
        label: header("param.median_contacts"),
        question: q("decimal1", splits.contacts, `MEDIAN(${geo.column(2)})`, "0.0"),
        why: exerciseText("why.contacts.median", lang, { n: rows.length, value: num(splits.contacts, lang) }),
      },
      {
        label: header("param.median_ca"),
        question: q("amount", splits.amounts, `MEDIAN(${geo.column(3)})`, FORMATS.euro),
        why: exerciseText("why.contacts.median", lang, { n: rows.length, value: num(splits.amounts, lang) }),
      },
    ],
    data: [
      ...idColumns(rows, lang),
      { header: header("col.contacts"), width: 10, values: contacts },
      { header: header("col.ca"), width: 12, format: FORMATS.euro, values: cas },
    ],
    answers: [{ header: header("col.quadrant"), width: 22, cells }],
    helpers: [],
    why,
    footer: [],
  };
}

/** Elasticity (SPEC §5) of the clients that have one: the two changes, the coefficient and its reading. */
function elasticitySheet(data: ExerciseData, lang: Lang): MethodResult {
  const rows = customers(data).filter((c) => c.elasticity !== undefined);
  if (rows.length === 0) return { method: "elasticity", reason: "reason.no_elasticity" };
  const geo = new Geometry(0, rows.length, 6);
  const header = (k: ExerciseKey): string => exerciseText(k, lang);
  const src = rows.map((c) => {
    const i = data.clients[c.index];
    const p = i.periods as readonly number[];
    return { caBefore: p[p.length - 2], caAfter: p[p.length - 1], cBefore: i.contactsBefore as number, cAfter: i.contacts as number };
  });
  const readings = (r: ElasticityReading): string => textLiteral(label(ELASTICITY_READING_LABEL[r], lang));
  const cells = rows.map((c, i) => {
    const [ca1, ca2, c1, c2] = [2, 3, 4, 5].map((k) => geo.cell(k, i));
    const [vCa, vC, e] = [0, 1, 2].map((j) => geo.cell(geo.answerCol(j), i));
    const s = src[i];
    const el = c.elasticity as NonNullable<ScoredClient["elasticity"]>;
    return [
      q("share", (s.caAfter - s.caBefore) / s.caBefore, `(${ca2}-${ca1})/${ca1}`, FORMATS.percent),
      q("share", (s.cAfter - s.cBefore) / s.cBefore, `(${c2}-${c1})/${c1}`, FORMATS.percent),
      q("decimal2", el.value, `${vCa}/${vC}`, FORMATS.decimal2),
      q(
        "text",
        label(ELASTICITY_READING_LABEL[el.reading], lang),
        `IF(ABS(${e})<=${EPS},${readings("inelastic")},IF(${e}<0,${readings("inverse")},IF(${e}>=1-${EPS},${readings("elastic")},${readings("low")})))`,
      ),
    ];
  });
  const names: ExerciseKey[] = ["col.var_ca", "col.var_contacts", "col.elasticity", "col.reading"];
  const widths = [11, 11, 10, 16];
  const answers: AnswerColumn[] = names.map((k, j) => ({ header: header(k), width: widths[j], cells: cells.map((r) => r[j]) }));
  const why = rows.map((c, i) => {
    const s = src[i];
    const el = c.elasticity as NonNullable<ScoredClient["elasticity"]>;
    const first = exerciseText("why.elasticity", lang, {
      ca_before: s.caBefore,
      ca_after: s.caAfter,
      var_ca: pct((s.caAfter - s.caBefore) / s.caBefore, lang),
      c_before: s.cBefore,
      c_after: s.cAfter,
      var_c: pct((s.cAfter - s.cBefore) / s.cBefore, lang),
      e: num(el.value, lang),
    });
    return `${first} ${exerciseText(`why.elasticity.${el.reading}` as ExerciseKey, lang)}`;
  });
  return {
    ...sheetOf("elasticity", lang),
    params: [],
    data: [
      ...idColumns(rows, lang),
      { header: header("col.ca_before"), width: 11, format: FORMATS.euro, values: src.map((s) => s.caBefore) },
      { header: header("col.ca_after"), width: 11, format: FORMATS.euro, values: src.map((s) => s.caAfter) },
      { header: header("col.contacts_before"), width: 9, values: src.map((s) => s.cBefore) },
      { header: header("col.contacts_after"), width: 9, values: src.map((s) => s.cAfter) },
    ],
    answers,
    helpers: [],
    why,
    footer: [],
  };
}

const CLASSES: readonly AbcClass[] = ["A", "B", "C"];

/** The capacity case of a scored portfolio: its capital's parameters and its ABC classes with their norms. */
export function portfolioCapitalCase(portfolio: ScoredPortfolio, lang: Lang): CapitalCase {
  return {
    weeks: portfolio.capital.input.weeks,
    daysPerWeek: portfolio.capital.input.daysPerWeek,
    contactsPerDay: portfolio.capital.input.contactsPerDay,
    segments: CLASSES.filter((k) => portfolio.classes[k].clients > 0).map((k) => ({
      label: exerciseText("segment.class", lang, { cls: k }),
      clients: portfolio.classes[k].clients,
      norm: portfolio.norms[k],
    })),
  };
}

/** The contact capital and the reps (SPEC §8): capital, need per segment, total need, need ÷ capital, reps. */
function capitalSheet(data: ExerciseData, lang: Lang): MethodResult {
  const c = data.capital ?? (data.portfolio && customers(data).some((x) => x.abc) ? portfolioCapitalCase(data.portfolio, lang) : undefined);
  if (!c || c.segments.length === 0) return { method: "capital", reason: "reason.no_ca" };
  const geo = new Geometry(4, c.segments.length, 3);
  const header = (k: ExerciseKey): string => exerciseText(k, lang);
  const capital = contactCapital({ weeks: c.weeks, daysPerWeek: c.daysPerWeek, contactsPerDay: c.contactsPerDay });
  const need = contactNeed(c.segments.map((s) => ({ clients: s.clients, norm: s.norm })));
  const ratio = capital > 0 ? need / capital : 0;
  const reps = capital > 0 ? repsNeeded(need, capital) : undefined;
  const capitalRef = geo.paramRef(3);
  const needCol = geo.answerCol(0);
  const needRef = geo.footerRef(0);
  const cells = c.segments.map((s, i) => q("integer", s.clients * s.norm, `${geo.cell(1, i)}*${geo.cell(2, i)}`, FORMATS.integer));
  const terms = c.segments.map((s) => `${num(s.clients, lang)} × ${s.norm}`).join(" + ");
  return {
    ...sheetOf("capital", lang),
    params: [
      { label: header("param.weeks"), given: c.weeks },
      { label: header("param.days"), given: c.daysPerWeek },
      { label: header("param.per_day"), given: c.contactsPerDay },
      {
        label: header("param.capital"),
        question: q("integer", capital, `${geo.paramRef(0)}*${geo.paramRef(1)}*${geo.paramRef(2)}`, FORMATS.integer),
        why: exerciseText("why.capital.capital", lang, { weeks: c.weeks, days: c.daysPerWeek, per_day: c.contactsPerDay, capital }),
      },
    ],
    data: [
      { header: header("col.segment_name"), width: 22, values: c.segments.map((s) => s.label) },
      { header: header("col.clients"), width: 10, values: c.segments.map((s) => s.clients) },
      { header: header("col.norm"), width: 12, values: c.segments.map((s) => s.norm) },
    ],
    answers: [{ header: header("col.need"), width: 12, cells }],
    helpers: [],
    why: c.segments.map((s) => exerciseText("why.capital.segment", lang, { clients: s.clients, norm: s.norm, need: s.clients * s.norm })),
    footer: [
      { label: header("param.need_total"), question: q("integer", need, `SUM(${geo.column(needCol)})`, FORMATS.integer), why: exerciseText("why.capital.need", lang, { terms, need }) },
      {
        label: header("param.ratio"),
        question: q("decimal1", ratio, `${needRef}/${capitalRef}`, "0.0"),
        why: exerciseText("why.capital.ratio", lang, { need, capital, ratio: num(ratio, lang, 1) }),
      },
      ...(reps !== undefined
        ? [
            {
              label: header("param.reps"),
              question: q("integer", reps, `ROUNDUP(${needRef}/${capitalRef},0)`, FORMATS.integer),
              why: exerciseText("why.capital.reps", lang, { ratio: num(ratio, lang, 1), reps }),
            },
          ]
        : []),
    ],
  };
}

/**
 * The most clients an exercise's table takes: a class exercise is read and typed by hand, and the corrigé's
 * formulas (like the Cibles sheet's) scan the whole column on every row.
 */
export const MAX_EXERCISE_CLIENTS = 1000;

/**
 * The sheets of the methods asked, in the order of `EXERCISE_METHODS`, and the methods left out with their
 * reason. `pr` asks the ranks R and P too: with both, `rp` is left out (its questions would be asked twice).
 */
export function methodSheets(data: ExerciseData, methods: readonly ExerciseMethod[], lang: Lang): { sheets: MethodSheet[]; skipped: { method: ExerciseMethod; reason: ExerciseKey }[] } {
  const sheets: MethodSheet[] = [];
  const skipped: { method: ExerciseMethod; reason: ExerciseKey }[] = [];
  const wanted = new Set(methods);
  const tooMany = customers(data).length > MAX_EXERCISE_CLIENTS;
  let prDone = false;
  for (const method of ["abc", "pr", "rp", "rfm", "contacts", "elasticity", "capital"] as const) {
    if (!wanted.has(method)) continue;
    if (method === "rp" && prDone) continue;
    // The capacity case works on class counts, whatever the number of clients.
    const result: MethodResult = tooMany && method !== "capital" ? { method, reason: "reason.too_many" } : build(method, data, lang);
    if ("reason" in result) skipped.push(result);
    else {
      sheets.push(result);
      if (method === "pr") prDone = true;
    }
  }
  return { sheets, skipped };
}

function build(method: ExerciseMethod, data: ExerciseData, lang: Lang): MethodResult {
  switch (method) {
    case "abc":
      return abcSheet(data, lang);
    case "rp":
    case "pr":
      return rankSheet(data, lang, method);
    case "rfm":
      return rfmSheet(data, lang);
    case "contacts":
      return contactsSheet(data, lang);
    case "elasticity":
      return elasticitySheet(data, lang);
    case "capital":
      return capitalSheet(data, lang);
  }
}
