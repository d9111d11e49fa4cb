using System.Globalization;
using Imbalance.Learning;
using Imbalance.Sampling;

namespace Imbalance.Neighbors;

/// <summary>
/// The k-nearest-neighbours vote, configured like scikit-learn's <c>KNeighborsClassifier(n_neighbors=5,
/// weights="uniform", algorithm="auto", leaf_size=30, metric="minkowski", p=2)</c>, the classifier imblearn uses
/// inside EditedNearestNeighbours, CondensedNearestNeighbour, OneSidedSelection and NeighbourhoodCleaningRule.
/// <see cref="Fit{TLabel}"/> returns an immutable <see cref="KNeighborsClassifierModel{TLabel}"/>.
/// </summary>
/// <remarks>
/// <para>When to use it: small numeric data with a local class structure, and as the estimator inside samplers and
/// cleaning methods; standardise features first. A majority vote favours the majority class: use distance weights,
/// resampling or threshold tuning, and prefer a forest on large or high-dimensional data.</para>
/// Neighbours come from <see cref="NearestNeighbors"/> (exact; ties by lower row index). A vote tie goes to
/// the smallest class in sorted label order, as in scikit-learn.</remarks>
/// <example>
/// <code>
/// var model = new KNeighborsClassifier { NNeighbors = 5, Weights = NeighborWeights.Distance }.Fit(x, y);
/// </code>
/// </example>
public sealed class KNeighborsClassifier : IClassifier
{
    private readonly int _nNeighbors = 5;
    private readonly NeighborWeights _weights = NeighborWeights.Uniform;

    /// <summary>Number of neighbours that vote (scikit-learn's <c>n_neighbors</c>); default 5.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is below 1.</exception>
    public int NNeighbors
    {
        get => _nNeighbors;
        init => _nNeighbors = value >= 1
            ? value
            : throw new ArgumentOutOfRangeException(nameof(NNeighbors), value, string.Create(CultureInfo.InvariantCulture, $"Expected NNeighbors > 0. Got {value}"));
    }

    /// <summary>How votes are weighted (scikit-learn's <c>weights</c>); default <see cref="NeighborWeights.Uniform"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not a defined weighting.</exception>
    public NeighborWeights Weights
    {
        get => _weights;
        init => _weights = Enum.IsDefined(value) ? value : throw new ArgumentOutOfRangeException(nameof(Weights), value, "Unknown weights.");
    }

    /// <summary>The search algorithm (scikit-learn's <c>algorithm</c>); default <see cref="NeighborsAlgorithm.Auto"/>.</summary>
    public NeighborsAlgorithm Algorithm { get; init; } = NeighborsAlgorithm.Auto;

    /// <summary>The distance (scikit-learn's <c>metric</c> and <c>p</c>); default <see cref="DistanceMetric.Euclidean"/>.</summary>
    public DistanceMetric Metric { get; init; } = DistanceMetric.Euclidean;

    /// <summary>Rows per KD-tree leaf (scikit-learn's <c>leaf_size</c>); default 30.</summary>
    public int LeafSize { get; init; } = 30;

    /// <summary>The most threads a prediction uses (scikit-learn's <c>n_jobs</c>); <see langword="null"/> for every core.</summary>
    public int? MaxDegreeOfParallelism { get; init; }

    /// <summary>Stores the training rows and labels (scikit-learn's <c>fit(X, y)</c>).</summary>
    /// <typeparam name="TLabel">The label type; classes are kept in sorted order (scikit-learn's <c>classes_</c>).</typeparam>
    /// <param name="x">The training rows, finite, at least one.</param>
    /// <param name="y">The class of each row.</param>
    /// <returns>The fitted model.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The inputs are empty, hold NaN or infinity, or differ in length, or
    /// <paramref name="x"/> has fewer rows than <see cref="NNeighbors"/>.</exception>
    public KNeighborsClassifierModel<TLabel> Fit<TLabel>(double[,] x, IReadOnlyList<TLabel> y)
        where TLabel : notnull
    {
        InputGuard.CheckXy(x, y);
        if (NNeighbors > x.GetLength(0))
        {
            // scikit-learn accepts this at fit and fails at predict; fail where the mistake is made.
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"NNeighbors = {NNeighbors} is larger than the {x.GetLength(0)} training rows (Expected n_neighbors <= n_samples_fit)."),
                nameof(x));
        }

        var encoder = LabelEncoder<TLabel>.Fit(y);
        var voter = FitCodes(MatrixRows.Of(x).ToArray(), x.GetLength(0), x.GetLength(1), encoder.Codes, encoder.ClassCount);
        return new KNeighborsClassifierModel<TLabel>(voter, encoder.Classes);
    }

    /// <summary>The <see cref="IClassifier"/> form; k-NN takes no sample weights (as in scikit-learn).</summary>
    /// <exception cref="ArgumentException"><paramref name="sampleWeight"/> is given.</exception>
    IClassificationModel<TLabel> IClassifier.Fit<TLabel>(double[,] x, IReadOnlyList<TLabel> y, IReadOnlyList<double>? sampleWeight, CancellationToken cancellationToken) =>
        sampleWeight is null
            ? Fit(x, y)
            : throw new ArgumentException("KNeighborsClassifier does not support sample weights.", nameof(sampleWeight));

    /// <summary>Fits on rows the model may keep and int class codes in [0, classCount) (no validation).</summary>
    internal KNeighborsVoter FitCodes(double[] rows, int n, int d, int[] codes, int classCount)
    {
        var index = new NearestNeighbors
        {
            NNeighbors = NNeighbors,
            Algorithm = Algorithm,
            Metric = Metric,
            LeafSize = LeafSize,
            MaxDegreeOfParallelism = MaxDegreeOfParallelism,
        }.FitOwned(rows, n, d);
        return new KNeighborsVoter(index, codes, classCount, NNeighbors, Weights);
    }
}
