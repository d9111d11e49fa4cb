using Imbalance.Learning;
using Imbalance.Neighbors;
using Imbalance.Randomness;
using Imbalance.Sampling;
using Imbalance.UnderSampling;

namespace Imbalance.Tests.UnderSampling;

/// <summary>
/// ClusterCentroids hands each class's rows to k-means flat, without the matrix copies it used to make (issue #18,
/// peak memory): its output must be, bit for bit, what the public KMeans and NearestNeighbors give on each class's
/// rows, and what a custom clusterer (the other code path, which still gets a matrix) gives for the same centres.
/// </summary>
public class ClusterCentroidsCopyFreeTests
{
    public static TheoryData<int, int, int> Shapes => new()
    {
        { 1, 3, 2 },
        { 2, 5, 3 },
        { 3, 20, 4 },   // d > 15: the centre-search path
        { 4, 2, 80 },   // many rows per class, k >= 64 in the large class: the grouped (Yinyang) search
        { 5, 7, 1 },
    };

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Soft_voting_equals_kmeans_on_each_class_bit_for_bit(int seed, int d, int keep)
    {
        var (x, y) = Data(seed, d, duplicates: seed % 2 == 0);
        var strategy = SamplingStrategy.Counts(new Dictionary<int, int> { [0] = keep, [1] = Math.Min(keep, 30) });
        var result = new ClusterCentroids { RandomState = seed, SamplingStrategy = strategy }.FitResample(x, y);

        var expectedRows = new List<double[]>();
        var expectedLabels = new List<int>();
        foreach (var (label, count) in new[] { (0, keep), (1, Math.Min(keep, 30)) })
        {
            var centres = new KMeans { NClusters = count, NInit = 10, RandomState = seed }.FitCentroids(ClassRows(x, y, label));
            for (var r = 0; r < count; r++)
            {
                expectedRows.Add(Row(centres, r));
                expectedLabels.Add(label);
            }
        }

        var minority = ClassRows(x, y, 2);
        for (var r = 0; r < minority.GetLength(0); r++)
        {
            expectedRows.Add(Row(minority, r));
            expectedLabels.Add(2);
        }

        result.Y.Should().Equal(expectedLabels);
        result.SampleIndices.Should().BeNull();
        for (var r = 0; r < expectedRows.Count; r++)
        {
            Bits(Row(result.X, r)).Should().Equal(Bits(expectedRows[r]), "row {0}", r);
        }
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Hard_voting_equals_the_nearest_class_row_of_each_kmeans_centre(int seed, int d, int keep)
    {
        var (x, y) = Data(seed, d, duplicates: seed % 2 == 1);
        var strategy = SamplingStrategy.Counts(new Dictionary<int, int> { [0] = keep, [1] = Math.Min(keep, 30) });
        var result = new ClusterCentroids { RandomState = seed, SamplingStrategy = strategy, Voting = ClusterCentroidsVoting.Hard }.FitResample(x, y);

        var expected = new List<int>();
        foreach (var (label, count) in new[] { (0, keep), (1, Math.Min(keep, 30)) })
        {
            var positions = Enumerable.Range(0, y.Length).Where(i => y[i] == label).ToArray();
            var rows = ClassRows(x, y, label);
            var centres = new KMeans { NClusters = count, NInit = 10, RandomState = seed }.FitCentroids(rows);
            var nearest = new NearestNeighbors { NNeighbors = 1 }.Fit(rows).KNeighbors(centres, 1);
            for (var c = 0; c < count; c++)
            {
                expected.Add(positions[nearest.GetIndices(c)[0]]);
            }
        }

        expected.AddRange(Enumerable.Range(0, y.Length).Where(i => y[i] == 2));
        result.SampleIndices.Should().Equal(expected);
        for (var r = 0; r < expected.Count; r++)
        {
            Bits(Row(result.X, r)).Should().Equal(Bits(Row(x, expected[r])));
            result.Y[r].Should().Be(y[expected[r]]);
        }
    }

    [Theory]
    [InlineData(ClusterCentroidsVoting.Soft)]
    [InlineData(ClusterCentroidsVoting.Hard)]
    public void A_custom_clusterer_gets_the_same_answer_as_the_built_in_kmeans(ClusterCentroidsVoting voting)
    {
        var (x, y) = Data(11, 6, duplicates: true);
        var builtIn = new ClusterCentroids { RandomState = 3, Voting = voting }.FitResample(x, y);
        var custom = new ClusterCentroids { Estimator = new Wrapped(new KMeans { NInit = 10, RandomState = 3 }), Voting = voting }.FitResample(x, y);

        custom.Y.Should().Equal(builtIn.Y);
        Bits(MatrixRows.Of(custom.X).ToArray()).Should().Equal(Bits(MatrixRows.Of(builtIn.X).ToArray()));
        if (voting == ClusterCentroidsVoting.Hard)
        {
            custom.SampleIndices.Should().Equal(builtIn.SampleIndices);
        }
    }

    [Fact]
    public void The_input_is_not_written_to()
    {
        var (x, y) = Data(6, 4, duplicates: true);
        var xCopy = (double[,])x.Clone();
        var yCopy = (int[])y.Clone();
        _ = new ClusterCentroids { RandomState = 1 }.FitResample(x, y);
        _ = new ClusterCentroids { RandomState = 1, Voting = ClusterCentroidsVoting.Hard }.FitResample(x, y);
        Bits(MatrixRows.Of(x).ToArray()).Should().Equal(Bits(MatrixRows.Of(xCopy).ToArray()));
        y.Should().Equal(yCopy);
    }

    // Three classes (0 largest, 2 smallest), labels interleaved; with duplicates some rows repeat exactly (ties).
    private static (double[,] X, int[] Y) Data(int seed, int d, bool duplicates)
    {
        var rng = new RandomState(seed);
        var sizes = new[] { 260, 90, 25 };
        var n = sizes.Sum();
        var y = new int[n];
        var at = 0;
        for (var c = 0; c < sizes.Length; c++)
        {
            y.AsSpan(at, sizes[c]).Fill(c);
            at += sizes[c];
        }

        rng.Shuffle(y.AsSpan());
        var x = new double[n, d];
        for (var i = 0; i < n; i++)
        {
            var copyOf = duplicates && i > 10 && i % 7 == 0 ? i - 7 : -1;
            for (var j = 0; j < d; j++)
            {
                x[i, j] = copyOf >= 0 && y[copyOf] == y[i] ? x[copyOf, j] : Math.Round(rng.StandardNormal() * 4, 2) + (2 * y[i]);
            }
        }

        return (x, y);
    }

    private static double[,] ClassRows(double[,] x, int[] y, int label) => ClusterCentroidsTests.ClassRows(x, y, label);

    private static double[] Row(double[,] x, int r) => Enumerable.Range(0, x.GetLength(1)).Select(j => x[r, j]).ToArray();

    private static long[] Bits(double[] values) => values.Select(BitConverter.DoubleToInt64Bits).ToArray();

    private sealed class Wrapped(ICentroidClusterer inner) : ICentroidClusterer
    {
        public int ClusterCount => inner.ClusterCount;

        public ICentroidClusterer WithClusterCount(int clusterCount) => new Wrapped(inner.WithClusterCount(clusterCount));

        public double[,] FitCentroids(double[,] x, CancellationToken cancellationToken = default) => inner.FitCentroids(x, cancellationToken);

        public int[] FitPredict(double[,] x, CancellationToken cancellationToken = default) => inner.FitPredict(x, cancellationToken);
    }
}
