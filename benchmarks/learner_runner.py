"""scikit-learn's half of the learner comparison (issue #18): one learner fit on one SideBySide data set.

    /usr/bin/python3 benchmarks/learner_runner.py LEARNER DATA REPEATS

LEARNER is tree, tree-balanced, forest, forest-balanced, forest-predict, logreg or logreg-balanced, with the settings
of LearnerTiming in benchmarks/Imbalance.Benchmarks/LearnerBenchmarks.cs (random_state=0, forests of 100 trees with
n_jobs=2). Prints one JSON line: wall and process CPU seconds of every fit (of predict_proba for forest-predict).
Not used by CI.
"""
import json
import sys
import time
import warnings

import numpy as np
from sklearn.ensemble import RandomForestClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.tree import DecisionTreeClassifier

LEARNERS = {
    "tree": lambda: DecisionTreeClassifier(random_state=0),
    "tree-balanced": lambda: DecisionTreeClassifier(random_state=0, class_weight="balanced"),
    "forest": lambda: RandomForestClassifier(n_estimators=100, random_state=0, n_jobs=2),
    "forest-predict": lambda: RandomForestClassifier(n_estimators=100, random_state=0, n_jobs=2),
    "forest-balanced": lambda: RandomForestClassifier(n_estimators=100, random_state=0, n_jobs=2, class_weight="balanced"),
    "logreg": lambda: LogisticRegression(),
    "logreg-balanced": lambda: LogisticRegression(class_weight="balanced"),
}


def main():
    warnings.simplefilter("ignore")
    name, data, repeats = sys.argv[1], sys.argv[2], int(sys.argv[3])
    with open(data + ".json") as f:
        header = json.load(f)
    x = np.fromfile(data + ".x.f64", dtype="<f8").reshape(header["rows"], header["features"])
    y = np.fromfile(data + ".y.i32", dtype="<i4")
    times, cpu = [], []
    for _ in range(repeats):
        start, cpu_start = time.perf_counter(), time.process_time()
        model = LEARNERS[name]().fit(x, y)
        if name == "forest-predict":
            start, cpu_start = time.perf_counter(), time.process_time()
            model.predict_proba(x)
        times.append(time.perf_counter() - start)
        cpu.append(time.process_time() - cpu_start)
    print(json.dumps({"side": "sklearn", "learner": name, "times": times, "cpu": cpu}))


if __name__ == "__main__":
    main()
