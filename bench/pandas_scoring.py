"""The PAC Commercial scoring written with pandas, for bench/engine.bench.ts to compare against.

Usage: /usr/bin/python3 bench/pandas_scoring.py DIR [RUNS]

DIR holds recency.f64, frequency.f64, monetary.f64 and potential.f64 (little-endian float64, one value per
client). The same SPEC methods as the engine, in idiomatic vectorised pandas/numpy:
  - RFM quintiles from rank percentiles: p = (rank(method="min") - 1) / (n - 1), recency ranked descending,
    score = min(5, 1 + floor(5 p + 1e-9)); code, weighted sum and segment by table look-up;
  - ABC by cumulative share: stable descending sort, cumsum of the positive amounts, "before" of the first of
    each run of ties, A < 80 % <= B < 95 % <= C, plus rank, share and cumulative share;
  - interquartile ranks R (realised) and P (potential): min(4, floor(before / 25 %) + 1), <= 0 -> 4;
  - P-R codes, gap, target and penetration rate (the ranks computed above are reused, not recomputed).
Only the scoring is timed (best of RUNS after a warm-up), not the load. Prints one JSON line of timings and
writes DIR/scores.u8 (R, F, M, ABC 0/1/2, R quarter, P quarter; one byte per client each) for the check.
"""

import json
import os
import platform
import sys
import time

try:
    import numpy as np
    import pandas as pd
except ImportError as e:  # the bench prints this line as the reason
    print(f"pandas is not installed for {sys.executable} ({e})", file=sys.stderr)
    sys.exit(3)

SEGMENTS = np.array(
    [
        ["new", "potential_loyalist", "potential_loyalist", "champions", "champions"],
        ["promising", "potential_loyalist", "potential_loyalist", "loyal", "loyal"],
        ["about_to_sleep", "about_to_sleep", "need_attention", "loyal", "loyal"],
        ["hibernating", "hibernating", "at_risk", "at_risk", "cant_lose"],
        ["hibernating", "hibernating", "at_risk", "at_risk", "cant_lose"],
    ],
    dtype=object,
)
RFM_CODES = np.array([f"{r}{f}{m}" for r in range(1, 6) for f in range(1, 6) for m in range(1, 6)], dtype=object)
PR_CODES = np.array([f"P{p}-R{r}" for p in range(1, 5) for r in range(1, 5)], dtype=object)
TARGETS = np.array(["secure", "maintain", "develop"], dtype=object)


def rfm_score(s: pd.Series, lower_is_better: bool, k: int = 5) -> np.ndarray:
    n = len(s)
    below = s.rank(method="min", ascending=not lower_is_better).to_numpy() - 1
    p = below / (n - 1) if n > 1 else np.ones(n)
    return np.minimum(k, 1 + np.floor(p * k + 1e-9)).astype(np.uint8)


def shares(amounts: np.ndarray):
    """Stable descending order, each client's own before, the before of the first of its ties, the total."""
    n = len(amounts)
    order = np.argsort(-amounts, kind="stable")
    sorted_amounts = amounts[order]
    positive = np.where(sorted_amounts > 0, sorted_amounts, 0.0)
    cumulative = np.cumsum(positive)
    total = cumulative[-1]
    before_sorted = (cumulative - positive) / total
    run_start = np.empty(n, dtype=bool)
    run_start[0] = True
    run_start[1:] = sorted_amounts[1:] != sorted_amounts[:-1]
    first = np.maximum.accumulate(np.where(run_start, np.arange(n), 0))
    first_before = np.empty(n)
    first_before[order] = before_sorted[first]
    before = np.empty(n)
    before[order] = before_sorted
    cumulative_share = np.empty(n)
    cumulative_share[order] = cumulative / total
    rank = np.empty(n, dtype=np.int64)
    rank[order] = np.arange(1, n + 1)
    return first_before, before, cumulative_share, rank, total


def quarter_ranks(amounts: np.ndarray) -> np.ndarray:
    first_before, *_ = shares(amounts)
    q = np.minimum(4, np.floor(first_before / 0.25) + 1)
    return np.where(amounts > 0, q, 4).astype(np.uint8)


def score(df: pd.DataFrame, steps: dict) -> dict:
    out = {}
    t = time.perf_counter()

    r = rfm_score(df["recency"], True)
    f = rfm_score(df["frequency"], False)
    m = rfm_score(df["monetary"], False)
    ri, fi, mi = r.astype(np.intp), f.astype(np.intp), m.astype(np.intp)
    out["rfm"] = pd.DataFrame(
        {
            "r": r,
            "f": f,
            "m": m,
            "code": RFM_CODES[((ri - 1) * 5 + (fi - 1)) * 5 + (mi - 1)],
            "sum": ri + fi + mi,
            "segment": SEGMENTS[5 - ri, fi - 1],
        }
    )
    now = time.perf_counter(); steps["rfm"] = now - t; t = now

    amounts = df["monetary"].to_numpy()
    first_before, before, cumulative_share, rank, total = shares(amounts)
    positive = amounts > 0
    cls = np.where(positive & (first_before < 0.8), 0, np.where(positive & (first_before < 0.95), 1, 2)).astype(np.uint8)
    out["abc"] = pd.DataFrame(
        {
            "cls": np.array(["A", "B", "C"], dtype=object)[cls],
            "rank": rank,
            "share": np.where(positive, amounts / total, 0.0),
            "before": np.where(positive, before, 1.0),
            "cumulative": np.where(positive, cumulative_share, 1.0),
            "negative": amounts < 0,
        }
    )
    now = time.perf_counter(); steps["abc"] = now - t; t = now

    r_real = quarter_ranks(amounts)
    now = time.perf_counter(); steps["quarter ranks (realised)"] = now - t; t = now
    potential = df["potential"].to_numpy()
    p_pot = quarter_ranks(potential)
    now = time.perf_counter(); steps["quarter ranks (potential)"] = now - t; t = now

    p_i, r_i = p_pot.astype(np.intp), r_real.astype(np.intp)
    gap = r_i - p_i
    with np.errstate(divide="ignore", invalid="ignore"):
        rate = np.where(potential > 0, amounts / potential, np.nan)
    out["pr"] = pd.DataFrame(
        {
            "p": p_pot,
            "r": r_real,
            "code": PR_CODES[(p_i - 1) * 4 + (r_i - 1)],
            "gap": gap,
            "target": TARGETS[np.sign(gap) + 1],
            "rate": rate,
            "over_one": rate > 1,
        }
    )
    now = time.perf_counter(); steps["penetration"] = now - t

    out["check"] = np.concatenate([r, f, m, cls, r_real, p_pot])
    return out


def main() -> None:
    folder = sys.argv[1]
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 3
    columns = {
        name: np.fromfile(os.path.join(folder, f"{name}.f64"), dtype="<f8")
        for name in ("recency", "frequency", "monetary", "potential")
    }
    df = pd.DataFrame(columns)

    score(df, {})
    times, cpu, best_steps, result = [], [], {}, None
    for _ in range(runs):
        steps = {}
        start, start_cpu = time.perf_counter(), time.process_time()
        result = score(df, steps)
        times.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
        if times[-1] == min(times):
            best_steps = steps
    result["check"].astype(np.uint8).tofile(os.path.join(folder, "scores.u8"))
    print(
        json.dumps(
            {
                "pandas": pd.__version__,
                "numpy": np.__version__,
                "python": platform.python_version(),
                "runs": times,
                "cpu": cpu,
                "steps": best_steps,
            }
        )
    )


if __name__ == "__main__":
    main()
