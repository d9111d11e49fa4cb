"""The imblearn half of the side-by-side comparison: one sampler on one data set in this fresh process.

    /usr/bin/python3 imblearn_runner.py SAMPLER DATA REPEATS

Runs Debian's python3-imblearn (imbalanced-learn 0.10.0, scikit-learn 1.2.1, NumPy 1.24) with imblearn's defaults
and random_state=0, and prints one JSON line in the C# runner's format (times of every call, the first one being what a
user's script pays after its imports; peak resident set size from /proc/self/status VmHWM). Not used by CI.
"""
import json
import sys
import time
import warnings

import numpy as np
from imblearn.combine import SMOTEENN, SMOTETomek
from imblearn.over_sampling import (ADASYN, SMOTE, SVMSMOTE, BorderlineSMOTE, KMeansSMOTE,
                                    RandomOverSampler)
from imblearn.under_sampling import (AllKNN, ClusterCentroids, CondensedNearestNeighbour,
                                     EditedNearestNeighbours, InstanceHardnessThreshold, NearMiss,
                                     NeighbourhoodCleaningRule, OneSidedSelection, RandomUnderSampler,
                                     RepeatedEditedNearestNeighbours, TomekLinks)

SAMPLERS = {
    "RandomOverSampler": lambda: RandomOverSampler(random_state=0),
    "RandomUnderSampler": lambda: RandomUnderSampler(random_state=0),
    "SMOTE": lambda: SMOTE(random_state=0),
    "BorderlineSMOTE": lambda: BorderlineSMOTE(random_state=0),
    "ADASYN": lambda: ADASYN(random_state=0),
    "SVMSMOTE": lambda: SVMSMOTE(random_state=0),
    "KMeansSMOTE": lambda: KMeansSMOTE(random_state=0),
    "TomekLinks": TomekLinks,
    "EditedNearestNeighbours": EditedNearestNeighbours,
    "RepeatedEditedNearestNeighbours": RepeatedEditedNearestNeighbours,
    "AllKNN": AllKNN,
    "CondensedNearestNeighbour": lambda: CondensedNearestNeighbour(random_state=0),
    "OneSidedSelection": lambda: OneSidedSelection(random_state=0),
    "NeighbourhoodCleaningRule": NeighbourhoodCleaningRule,
    "NearMiss-1": lambda: NearMiss(version=1),
    "NearMiss-2": lambda: NearMiss(version=2),
    "NearMiss-3": lambda: NearMiss(version=3),
    "ClusterCentroids": lambda: ClusterCentroids(random_state=0),
    "InstanceHardnessThreshold": lambda: InstanceHardnessThreshold(random_state=0),
    "SMOTEENN": lambda: SMOTEENN(random_state=0),
    "SMOTETomek": lambda: SMOTETomek(random_state=0),
}


def peak_rss_mb():
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024.0
    return float("nan")


def main():
    warnings.simplefilter("ignore")  # scikit-learn 1.2's FutureWarnings (n_init) on stderr
    name, data, repeats = sys.argv[1], sys.argv[2], int(sys.argv[3])
    with open(data + ".json") as f:
        header = json.load(f)
    x = np.fromfile(data + ".x.f64", dtype="<f8").reshape(header["rows"], header["features"])
    y = np.fromfile(data + ".y.i32", dtype="<i4")
    times, cpu, error, rows_out = [], [], None, 0
    for _ in range(repeats):
        sampler = SAMPLERS[name]()
        start, cpu_start = time.perf_counter(), time.process_time()
        try:
            _, y_res = sampler.fit_resample(x, y)
            rows_out = len(y_res)
        except (ValueError, RuntimeError) as e:
            error = str(e).split("\n")[0]
        times.append(time.perf_counter() - start)
        cpu.append(time.process_time() - cpu_start)
        if error is not None:
            break
    print(json.dumps({"side": "imblearn", "sampler": name, "times": times, "cpu": cpu, "rows_out": rows_out,
                      "error": error, "peak_rss_mb": peak_rss_mb()}))


if __name__ == "__main__":
    main()
