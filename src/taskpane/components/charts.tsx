import { makeStyles, tokens } from "@fluentui/react-components";
import type { ScoredClient } from "../../plan/score";

const useStyles = makeStyles({
  svg: { width: "100%", height: "auto", display: "block", fontFamily: tokens.fontFamilyBase },
  matrix: { maxWidth: "320px" },
  pareto: { maxWidth: "30rem" },
  bar: { fill: tokens.colorBrandBackground },
  barB: { fill: tokens.colorBrandBackground2Pressed },
  barC: { fill: tokens.colorNeutralStroke1 },
  line: { fill: "none", stroke: tokens.colorPaletteRedBorderActive, strokeWidth: "2px" },
  guide: { stroke: tokens.colorNeutralStroke2, strokeDasharray: "4 3", strokeWidth: "1px" },
  axis: { stroke: tokens.colorNeutralStroke1, strokeWidth: "1px" },
  text: { fill: tokens.colorNeutralForeground2, fontSize: "10px" },
  count: { fill: tokens.colorNeutralForeground1, fontSize: "13px", fontWeight: tokens.fontWeightSemibold },
  develop: { fill: tokens.colorPaletteGreenBackground2, stroke: tokens.colorNeutralBackground1, strokeWidth: "2px" },
  maintain: { fill: tokens.colorPaletteBlueBackground2, stroke: tokens.colorNeutralBackground1, strokeWidth: "2px" },
  secure: { fill: tokens.colorPaletteDarkOrangeBackground2, stroke: tokens.colorNeutralBackground1, strokeWidth: "2px" },
});

const W = 320;
const H = 170;
const PAD = { left: 30, right: 30, top: 10, bottom: 22 };
/** Bars drawn at most; beyond, the tail is one bar per group of clients (the curve keeps every point). */
const MAX_BARS = 120;

export interface ParetoChartProps {
  readonly clients: readonly ScoredClient[];
  /** Accessible name and description. */
  readonly title: string;
  readonly description: string;
}

/**
 * Pareto chart of the ABC result: one bar per client (CA, largest first, coloured by class) and the cumulative
 * share of CA as a line on the 0–100 % right axis, with the 80 % guide.
 */
export function ParetoChart({ clients, title, description }: ParetoChartProps) {
  const styles = useStyles();
  const ranked = clients.filter((c) => c.abc && c.ca !== undefined).sort((a, b) => (a.abc?.rank ?? 0) - (b.abc?.rank ?? 0));
  const n = ranked.length;
  const plotW = W - PAD.left - PAD.right;
  const plotH = H - PAD.top - PAD.bottom;
  const max = Math.max(0, ...ranked.map((c) => c.ca ?? 0));
  const group = Math.max(1, Math.ceil(n / MAX_BARS));
  const bars: { x: number; w: number; h: number; cls: string }[] = [];
  for (let start = 0; start < n; start += group) {
    const slice = ranked.slice(start, start + group);
    const value = Math.max(...slice.map((c) => Math.max(0, c.ca ?? 0)));
    const h = max > 0 ? (value / max) * plotH : 0;
    bars.push({ x: PAD.left + (start / n) * plotW, w: Math.max(0.5, (slice.length / n) * plotW - 0.5), h, cls: slice[0].abc?.cls ?? "C" });
  }
  const points = ranked.map((c, i) => {
    const x = PAD.left + ((i + 1) / n) * plotW;
    const y = PAD.top + plotH - (c.abc?.cumulativeShare ?? 0) * plotH;
    return `${x.toFixed(1)},${y.toFixed(1)}`;
  });
  const y80 = PAD.top + plotH * 0.2;
  return (
    <svg className={`${styles.svg} ${styles.pareto}`} viewBox={`0 0 ${W} ${H}`} role="img" aria-label={title} aria-description={description}>
      {bars.map((b, k) => (
        <rect
          key={k}
          x={b.x}
          y={PAD.top + plotH - b.h}
          width={b.w}
          height={b.h}
          className={b.cls === "A" ? styles.bar : b.cls === "B" ? styles.barB : styles.barC}
        />
      ))}
      <line x1={PAD.left} x2={W - PAD.right} y1={y80} y2={y80} className={styles.guide} />
      <text x={W - PAD.right + 3} y={y80 + 3} className={styles.text}>
        80 %
      </text>
      <text x={W - PAD.right + 3} y={PAD.top + 6} className={styles.text}>
        100 %
      </text>
      {n > 0 && <polyline points={`${PAD.left},${PAD.top + plotH} ${points.join(" ")}`} className={styles.line} />}
      <line x1={PAD.left} x2={W - PAD.right} y1={PAD.top + plotH} y2={PAD.top + plotH} className={styles.axis} />
      <line x1={PAD.left} x2={PAD.left} y1={PAD.top} y2={PAD.top + plotH} className={styles.axis} />
      <text x={PAD.left} y={H - 6} className={styles.text}>
        1
      </text>
      <text x={W - PAD.right} y={H - 6} textAnchor="end" className={styles.text}>
        {n}
      </text>
    </svg>
  );
}

export interface PrMatrixProps {
  readonly clients: readonly ScoredClient[];
  readonly title: string;
  readonly description: string;
  readonly axisP: string;
  readonly axisR: string;
}

/**
 * The 4 × 4 P-R matrix: clients counted per P rank (rows) and R rank (columns), P1-R1 top left, coloured by
 * target — the orientation of the PAC sheet's grid (SPEC §9).
 */
export function PrMatrix({ clients, title, description, axisP, axisR }: PrMatrixProps) {
  const styles = useStyles();
  const counts = Array.from({ length: 4 }, () => [0, 0, 0, 0]);
  for (const c of clients) if (c.pr) counts[c.pr.p - 1][c.pr.r - 1]++;
  const size = 44;
  const left = 44;
  const top = 34;
  const width = left + size * 4 + 8;
  const height = top + size * 4 + 8;
  return (
    <svg className={`${styles.svg} ${styles.matrix}`} viewBox={`0 0 ${width} ${height}`} role="img" aria-label={title} aria-description={description}>
      {counts.map((row, p) =>
        row.map((n, r) => {
          const gap = r - p;
          const cls = gap >= 1 ? styles.develop : gap === 0 ? styles.maintain : styles.secure;
          const x = left + r * size;
          const y = top + p * size;
          return (
            <g key={`${p}-${r}`}>
              <rect x={x} y={y} width={size} height={size} className={cls}>
                <title>{`P${p + 1}-R${r + 1} : ${n}`}</title>
              </rect>
              <text x={x + size / 2} y={y + size / 2 + 5} textAnchor="middle" className={styles.count}>
                {n}
              </text>
            </g>
          );
        }),
      )}
      {[0, 1, 2, 3].map((k) => (
        <g key={k}>
          <text x={left + k * size + size / 2} y={top - 6} textAnchor="middle" className={styles.text}>
            {`R${k + 1}`}
          </text>
          <text x={left - 6} y={top + k * size + size / 2 + 4} textAnchor="end" className={styles.text}>
            {`P${k + 1}`}
          </text>
        </g>
      ))}
      <text x={left + 2 * size} y={12} textAnchor="middle" className={styles.text}>
        {axisR}
      </text>
      <text x={10} y={top + 2 * size} textAnchor="middle" transform={`rotate(-90 10 ${top + 2 * size})`} className={styles.text}>
        {axisP}
      </text>
    </svg>
  );
}
