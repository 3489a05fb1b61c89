#!/usr/bin/env python3
"""Prints the README "Performance" table from a tools/bench results directory: the medians of
bench.json (Google Benchmark, CPU time of one thread), the peak memory of memory.txt and, when present,
the instruction counts of callgrind.txt, each against its target."""
import json
import sys
from pathlib import Path

UNIT = {"ns": 1e-9, "us": 1e-6, "ms": 1e-3, "s": 1.0}


def load_medians(path):
    data = json.loads(path.read_text())
    medians = {}
    for b in data["benchmarks"]:
        if b.get("aggregate_name", "median") != "median" or b.get("error_occurred"):
            continue
        b = dict(b)
        b["cpu_s"] = b["cpu_time"] * UNIT[b["time_unit"]]
        b["real_s"] = b["real_time"] * UNIT[b["time_unit"]]
        medians[b["run_name"]] = b
    return data, medians


def fmt(x, digits=3):
    if x >= 100:
        return f"{x:,.0f}"
    return f"{x:.{digits}g}"


def main(out):
    out = Path(out)
    data, m = load_medians(out / "bench.json")
    reps = max((b.get("repetitions", 1) for b in data["benchmarks"]), default="?")
    rows = []

    def rate(name):
        return m[name]["items_per_second"] if name in m else None

    def row(what, value, unit, target, ok, note=""):
        verdict = "" if ok is None else ("met" if ok else "**missed**")
        rows.append(f"| {what} | {value} {unit} | {target} | {verdict} | {note} |")

    def runs_row(label, name, target, floor=None, ratio=False, mock_floor=None):
        r = rate(name)
        if r is None:
            return
        note = []
        if ratio and "virtual_per_wall" in m[name]:
            note.append(f"virtual/wall {fmt(m[name]['virtual_per_wall'])}")
        if floor and floor in m:
            note.append(f"hash floor {fmt(rate(floor))} runs/s")
        if mock_floor and mock_floor in m:
            note.append(f"mock floor {fmt(rate(mock_floor))} runs/s ({int(m[mock_floor]['calls']):,} mock calls)")
        row(label, fmt(r), "runs/s", f">= {target:,}", r >= target, "; ".join(note))

    runs_row("(a) clean backup, 3 writers, 2 providers, 4 volumes", "BM_a_CleanBackup", 50_000,
             "BM_floor_TraceHash_a", mock_floor="BM_floor_MockCalls_a")
    runs_row("(b) retryable Freeze veto, 4 attempts", "BM_b_RetryableFreeze", 20_000, "BM_floor_TraceHash_b", True,
             "BM_floor_MockCalls_b")
    runs_row("(c) BITS job, 2,016 transient errors, ERROR at 14 days", "BM_c_BitsNoProgressTimeout", 100_000,
             "BM_floor_TraceHash_c", True, "BM_floor_MockCalls_c")
    if "BM_d_LoadCorpus" in m:
        d = m["BM_d_LoadCorpus"]
        ms = d["cpu_s"] * 1e3
        row(f"(d) load and validate the corpus ({int(d['files'])} files)", fmt(ms), "ms", "< 100 ms", ms < 100)
    if "BM_e_WholeSetProperty" in m:
        r = rate("BM_e_WholeSetProperty")
        note = "props::WholeSetFailure, 100 cases per check, seed 20250101"
        if "BM_floor_PropertyGeneration_e" in m:
            note += f"; generation floor {fmt(rate('BM_floor_PropertyGeneration_e'))} cases/s"
        row("(e) whole-set failure property, RapidCheck cases", fmt(r), "cases/s", ">= 10,000", r >= 10_000, note)
    if "BM_e_WholeSetCases" in m:
        r = rate("BM_e_WholeSetCases")
        row("(e') same invariant, equivalent loop without RapidCheck", fmt(r), "cases/s", ">= 10,000", r >= 10_000,
            f"{m['BM_e_WholeSetCases']['failed_set_share']:.0%} of cases fail the set")
    if "BM_a_CleanBackup" in m and "BM_baseline_PlainCalls" in m:
        a, base = m["BM_a_CleanBackup"], m["BM_baseline_PlainCalls"]
        ratio = a["cpu_s"] / base["cpu_s"]
        note = f"baseline {fmt(base['cpu_s'] * 1e6)} us for {int(base['calls'])} calls"
        if "BM_decomposition_PlainComponents" in m:
            plain = m["BM_decomposition_PlainComponents"]["cpu_s"]
            note += f"; model with plain components {fmt(plain / base['cpu_s'])}x"
        if "BM_floor_TraceHash_a" in m:
            note += f"; hashing (a)'s trace alone {fmt(m['BM_floor_TraceHash_a']['cpu_s'] / base['cpu_s'])}x"
        if "BM_floor_MockCalls_a" in m:
            note += f"; (a)'s mocks alone {fmt(m['BM_floor_MockCalls_a']['cpu_s'] / base['cpu_s'])}x"
        row("overhead of (a) over plain virtual calls", fmt(ratio), "x", "<= 10x", ratio <= 10, note)
    scale = {int(n.split("/")[1]): v for n, v in m.items() if n.startswith("BM_scale_Backup/")}
    if 100 in scale and 1000 in scale:
        ratio = scale[1000]["cpu_s"] / scale[100]["cpu_s"]
        series = ", ".join(f"{n}: {fmt(scale[n]['cpu_s'] * 1e3)} ms" for n in sorted(scale))
        row("cost at 1,000 of each / cost at 100", fmt(ratio), "x", "<= 12x", ratio <= 12, series)
    spread = {int(n.split("/")[1]): v for n, v in m.items() if n.startswith("BM_scale_SpreadProviders/")}
    if 100 in spread and 1000 in spread:
        per = {n: v["cpu_s"] / v["trace_records"] * 1e9 for n, v in spread.items()}
        ratio = per[1000] / per[100]
        row("same, provider i supports only volume i: cost per trace record 1,000 / 100", fmt(ratio), "x",
            "(quadratic work)", None,
            ", ".join(f"{n}: {int(spread[n]['trace_records']):,} records, {fmt(per[n])} ns/record"
                      for n in sorted(per)))
    mem = out / "memory.txt"
    if mem.exists():
        for line in mem.read_text().splitlines():
            f = dict(kv.split("=", 1) for kv in line.split() if "=" in kv)
            if "peak_rss_mib" in f and f.get("writers") == "1000":
                mib = float(f["peak_rss_mib"])
                row(f"peak memory, {f['writers']} writers, {f['providers']} providers, {f['volumes']} volumes",
                    fmt(mib), "MiB", "< 50 MB", mib * 1.048576 < 50, f"{int(f['trace_records']):,} trace records")
    print(f"Medians of {reps} repetitions, CPU time of the benchmark thread.\n")
    print("| figure | value | target | | notes |")
    print("| --- | --- | --- | --- | --- |")
    print("\n".join(rows))
    cg = out / "callgrind.txt"
    if cg.exists():
        counts = dict(line.split() for line in cg.read_text().splitlines() if line.strip())
        print("\nInstructions per run (callgrind): " + ", ".join(f"{k} {int(v):,}" for k, v in counts.items()))
        if "a" in counts and "baseline" in counts:
            print(f"(a) / baseline in instructions: {int(counts['a']) / int(counts['baseline']):.0f}x")
        floors = [f"{k} {int(counts['floor-' + k]) / int(counts[full]):.0%}"
                  for k, full in (("a", "a"), ("b", "b"), ("c", "c"), ("e", "prop"))
                  if full in counts and "floor-" + k in counts]
        if floors:
            print("mock floor (e: generation floor) / full run in instructions: " + ", ".join(floors))
        if "scale100" in counts and "scale1000" in counts:
            print(f"scale 1000 / 100 in instructions: {int(counts['scale1000']) / int(counts['scale100']):.1f}x")
    machine = out / "machine.txt"
    if machine.exists():
        print("\n" + machine.read_text().strip())


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "build-bench/bench-results")
