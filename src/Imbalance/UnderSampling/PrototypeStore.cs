using Imbalance.Neighbors;
using Imbalance.Sampling;

namespace Imbalance.UnderSampling;

/// <summary>
/// The k-NN classifier one-sided selection fits on a store of rows: scikit-learn's
/// <c>KNeighborsClassifier(n_neighbors).fit(X[C], y[C]).predict(X[rows])</c> over class codes.
/// </summary>
internal sealed class PrototypeStore(SamplerInput input, int k, int? maxDegreeOfParallelism)
{
    private readonly double[] _data = MatrixRows.Of(input.X).ToArray();
    private readonly int _d = input.FeatureCount;

    /// <summary>The predicted class of each of <paramref name="rows"/> by the rule fitted on <paramref name="store"/>.</summary>
    public int[] Predict(List<int> store, ReadOnlySpan<int> rows, CancellationToken cancellationToken)
    {
        if (k > store.Count)
        {
            throw InputGuard.TooManyNeighbours("NNeighbors", k, plusSelf: false, store.Count, rows.Length);
        }

        var fitted = new double[store.Count * _d];
        var codes = new int[store.Count];
        for (var i = 0; i < store.Count; i++)
        {
            _data.AsSpan(store[i] * _d, _d).CopyTo(fitted.AsSpan(i * _d, _d));
            codes[i] = input.Classes.Codes[store[i]];
        }

        var voter = new KNeighborsClassifier { NNeighbors = k, MaxDegreeOfParallelism = maxDegreeOfParallelism }
            .FitCodes(fitted, store.Count, _d, codes, input.Classes.ClassCount);
        var queries = new double[rows.Length * _d];
        for (var i = 0; i < rows.Length; i++)
        {
            _data.AsSpan(rows[i] * _d, _d).CopyTo(queries.AsSpan(i * _d, _d));
        }

        return rows.Length == 0 ? [] : voter.Predict(queries, rows.Length, cancellationToken);
    }
}
