namespace Imbalance.Datasets;

/// <summary>
/// Every argument of scikit-learn's <c>make_classification</c>, with its name and default, for
/// <see cref="DataGenerators.MakeClassification(MakeClassificationOptions)"/>. Use it instead of the overload with
/// optional parameters when <see cref="Shift"/> or <see cref="Scale"/> is given per feature.
/// </summary>
/// <remarks>
/// The record only carries values; they are checked when the generator runs, which throws an
/// <see cref="ArgumentException"/> (or a subclass) whose <see cref="ArgumentException.ParamName"/> is the camel-case
/// name of the property (<c>"nSamples"</c> for <see cref="NSamples"/>), as for the optional-parameter overload.
/// </remarks>
public sealed record MakeClassificationOptions
{
    private static readonly double[] DefaultShift = [0.0];
    private static readonly double[] DefaultScale = [1.0];

    /// <summary>The number of rows (<c>n_samples</c>, default 100, at least 1).</summary>
    public int NSamples { get; init; } = 100;

    /// <summary>
    /// The total number of columns (<c>n_features</c>, default 20): informative, redundant, repeated and
    /// <c>n_features - n_informative - n_redundant - n_repeated</c> useless standard-normal ones.
    /// </summary>
    public int NFeatures { get; init; } = 20;

    /// <summary>
    /// The number of informative columns (<c>n_informative</c>, default 2, at least 1): each class is made of
    /// Gaussian clusters placed on the vertices of a hypercube of this dimension.
    /// </summary>
    public int NInformative { get; init; } = 2;

    /// <summary>The number of redundant columns, random linear combinations of the informative ones
    /// (<c>n_redundant</c>, default 2).</summary>
    public int NRedundant { get; init; } = 2;

    /// <summary>The number of columns copied from random informative or redundant ones (<c>n_repeated</c>,
    /// default 0).</summary>
    public int NRepeated { get; init; }

    /// <summary>The number of classes (<c>n_classes</c>, default 2); labels are <c>0 .. n_classes - 1</c>.</summary>
    public int NClasses { get; init; } = 2;

    /// <summary>The number of Gaussian clusters of each class (<c>n_clusters_per_class</c>, default 2).
    /// <c>n_classes * n_clusters_per_class</c> must not exceed <c>2 ** n_informative</c>.</summary>
    public int NClustersPerClass { get; init; } = 2;

    /// <summary>
    /// The proportion of rows given to each class before label noise (<c>weights</c>, default
    /// <see langword="null"/>: balanced). <c>n_classes</c> values, or <c>n_classes - 1</c> and the last class gets
    /// <c>1 - sum</c>. Non-negative; a total above 1 is accepted as in scikit-learn 1.2.1, whose last clusters are
    /// then cut short at <see cref="NSamples"/> rows.
    /// </summary>
    public IReadOnlyList<double>? Weights { get; init; }

    /// <summary>
    /// The fraction of rows whose label is replaced by a uniformly drawn class (<c>flip_y</c>, default 0.01, in
    /// [0, 1]); a replaced label may equal the old one. The draws happen even when it is 0.
    /// </summary>
    public double FlipY { get; init; } = 0.01;

    /// <summary>Half the side of the hypercube, so larger values separate classes more (<c>class_sep</c>,
    /// default 1.0, positive).</summary>
    public double ClassSep { get; init; } = 1.0;

    /// <summary>
    /// Whether cluster centres are the hypercube's vertices (<c>hypercube</c>, default <see langword="true"/>); when
    /// <see langword="false"/> they are scaled by random factors per cluster and per column (a random polytope).
    /// </summary>
    public bool Hypercube { get; init; } = true;

    /// <summary>
    /// Added to every column (<c>shift</c>, default <c>[0.0]</c>): one value for all columns, or one per column
    /// (<see cref="NFeatures"/> values), all finite; <see langword="null"/> (scikit-learn's <c>None</c>) draws
    /// <c>(2 * uniform - 1) * class_sep</c> per column.
    /// </summary>
    public IReadOnlyList<double>? Shift { get; init; } = DefaultShift;

    /// <summary>
    /// Multiplies every column after the shift (<c>scale</c>, default <c>[1.0]</c>): one value for all columns or one
    /// per column, all finite and positive; <see langword="null"/> (scikit-learn's <c>None</c>) draws
    /// <c>1 + 100 * uniform</c> per column.
    /// </summary>
    public IReadOnlyList<double>? Scale { get; init; } = DefaultScale;

    /// <summary>Whether rows and then columns are randomly permuted (<c>shuffle</c>, default
    /// <see langword="true"/>). Without it the informative columns come first and rows are grouped by
    /// cluster.</summary>
    public bool Shuffle { get; init; } = true;

    /// <summary>
    /// The seed of the NumPy-legacy generator (<c>random_state</c>, default <see langword="null"/>: unpredictable).
    /// Non-negative. For the same seed the output equals scikit-learn 1.2.1's.
    /// </summary>
    public int? RandomState { get; init; }
}
