using Imbalance.Neighbors;
using Imbalance.Sampling;

namespace Imbalance.UnderSampling;

/// <summary>
/// CNN's k-NN rule over a store that only grows at its end: the predictions scikit-learn's
/// <c>KNeighborsClassifier(k).fit(X[C], y[C]).predict(X[rows])</c> would give after each addition, kept up to date
/// instead of refitted. The first neighbour lists come from one engine query; a new store row (the last position)
/// enters a row's list only if it is strictly nearer than the list's k-th entry (at equal distance the lower store
/// position wins, as in the engine), so each addition costs one distance per row.
/// </summary>
internal sealed class GrowingStoreVote
{
    private readonly double[] _data;
    private readonly int _d;
    private readonly int _k;
    private readonly int[] _codes;
    private readonly int[] _rows;
    private readonly int[] _neighbourCodes;
    private readonly double[] _reduced;
    private readonly int[] _counts;

    /// <summary>Fits the rule on <paramref name="store"/> and predicts <paramref name="rows"/>.</summary>
    public GrowingStoreVote(SamplerInput input, List<int> store, int[] rows, int k, int? maxDegreeOfParallelism, CancellationToken cancellationToken)
    {
        _d = input.FeatureCount;
        _k = k;
        _data = MatrixRows.Of(input.X).ToArray();
        _codes = input.Classes.Codes;
        _rows = rows;
        _counts = new int[input.Classes.ClassCount];
        Predictions = new int[rows.Length];
        _neighbourCodes = new int[rows.Length * k];
        _reduced = new double[rows.Length * k];
        if (rows.Length == 0)
        {
            return;
        }

        var fitted = Gather(store);
        var index = new NearestNeighbors { NNeighbors = k, MaxDegreeOfParallelism = maxDegreeOfParallelism }.FitOwned(fitted, store.Count, _d);
        var result = index.KNeighbors(Gather(rows), rows.Length, k, cancellationToken);
        var metric = DistanceMetric.Euclidean;
        for (var i = 0; i < rows.Length; i++)
        {
            var query = _data.AsSpan(rows[i] * _d, _d);
            for (var j = 0; j < k; j++)
            {
                var member = store[result.IndexData[(i * k) + j]];
                _neighbourCodes[(i * k) + j] = _codes[member];
                _reduced[(i * k) + j] = metric.Reduced(query, _data.AsSpan(member * _d, _d));
            }

            Predictions[i] = Vote(i);
        }
    }

    /// <summary>The current prediction of each row.</summary>
    public int[] Predictions { get; }

    /// <summary>Appends <paramref name="row"/> to the store and updates the predictions.</summary>
    public void Add(int row)
    {
        var metric = DistanceMetric.Euclidean;
        var added = _data.AsSpan(row * _d, _d);
        var code = _codes[row];
        for (var i = 0; i < _rows.Length; i++)
        {
            var reduced = metric.Reduced(_data.AsSpan(_rows[i] * _d, _d), added);
            var offset = i * _k;
            if (!(reduced < _reduced[offset + _k - 1]))
            {
                continue;
            }

            // Insert after every entry at most as far (they have lower store positions), dropping the k-th.
            var j = _k - 1;
            while (j > 0 && _reduced[offset + j - 1] > reduced)
            {
                _reduced[offset + j] = _reduced[offset + j - 1];
                _neighbourCodes[offset + j] = _neighbourCodes[offset + j - 1];
                j--;
            }

            _reduced[offset + j] = reduced;
            _neighbourCodes[offset + j] = code;
            Predictions[i] = Vote(i);
        }
    }

    /// <summary>The most common class among the row's neighbours, ties to the smallest code.</summary>
    private int Vote(int i) => ImblearnClasses.Mode(_neighbourCodes.AsSpan(i * _k, _k), _counts);

    private double[] Gather(IReadOnlyList<int> rows)
    {
        var flat = new double[rows.Count * _d];
        for (var i = 0; i < rows.Count; i++)
        {
            _data.AsSpan(rows[i] * _d, _d).CopyTo(flat.AsSpan(i * _d, _d));
        }

        return flat;
    }
}
