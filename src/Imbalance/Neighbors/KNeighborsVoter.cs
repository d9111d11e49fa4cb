using System.Globalization;

namespace Imbalance.Neighbors;

/// <summary>The fitted k-NN vote over int class codes: what samplers use, and what the typed model decodes.</summary>
internal sealed class KNeighborsVoter
{
    private readonly NeighborsIndex _index;
    private readonly int[] _codes;
    private readonly int _k;
    private readonly NeighborWeights _weights;

    public KNeighborsVoter(NeighborsIndex index, int[] codes, int classCount, int k, NeighborWeights weights)
    {
        _index = index;
        _codes = codes;
        ClassCount = classCount;
        _k = k;
        _weights = weights;
    }

    public int ClassCount { get; }

    /// <summary>The index, class codes, k and weighting, for saving.</summary>
    public (NeighborsIndex Index, int[] Codes, int K, NeighborWeights Weights) State => (_index, _codes, _k, _weights);

    public int Features => _index.Features;

    /// <summary>Class probabilities, <c>rows x ClassCount</c> row-major, as scikit-learn's <c>predict_proba</c>.</summary>
    public double[] PredictProba(double[] queries, int rows, CancellationToken cancellationToken = default)
    {
        var neighbours = Neighbours(queries, rows, cancellationToken);
        var proba = new double[rows * ClassCount];
        for (var i = 0; i < rows; i++)
        {
            Accumulate(neighbours, i, proba.AsSpan(i * ClassCount, ClassCount));
            var row = proba.AsSpan(i * ClassCount, ClassCount);
            var total = 0.0;
            foreach (var v in row)
            {
                total += v;
            }

            for (var c = 0; c < row.Length; c++)
            {
                row[c] /= total;
            }
        }

        return proba;
    }

    /// <summary>The winning class code of each query (ties to the smallest code), as scikit-learn's <c>predict</c>.</summary>
    public int[] Predict(double[] queries, int rows, CancellationToken cancellationToken = default)
    {
        var neighbours = Neighbours(queries, rows, cancellationToken);
        var predictions = new int[rows];
        var scores = new double[ClassCount];
        for (var i = 0; i < rows; i++)
        {
            Array.Clear(scores);
            Accumulate(neighbours, i, scores);
            var best = 0;
            for (var c = 1; c < scores.Length; c++)
            {
                if (scores[c] > scores[best])
                {
                    best = c;
                }
            }

            predictions[i] = best;
        }

        return predictions;
    }

    private NeighborsResult Neighbours(double[] queries, int rows, CancellationToken cancellationToken)
    {
        if (_k > _index.Count)
        {
            throw new InvalidOperationException(
                string.Create(CultureInfo.InvariantCulture, $"Expected NNeighbors <= n_samples_fit, but NNeighbors = {_k}, n_samples_fit = {_index.Count}, n_samples = {rows}"));
        }

        return _index.KNeighbors(queries, rows, _k, cancellationToken);
    }

    /// <summary>Adds each neighbour's vote to its class, in neighbour order.</summary>
    private void Accumulate(NeighborsResult neighbours, int query, Span<double> scores)
    {
        var indices = neighbours.IndexData.AsSpan(query * _k, _k);
        if (_weights == NeighborWeights.Uniform)
        {
            foreach (var j in indices)
            {
                scores[_codes[j]] += 1.0;
            }

            return;
        }

        var distances = neighbours.DistanceData.AsSpan(query * _k, _k);
        var exact = distances.IndexOf(0.0) >= 0;
        for (var j = 0; j < indices.Length; j++)
        {
            var vote = exact ? (distances[j] == 0.0 ? 1.0 : 0.0) : 1.0 / distances[j];
            scores[_codes[indices[j]]] += vote;
        }
    }
}
