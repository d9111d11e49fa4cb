"""Makes breast_cancer_imbalanced.csv for the newcomer-job sample: scikit-learn's breast cancer data (BSD-3-Clause,
see src/Imbalance/Datasets/Data/NOTICE.txt) with the malignant class cut to 40 rows by imblearn's make_imbalance,
a header of feature names and a string label column "diagnosis". Run with Debian's /usr/bin/python3
(python3-sklearn 1.2.1, python3-imblearn 0.10.0)."""
import csv

from imblearn.datasets import make_imbalance
from sklearn.datasets import load_breast_cancer

data = load_breast_cancer()
x, y = make_imbalance(data.data, data.target, sampling_strategy={0: 40}, random_state=0)
with open("breast_cancer_imbalanced.csv", "w", newline="") as f:
    writer = csv.writer(f, lineterminator="\n")
    writer.writerow(list(data.feature_names) + ["diagnosis"])
    for row, target in zip(x, y):
        writer.writerow([repr(float(v)) for v in row] + [data.target_names[target]])
