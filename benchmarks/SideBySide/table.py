"""Builds the issue-#18 verdict table from one or more result logs of side_by_side.py (its --jsonl files).

    /usr/bin/python3 benchmarks/SideBySide/table.py run-a.jsonl run-b.jsonl > table.md

For every (data set, sampler) pair the results of the LAST file that has that side of the pair are used (so a later,
partial run replaces the pairs it re-measured and keeps the others). Per pair: the median first call of the fresh
processes on each side (what a user's program pays; the .NET side includes JIT compilation), the speed-up
imblearn / ours, the issue's target for it (10x where imblearn's call takes over 1 s, 3x otherwise) and whether it is
met, the CPU time of the first call on each side, and peak resident memory against imblearn's (the issue's memory
target: at or below imblearn's). An imblearn call stopped at the time limit counts as taking that long, so its
speed-up is a lower bound (marked ">="). Needs only Python 3.
"""
import json
import statistics
import sys

SHAPES = ["1k_x_10", "20k_x_20", "10k_x_200", "30k_x_16_4class", "100k_x_30", "200k_x_3"]
SAMPLERS = ["RandomOverSampler", "RandomUnderSampler", "SMOTE", "BorderlineSMOTE", "ADASYN", "SVMSMOTE",
            "KMeansSMOTE", "TomekLinks", "EditedNearestNeighbours", "RepeatedEditedNearestNeighbours", "AllKNN",
            "CondensedNearestNeighbour", "OneSidedSelection", "NeighbourhoodCleaningRule", "NearMiss-1",
            "NearMiss-2", "NearMiss-3", "ClusterCentroids", "InstanceHardnessThreshold", "SMOTEENN", "SMOTETomek"]


def load(paths):
    latest = {}
    for index, path in enumerate(paths):
        per_file = {}
        with open(path) as f:
            for line in f:
                record = json.loads(line)
                key = (record.get("shape"), record.get("sampler"), record.get("side"))
                per_file.setdefault(key, []).append(record)
        for key, records in per_file.items():
            latest[key] = (index, records)
    return latest


def summary(records):
    ok = [r for r in records if "times" in r and r["times"]]
    timeouts = [r["timeout"] for r in records if "timeout" in r]
    if not ok:
        if timeouts:
            return {"timeout": max(timeouts)}
        return None
    firsts = [r["times"][0] for r in ok]
    cpus = [r["cpu"][0] for r in ok if r.get("cpu")]
    return {
        "first": statistics.median(firsts),
        "cpu": statistics.median(cpus) if cpus else None,
        "rss": statistics.median(r["peak_rss_mb"] for r in ok if r.get("peak_rss_mb") is not None),
        "error": any(r.get("error") for r in ok),
        "n": len(ok),
        "spread": (max(firsts) - min(firsts)) / statistics.median(firsts) if statistics.median(firsts) > 0 else 0.0,
    }


def fmt(seconds):
    if seconds is None:
        return "-"
    return f"{seconds * 1000:.1f} ms" if seconds < 1 else f"{seconds:.2f} s"


def main():
    paths = sys.argv[1:]
    if not paths:
        sys.exit(__doc__)
    latest = load(paths)
    rows = []
    met = missed = undecided = memory_met = memory_missed = 0
    for shape in SHAPES:
        for sampler in SAMPLERS:
            ours_entry = latest.get((shape, sampler, "ours"))
            theirs_entry = latest.get((shape, sampler, "imblearn"))
            if ours_entry is None:
                continue
            ours = summary(ours_entry[1])
            theirs = summary(theirs_entry[1]) if theirs_entry else None
            source = f"{ours_entry[0] + 1}/{theirs_entry[0] + 1 if theirs_entry else '-'}"
            if ours is None or "first" not in ours:
                # A run that hit the time limit is "> N s" (like imblearn's), not a crash; the verdict then depends
                # on imblearn's time: undecided unless imblearn finished faster than our limit (missed).
                if ours is not None and "timeout" in ours:
                    limit = ours["timeout"]
                    if theirs is None:
                        theirs_text, verdict = "not run", "undecided"
                    elif "timeout" in theirs:
                        theirs_text, verdict = f"> {fmt(theirs['timeout'])}", "undecided"
                    else:
                        theirs_text = fmt(theirs["first"])
                        verdict = "**missed**" if theirs["first"] < limit else "undecided"
                    if verdict == "undecided":
                        undecided += 1
                    else:
                        missed += 1
                    rss = f"- / {theirs['rss']:.0f}" if theirs and "rss" in theirs else "- / -"
                    rows.append(f"| {shape} | {sampler} | > {fmt(limit)} | {theirs_text} | - | - | {verdict}"
                                f" | - | {rss} | - | {source} |")
                    continue
                rows.append(f"| {shape} | {sampler} | crash | - | - | - | - | - | - | - | {source} |")
                continue
            if theirs is None:
                theirs_text, speed, target, verdict = "not run", "-", "-", "undecided"
                undecided += 1
            else:
                bound = "timeout" in theirs
                theirs_time = theirs["timeout"] if bound else theirs["first"]
                theirs_text = f"> {fmt(theirs_time)}" if bound else fmt(theirs_time)
                target = 10.0 if theirs_time > 1.0 else 3.0
                value = theirs_time / ours["first"]
                speed = f"{'>= ' if bound else ''}{value:.2f}x"
                if value >= target:
                    verdict = "met"
                    met += 1
                elif bound:
                    verdict = "undecided"
                    undecided += 1
                else:
                    verdict = "**missed**"
                    missed += 1
                target = f"{target:.0f}x"
            if theirs and "rss" in theirs:
                memory = "yes" if ours["rss"] <= theirs["rss"] else "**no**"
                if ours["rss"] <= theirs["rss"]:
                    memory_met += 1
                else:
                    memory_missed += 1
                rss = f"{ours['rss']:.0f} / {theirs['rss']:.0f}"
            else:
                memory, rss = "-", f"{ours['rss']:.0f} / -"
            cpu = f"{fmt(ours['cpu'])} / {fmt(theirs.get('cpu') if theirs else None)}"
            note = "error on both sides" if ours["error"] and theirs and theirs.get("error") else (
                "error ours" if ours["error"] else "")
            rows.append(f"| {shape} | {sampler} | {fmt(ours['first'])} | {theirs_text} | {speed} | {target} | {verdict}"
                        f" | {cpu} | {rss} | {memory} | {source}{'; ' + note if note else ''} |")
    print(f"Speed targets: {met} met, {missed} missed, {undecided} undecided. "
          f"Peak memory at or below imblearn's: {memory_met} yes, {memory_missed} no.")
    print()
    print("| data | sampler | ours, first call | imblearn, first call | speed-up | target | verdict"
          " | CPU ours / imblearn | peak RSS MB ours / imblearn | memory <= imblearn | runs (ours/imblearn) |")
    print("|---|---|---:|---:|---:|---:|---|---:|---:|---|---|")
    for row in rows:
        print(row)


if __name__ == "__main__":
    main()
