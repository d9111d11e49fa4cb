"""Driver of the side-by-side comparison with imblearn: interleaves fresh processes ours / imblearn / ours / ...
for every (data set, sampler) pair and writes a Markdown table.

    dotnet build -c Release benchmarks/SideBySide
    /usr/bin/python3 benchmarks/SideBySide/side_by_side.py --shapes 1k_x_10 --samplers SMOTE,TomekLinks --rounds 3

The data sets are generated once into benchmarks/SideBySide/data/ (gitignored) by the C# runner. Each process runs
the sampler --repeats times: the first call is what a user's program pays (the .NET side includes JIT compilation),
the later ones are the steady state. Reported: medians over processes (first call) and over all later calls
(steady state), the process CPU time of the first call (all threads; robust to a loaded machine, but it counts a
second core as extra time), the spread (max - min) / median of the first calls, the peak RSS and the 1-minute load average
(`/proc/loadavg`) around each pair. Needs Debian's python3-imblearn; CI does not run it.
"""
import argparse
import json
import os
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.join(HERE, "data")
DLL = os.path.join(HERE, "bin", "Release", "net10.0", "SideBySide.dll")
SHAPES = ["1k_x_10", "20k_x_20", "10k_x_200", "30k_x_16_4class", "100k_x_30", "200k_x_3"]
SAMPLERS = ["RandomOverSampler", "RandomUnderSampler", "SMOTE", "BorderlineSMOTE", "ADASYN", "SVMSMOTE",
            "KMeansSMOTE", "TomekLinks", "EditedNearestNeighbours", "RepeatedEditedNearestNeighbours", "AllKNN",
            "CondensedNearestNeighbour", "OneSidedSelection", "NeighbourhoodCleaningRule", "NearMiss-1",
            "NearMiss-2", "NearMiss-3", "ClusterCentroids", "InstanceHardnessThreshold", "SMOTEENN", "SMOTETomek"]


def load():
    with open("/proc/loadavg") as f:
        return float(f.read().split()[0])


def run(side, sampler, shape, repeats, timeout, env, dll=DLL):
    data = os.path.join(DATA, shape)
    if side == "ours":
        cmd = ["dotnet", dll, "run", sampler, data, str(repeats)]
    else:
        cmd = ["/usr/bin/python3", os.path.join(HERE, "imblearn_runner.py"), sampler, data, str(repeats)]
    try:
        done = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, env=env, check=False)
    except subprocess.TimeoutExpired:
        return {"side": side, "timeout": timeout}
    lines = [line for line in done.stdout.splitlines() if line.startswith("{")]
    if not lines:
        return {"side": side, "crash": done.stderr.strip().splitlines()[-1:] or ["no output"]}
    return json.loads(lines[-1])


def summarise(results):
    ok = [r for r in results if "times" in r]
    if not ok:
        bad = results[0] if results else {}
        return {"text": f"> {bad['timeout']} s" if "timeout" in bad else "crash", "first": None, "steady": None}
    firsts = [r["times"][0] for r in ok]
    later = [t for r in ok for t in r["times"][1:]] or firsts
    first = statistics.median(firsts)
    cpus = [r["cpu"][0] for r in ok if r.get("cpu")]
    return {
        "cpu": statistics.median(cpus) if cpus else None,
        "first": first,
        "steady": statistics.median(later),
        "spread": (max(firsts) - min(firsts)) / first if first > 0 else 0.0,
        "rss": statistics.median(r["peak_rss_mb"] for r in ok),
        "error": next((r["error"] for r in ok if r.get("error")), None),
        "rows": ok[0].get("rows_out"),
    }


def fmt(seconds):
    if seconds is None:
        return "-"
    return f"{seconds * 1000:.1f} ms" if seconds < 1 else f"{seconds:.2f} s"


