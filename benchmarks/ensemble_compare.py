"""Times the balanced ensembles against imblearn 0.10.0 on identical data, interleaved: ours, imblearn (n_jobs=None),
imblearn (n_jobs=2), ours again, per ensemble and shape; each figure is the median of REPEATS runs of fit +
predict_proba on the training rows, with imblearn's defaults and random_state=0. The data are scikit-learn's
make_classification(n_informative=5, n_redundant=2, weights=[1 - minority], flip_y=0, random_state=0), which the
.NET side reproduces bit for bit (benchmarks/Imbalance.Benchmarks/EnsembleData.cs).

    dotnet build -c Release benchmarks/Imbalance.Benchmarks
    /usr/bin/python3 benchmarks/ensemble_compare.py [REPEATS] [SHAPE ...]     (ENSEMBLES=easy,rusboost to pick)
"""
import os
import statistics
import subprocess
import sys
import time
import warnings

import numpy as np
from imblearn.ensemble import (BalancedBaggingClassifier, BalancedRandomForestClassifier, EasyEnsembleClassifier,
                               RUSBoostClassifier)
from sklearn.datasets import make_classification

warnings.filterwarnings("ignore")
ROOT = os.path.dirname(os.path.abspath(__file__))
DLL = os.path.join(ROOT, "Imbalance.Benchmarks", "bin", "Release", "net10.0", "Imbalance.Benchmarks.dll")
SHAPES = ["20000x20@5%", "20000x20@2%", "100000x30@5%", "100000x30@2%"]
MAKERS = {
    "brf": lambda jobs: BalancedRandomForestClassifier(random_state=0, n_jobs=jobs),
    "bagging": lambda jobs: BalancedBaggingClassifier(random_state=0, n_jobs=jobs),
    "easy": lambda jobs: EasyEnsembleClassifier(random_state=0, n_jobs=jobs),
    "rusboost": lambda jobs: RUSBoostClassifier(random_state=0) if jobs is None else None,
}


def data(shape):
    size, minority = shape.split("@")
    rows, features = (int(v) for v in size.split("x"))
    m = float(minority.rstrip("%")) / 100
    return make_classification(n_samples=rows, n_features=features, n_informative=5, n_redundant=2,
                               weights=[1 - m], flip_y=0.0, random_state=0)


def ours(name, shape, repeats):
    out = subprocess.run(["dotnet", DLL, "ensemble-time", name, shape, str(repeats)], capture_output=True, text=True, check=True)
    return float(out.stdout.strip())


def theirs(name, jobs, x, y, repeats):
    times = []
    for _ in range(repeats):
        clf = MAKERS[name](jobs)
        if clf is None:
            return None
        start = time.perf_counter()
        clf.fit(x, y).predict_proba(x)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main():
    repeats = int(sys.argv[1]) if len(sys.argv) > 1 else 3
    shapes = sys.argv[2:] or SHAPES
    print("load before:", os.getloadavg())
    print("| Ensemble | Shape | Ours (1st) | imblearn n_jobs=None | imblearn n_jobs=2 | Ours (2nd) | Speed-up vs best imblearn | load |")
    print("|---|---|---:|---:|---:|---:|---:|---:|")
    for shape in shapes:
        x, y = data(shape)
        for name in os.environ.get("ENSEMBLES", ",".join(MAKERS)).split(","):
            a = ours(name, shape, repeats)
            t1 = theirs(name, None, x, y, repeats)
            t2 = theirs(name, 2, x, y, repeats)
            b = ours(name, shape, repeats)
            best = min(t for t in (t1, t2) if t is not None)
            mine = statistics.median([a, b])
            fmt = lambda t: "-" if t is None else "%.2f s" % t
            print("| %s | %s | %s | %s | %s | %s | %.1fx | %.0f |" % (
                name, shape, fmt(a), fmt(t1), fmt(t2), fmt(b), best / mine, os.getloadavg()[0]), flush=True)
    print("load after:", os.getloadavg())


if __name__ == "__main__":
    main()
