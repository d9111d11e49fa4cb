"""sklearn half of `SideBySide kmeans DATA K REPEATS`: times KMeans(n_clusters=K, n_init=10, random_state=0).fit(X) on
every row of DATA with scikit-learn 1.2.1 (/usr/bin/python3; OpenMP threads = the machine's cores) and prints one JSON
line: wall and CPU seconds per fit, the inertia, the peak RSS."""
import json
import resource
import sys
import time
import warnings

import numpy as np
from sklearn.cluster import KMeans


def main():
    data, k, repeats = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    with open(data + ".json") as f:
        header = json.load(f)
    x = np.fromfile(data + ".x.f64", dtype="<f8").reshape(header["rows"], header["features"])
    times, cpu, inertia = [], [], None
    for _ in range(repeats):
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            c0, t0 = time.process_time(), time.perf_counter()
            model = KMeans(n_clusters=k, n_init=10, random_state=0).fit(x)
            times.append(time.perf_counter() - t0)
            cpu.append(time.process_time() - c0)
        inertia = float(model.inertia_)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0
    print(json.dumps({"side": "sklearn", "fit": "KMeans", "k": k, "times": times, "cpu": cpu, "inertia": inertia, "peak_rss_mb": peak}))


if __name__ == "__main__":
    main()