def ratio(theirs, ours):
    if theirs is None or ours is None or ours == 0:
        return "-"
    return f"{theirs / ours:.2f}x"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--shapes", default=",".join(SHAPES))
    parser.add_argument("--samplers", default=",".join(SAMPLERS))
    parser.add_argument("--rounds", type=int, default=2, help="imblearn processes per pair; ours gets one more")
    parser.add_argument("--repeats", type=int, default=3, help="calls per process (the first is the fresh call)")
    parser.add_argument("--timeout", type=float, default=600)
    parser.add_argument("--jsonl", default=os.path.join(HERE, "data", "results.jsonl"))
    parser.add_argument("--dotnet-env", default="", help="extra KEY=VALUE,... for the .NET processes only")
    parser.add_argument("--imblearn-from", default="", help="reuse imblearn results of an earlier run (its --jsonl file)"
                        " instead of running imblearn again; the table's note says so")
    parser.add_argument("--dll", default=DLL, help="the built C# runner (copy the build output elsewhere to keep "
                                                   "building while a long comparison runs)")
    args = parser.parse_args()
    if not os.path.exists(args.dll):
        sys.exit("build first: dotnet build -c Release benchmarks/SideBySide")
    subprocess.run(["dotnet", args.dll, "generate", DATA], check=True, capture_output=True)
    dotnet_env = dict(os.environ)
    for pair in filter(None, args.dotnet_env.split(",")):
        key, value = pair.split("=", 1)
        dotnet_env[key] = value
    earlier = {}
    if args.imblearn_from:
        with open(args.imblearn_from) as f:
            for line in f:
                result = json.loads(line)
                if result.get("side") == "imblearn":
                    earlier.setdefault((result.get("shape"), result.get("sampler")), []).append(result)
    rows = []
    with open(args.jsonl, "a") as log:
        for shape in args.shapes.split(","):
            for sampler in args.samplers.split(","):
                before = load()
                results = {"ours": [], "imblearn": []}
                skip = set()
                order = ["ours", "imblearn"] * args.rounds + ["ours"]
                reused = earlier.get((shape, sampler))
                if args.imblearn_from:
                    order = [side for side in order if side == "ours"]
                    results["imblearn"] = reused or [{"side": "imblearn", "crash": ["not in --imblearn-from"]}]
                for side in order:
                    if side in skip:
                        continue
                    env = dotnet_env if side == "ours" else None
                    result = run(side, sampler, shape, args.repeats, args.timeout, env, args.dll)
                    result.update(shape=shape, sampler=sampler, at=time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()))
                    log.write(json.dumps(result) + "\n")
                    log.flush()
                    results[side].append(result)
                    if "timeout" in result or "crash" in result:
                        skip.add(side)
                ours, theirs = summarise(results["ours"]), summarise(results["imblearn"])
                avg_load = (before + load()) / 2
                row = (f"| {shape} | {sampler} | {fmt(ours['first']) if ours['first'] is not None else ours['text']}"
                       f" | {fmt(theirs['first']) if theirs['first'] is not None else theirs['text']}"
                       f" | {ratio(theirs['first'], ours['first'])}"
                       f" | {fmt(ours['steady'])} | {fmt(theirs['steady'])} | {ratio(theirs['steady'], ours['steady'])}"
                       f" | {fmt(ours.get('cpu'))} / {fmt(theirs.get('cpu'))} | {ratio(theirs.get('cpu'), ours.get('cpu'))}"
                       f" | {ours.get('rss', 0):.0f} / {theirs.get('rss', 0):.0f}"
                       f" | {ours.get('spread', 0) * 100:.0f} % / {theirs.get('spread', 0) * 100:.0f} %"
                       f" | {avg_load:.1f}"
                       f" | {note(ours, theirs)}{'; imblearn from an earlier run' if args.imblearn_from else ''} |")
                rows.append(row)
                print(row, flush=True)
    print()
    print("| data | sampler | ours, fresh process | imblearn, fresh process | speed-up | ours, steady | imblearn, steady"
          " | speed-up | CPU ours / imblearn, fresh | CPU ratio | peak RSS MB ours / imblearn | spread ours / imblearn"
          " | load | note |")
    print("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|")
    for row in rows:
        print(row)


def note(ours, theirs):
    parts = []
    if ours.get("error") or theirs.get("error"):
        parts.append(f"error ours: {'yes' if ours.get('error') else 'no'}, imblearn: {'yes' if theirs.get('error') else 'no'}")
    if ours.get("rows") is not None and theirs.get("rows") is not None and ours.get("rows") != theirs.get("rows"):
        parts.append(f"rows {ours.get('rows')} vs {theirs.get('rows')}")
    return "; ".join(parts)


if __name__ == "__main__":
    main()
