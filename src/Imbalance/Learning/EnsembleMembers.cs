using Imbalance.Sampling;

namespace Imbalance.Learning;

/// <summary>
/// Fitting and querying the members of an ensemble: classifiers fitted on class codes (<c>0..K-1</c>, the ensemble's
/// sorted classes), as scikit-learn's bagging members see encoded labels. Decision trees take a fast path over
/// float32 columns laid out once; any other <see cref="IClassifier"/> is fitted through its public API.
/// </summary>
internal static class EnsembleMembers
{
    /// <summary>Fits <paramref name="classifier"/> on the rows <paramref name="rows"/> (all rows when null) with their
    /// codes and optional weights.</summary>
    public static IClassificationModel<int> Fit(
        IClassifier classifier, double[,] x, float[] columns, int[]? rows, int[] codes, int k, double[]? weights, CancellationToken cancellationToken, int[]? presorted = null)
    {
        var n = x.GetLength(0);
        var d = x.GetLength(1);
        var m = rows?.Length ?? n;
        var subCodes = rows is null ? codes : Gather(codes, rows);
        var subWeights = weights is null || rows is null ? weights : Gather(weights, rows);
        if (classifier is DecisionTreeClassifier { ClassWeight: null } tree)
        {
            var subColumns = rows is null ? columns : GatherColumns(columns, n, d, rows);
            if (subWeights is not null && !subWeights.Any(w => w > 0))
            {
                throw InputGuard.Invalid("sampleWeight", "Sample weights must not all be zero.");
            }

            return tree.FitCodes(subColumns, m, d, subCodes, k, subWeights, cancellationToken, rows is null ? presorted : null);
        }

        var subX = rows is null ? x : GatherRows(x, rows);
        return classifier.Fit(subX, subCodes, subWeights, cancellationToken);
    }

    /// <summary>The member's class probabilities for every row as a flat <c>rows x k</c> array, columns mapped from
    /// the member's classes to the ensemble's codes (classes the member never saw stay 0).</summary>
    public static double[] Proba(IClassificationModel<int> member, double[,] x, float[] rows32, int k, CancellationToken cancellationToken)
    {
        var n = x.GetLength(0);
        var d = x.GetLength(1);
        var result = new double[n * k];
        if (member is DecisionTreeClassifierModel<int> tree && tree.Classes.Count == k)
        {
            for (var i = 0; i < n; i++)
            {
                if ((i & 4095) == 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                }

                tree.Tree.AccumulateProba(rows32.AsSpan(i * d, d), result.AsSpan(i * k, k), add: false);
            }

            return result;
        }

        var proba = member.PredictProba(x, cancellationToken);
        var classes = member.Classes;
        for (var i = 0; i < n; i++)
        {
            for (var c = 0; c < classes.Count; c++)
            {
                result[(i * k) + classes[c]] = proba[i, c];
            }
        }

        return result;
    }

    /// <summary>The leaf of every row when the member is a tree over all codes (its outputs are then per leaf);
    /// otherwise null.</summary>
    public static int[]? Leaves(IClassificationModel<int> member, float[] rows32, int n, int d, int k)
    {
        if (member is not DecisionTreeClassifierModel<int> tree || tree.Classes.Count != k)
        {
            return null;
        }

        var leaves = new int[n];
        for (var i = 0; i < n; i++)
        {
            leaves[i] = tree.Tree.Leaf(rows32.AsSpan(i * d, d));
        }

        return leaves;
    }

    /// <summary>The member's predicted code for every row (scikit-learn's <c>estimator.predict</c>).</summary>
    public static int[] Predict(IClassificationModel<int> member, double[,] x, float[] rows32, int k, CancellationToken cancellationToken)
    {
        if (member is DecisionTreeClassifierModel<int> tree && tree.Classes.Count == k)
        {
            // A tree predicts the argmax of its leaf's weighted counts, which is the argmax of their fractions.
            var proba = Proba(member, x, rows32, k, cancellationToken);
            return ArgMax(proba, k);
        }

        return member.Predict(x, cancellationToken);
    }

    /// <summary>The first largest column of each row of a flat <c>rows x k</c> array (NumPy's <c>argmax</c>).</summary>
    public static int[] ArgMax(double[] flat, int k)
    {
        var n = flat.Length / k;
        var result = new int[n];
        for (var i = 0; i < n; i++)
        {
            var best = 0;
            for (var c = 1; c < k; c++)
            {
                if (flat[(i * k) + c] > flat[(i * k) + best])
                {
                    best = c;
                }
            }

            result[i] = best;
        }

        return result;
    }

    /// <summary>Checks prediction input and returns its float32 image (the trees' view of it).</summary>
    public static float[] CheckRows(double[,] x, int features, string learner)
    {
        ArgumentNullException.ThrowIfNull(x);
        InputGuard.CheckMatrix(x, nameof(x));
        if (x.GetLength(1) != features)
        {
            throw new ArgumentException($"X has {x.GetLength(1)} features, but {learner} is expecting {features} features as input.", nameof(x));
        }

        return CartTree.ToFloat32(MatrixRows.Of(x));
    }

    /// <summary>The selected entries, in order.</summary>
    public static T[] Gather<T>(T[] values, int[] rows)
    {
        var result = new T[rows.Length];
        for (var j = 0; j < rows.Length; j++)
        {
            result[j] = values[rows[j]];
        }

        return result;
    }

    /// <summary>The selected rows of a matrix, in order (NumPy's <c>X[rows]</c>).</summary>
    public static double[,] GatherRows(double[,] x, int[] rows)
    {
        var d = x.GetLength(1);
        var result = new double[rows.Length, d];
        var source = MatrixRows.Of(x);
        var dest = MatrixRows.Of(result);
        for (var j = 0; j < rows.Length; j++)
        {
            source.Slice(rows[j] * d, d).CopyTo(dest.Slice(j * d, d));
        }

        return result;
    }

    /// <summary>The selected rows of feature-major float32 columns, in order.</summary>
    public static float[] GatherColumns(float[] columns, int n, int d, int[] rows)
    {
        var m = rows.Length;
        var result = new float[m * d];
        for (var f = 0; f < d; f++)
        {
            var source = columns.AsSpan(f * n, n);
            var dest = result.AsSpan(f * m, m);
            for (var j = 0; j < m; j++)
            {
                dest[j] = source[rows[j]];
            }
        }

        return result;
    }
}
