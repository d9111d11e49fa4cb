using System.Collections.Concurrent;
using Imbalance.Learning;
using Imbalance.Sampling;

namespace Imbalance.Tests.ModelSelection;

/// <summary>Deterministic stand-ins for the decision tests: a classifier whose positive probability is column 0 of X,
/// and a sampler that records the row ids (last column) it sees.</summary>
internal static class DecisionTestKit
{
    /// <summary>Predicts p(second class) = clamp(x[:, 0], 0, 1); records the sample weights it was fitted with.</summary>
    public sealed class ColumnClassifier : IClassifier
    {
        public ConcurrentBag<double[]?> Weights { get; } = [];

        public IClassificationModel<TLabel> Fit<TLabel>(double[,] x, IReadOnlyList<TLabel> y, IReadOnlyList<double>? sampleWeight = null, CancellationToken cancellationToken = default)
            where TLabel : notnull
        {
            Weights.Add(sampleWeight?.ToArray());
            return new ColumnModel<TLabel>(LabelEncoder<TLabel>.Fit(y).Classes);
        }
    }

    public sealed class ColumnModel<TLabel>(IReadOnlyList<TLabel> classes) : IClassificationModel<TLabel>
        where TLabel : notnull
    {
        public IReadOnlyList<TLabel> Classes => classes;

        public double[,] PredictProba(double[,] x, CancellationToken cancellationToken = default)
        {
            var p = new double[x.GetLength(0), 2];
            for (var i = 0; i < p.GetLength(0); i++)
            {
                p[i, 1] = Math.Clamp(x[i, 0], 0, 1);
                p[i, 0] = 1 - p[i, 1];
            }

            return p;
        }

        public TLabel[] Predict(double[,] x, CancellationToken cancellationToken = default)
        {
            var p = PredictProba(x, cancellationToken);
            return Enumerable.Range(0, p.GetLength(0)).Select(i => p[i, 1] > p[i, 0] ? classes[1] : classes[0]).ToArray();
        }
    }

    /// <summary>Records the ids (last column) of the rows each resampling sees, then delegates.</summary>
    public sealed class IdSpySampler(ISampler inner) : ISampler
    {
        public ConcurrentBag<int[]> Seen { get; } = [];

        public SamplingStrategy SamplingStrategy => inner.SamplingStrategy;

        public SamplingType SamplingType => inner.SamplingType;

        public ResampleResult<TLabel> FitResample<TLabel>(double[,] x, IReadOnlyList<TLabel> y, CancellationToken cancellationToken = default)
            where TLabel : notnull
        {
            var last = x.GetLength(1) - 1;
            Seen.Add(Enumerable.Range(0, x.GetLength(0)).Select(i => (int)x[i, last]).ToArray());
            return inner.FitResample(x, y, cancellationToken);
        }
    }

    /// <summary>Binary imbalanced data with a last column holding the row id.</summary>
    public static (double[,] X, int[] Y) BinaryWithIds(int n = 120, int seed = 1)
    {
        var (x, y) = Imbalance.Datasets.DataGenerators.MakeClassification(nSamples: n, nFeatures: 4, nInformative: 2, nRedundant: 0, weights: [0.8, 0.2], randomState: seed);
        var withIds = new double[n, 5];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < 4; j++)
            {
                withIds[i, j] = x[i, j];
            }

            withIds[i, 4] = i;
        }

        return (withIds, y);
    }

    /// <summary>One column of scores as an n x 1 matrix.</summary>
    public static double[,] Column(params double[] values)
    {
        var x = new double[values.Length, 1];
        for (var i = 0; i < values.Length; i++)
        {
            x[i, 0] = values[i];
        }

        return x;
    }
}
