"""The `pac plan` job done the usual Python way, for bench/plan.bench.ts to compare against.

Usage: /usr/bin/python3 bench/pandas_pipeline.py INPUT.xlsx OUTPUT.xlsx

Reads the "Clients" sheet of the same workbook with pandas (openpyxl engine), keeps the clients (Prospect =
"Non"), computes ABC (rank, CA ahead, share, cumulative share, class A < 80 % <= B < 95 % <= C, SPEC §2) on
"CA 2025" and RFM (quintiles of recency = days since "Date dernier achat", frequency = "Nb commandes 2025",
monetary = "CA 2025"; code and sum, SPEC §1) with vectorised pandas/numpy, then writes a "Cibles" sheet with
openpyxl in write-only mode (its fast path): the header in bold, the same columns as pac's Cibles table for
these methods, with the same number formats ('#,##0 "€"' and "0.0%"), widths and a frozen header. Prints one
JSON line: seconds for read, compute, write and total, and the process's peak resident memory (ru_maxrss).
"""

import json
import resource
import sys
import time

try:
    import numpy as np
    import pandas as pd
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Alignment, Font
except ImportError as e:  # the bench prints this line as the reason
    print(f"pandas/openpyxl are not installed for {sys.executable} ({e})", file=sys.stderr)
    sys.exit(3)

EURO = '#,##0 "€"'
PERCENT = "0.0%"


def quintile(values: pd.Series, lower_is_better: bool) -> np.ndarray:
    n = len(values)
    below = values.rank(method="min", ascending=not lower_is_better).to_numpy() - 1
    p = below / (n - 1) if n > 1 else np.ones(n)
    return np.minimum(5, 1 + np.floor(p * 5 + 1e-9)).astype(np.int64)


def main() -> None:
    source, target = sys.argv[1], sys.argv[2]
    t0 = time.perf_counter()
    df = pd.read_excel(source, sheet_name="Clients", engine="openpyxl")
    t1 = time.perf_counter()

    clients = df[df["Prospect"] != "Oui"].copy()
    ca = clients["CA 2025"].fillna(0).to_numpy(dtype=float)
    order = np.argsort(-ca, kind="stable")
    positive = np.where(ca[order] > 0, ca[order], 0.0)
    cumulative = np.cumsum(positive)
    total = cumulative[-1] if len(cumulative) else 0.0
    before = np.empty_like(ca)
    before[order] = cumulative - positive
    rank = np.empty(len(ca), dtype=np.int64)
    rank[order] = np.arange(1, len(ca) + 1)
    share = ca / total if total else np.zeros_like(ca)
    cumulative_share = (before + np.where(ca > 0, ca, 0)) / total if total else np.zeros_like(ca)
    before_share = before / total if total else np.zeros_like(ca)
    abc = np.where(before_share < 0.8, "A", np.where(before_share < 0.95, "B", "C"))
    clients["Rang"] = rank
    clients["CA devant"] = before
    clients["Part du CA"] = share
    clients["Part cumulée"] = cumulative_share
    clients["ABC"] = abc

    reference = pd.Timestamp("2025-12-31")
    recency = (reference - pd.to_datetime(clients["Date dernier achat"])).dt.days.fillna(10_000)
    r = quintile(recency, lower_is_better=True)
    f = quintile(clients["Nb commandes 2025"].fillna(0), lower_is_better=False)
    m = quintile(clients["CA 2025"].fillna(0), lower_is_better=False)
    clients["RFM"] = [f"{a}{b}{c}" for a, b, c in zip(r, f, m)]
    clients["Somme RFM"] = r + f + m
    t2 = time.perf_counter()

    columns = [
        ("Client", 12, None), ("Raison sociale", 26, None), ("CA 2025", 13, EURO), ("Rang", 7, None),
        ("CA devant", 13, EURO), ("Part du CA", 9, PERCENT), ("Part cumulée", 10, PERCENT), ("ABC", 7, None),
        ("Potentiel", 13, EURO), ("RFM", 7, None), ("Somme RFM", 8, None),
    ]
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("Cibles")
    ws.freeze_panes = "C2"
    for k, (_, width, _) in enumerate(columns):
        ws.column_dimensions[chr(65 + k)].width = width
    bold = Font(bold=True)
    header = []
    for name, _, _ in columns:
        cell = WriteOnlyCell(ws, value=name)
        cell.font = bold
        header.append(cell)
    ws.append(header)
    centre = Alignment(horizontal="center")
    data = clients[[c[0] for c in columns]].itertuples(index=False, name=None)
    for row in data:
        out = []
        for (name, _, fmt), value in zip(columns, row):
            if isinstance(value, float) and np.isnan(value):
                value = None
            elif isinstance(value, (np.integer,)):
                value = int(value)
            elif isinstance(value, (np.floating,)):
                value = float(value)
            cell = WriteOnlyCell(ws, value=value)
            if fmt:
                cell.number_format = fmt
            elif name in ("Rang", "ABC", "RFM", "Somme RFM"):
                cell.alignment = centre
            out.append(cell)
        ws.append(out)
    wb.save(target)
    t3 = time.perf_counter()
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps({"read": t1 - t0, "compute": t2 - t1, "write": t3 - t2, "total": t3 - t0, "clients": len(clients), "maxRssKb": peak_kb}))


if __name__ == "__main__":
    main()
