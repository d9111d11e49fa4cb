using System.Globalization;

namespace Imbalance.Neighbors;

/// <summary>
/// The distance used by <see cref="NearestNeighbors"/>: scikit-learn's <c>metric</c> (with <c>p</c> for
/// <c>"minkowski"</c>). The default everywhere is <see cref="Euclidean"/>, scikit-learn's <c>"minkowski"</c> with
/// <c>p = 2</c>.
/// </summary>
/// <remarks>
/// <para>When to use it: keep the Euclidean default on standardised numeric features; Manhattan is less sensitive
/// to a single large difference, and other Minkowski powers trade between them. For categorical features prefer
/// SmoteN's value difference metric or one-hot encoding over any distance on codes.</para>
/// Searches rank rows by a <em>reduced</em> distance that orders like the distance and is cheaper to compute (the
/// squared distance for Euclidean, <c>sum |x - y|^p</c> for Minkowski), and convert only the winners, as
/// scikit-learn's <c>DistanceMetric.rdist</c> does.
/// </remarks>
public sealed class DistanceMetric : IEquatable<DistanceMetric>
{
    private DistanceMetric(DistanceKind kind, double p)
    {
        Kind = kind;
        P = p;
    }

    /// <summary>The Euclidean (L2) distance, <c>sqrt(sum (x - y)^2)</c>: scikit-learn's <c>"euclidean"</c>.</summary>
    public static DistanceMetric Euclidean { get; } = new(DistanceKind.Euclidean, 2.0);

    /// <summary>The Manhattan (L1, city-block) distance, <c>sum |x - y|</c>: scikit-learn's <c>"manhattan"</c>.</summary>
    public static DistanceMetric Manhattan { get; } = new(DistanceKind.Manhattan, 1.0);

    /// <summary>The Chebyshev (L-infinity) distance, <c>max |x - y|</c>: scikit-learn's <c>"chebyshev"</c>.</summary>
    public static DistanceMetric Chebyshev { get; } = new(DistanceKind.Chebyshev, double.PositiveInfinity);

    /// <summary>The power of the Minkowski distance; 2 for Euclidean, 1 for Manhattan, infinity for Chebyshev.</summary>
    public double P { get; }

    /// <summary>The name scikit-learn gives this metric (<c>"euclidean"</c>, <c>"manhattan"</c>, <c>"chebyshev"</c>,
    /// <c>"minkowski"</c>).</summary>
    public string Name => Kind switch
    {
        DistanceKind.Euclidean => "euclidean",
        DistanceKind.Manhattan => "manhattan",
        DistanceKind.Chebyshev => "chebyshev",
        _ => "minkowski",
    };

    internal DistanceKind Kind { get; }

    /// <summary>
    /// The Minkowski distance <c>(sum |x - y|^p)^(1/p)</c>: scikit-learn's <c>metric="minkowski", p=p</c>. As in
    /// scikit-learn, <c>p = 1</c> is <see cref="Manhattan"/>, <c>p = 2</c> is <see cref="Euclidean"/> and
    /// <c>p = infinity</c> is <see cref="Chebyshev"/>.
    /// </summary>
    /// <param name="p">The power, at least 1 (below 1 it is not a metric).</param>
    /// <returns>The metric.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="p"/> is NaN or below 1.</exception>
    public static DistanceMetric Minkowski(double p)
    {
        if (double.IsNaN(p) || p < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(p), p, "p must be greater or equal to one for minkowski metric");
        }

        return p switch
        {
            1.0 => Manhattan,
            2.0 => Euclidean,
            double.PositiveInfinity => Chebyshev,
            _ => new DistanceMetric(DistanceKind.Minkowski, p),
        };
    }

    /// <summary>The distance between two points of the same length.</summary>
    /// <param name="x">The first point.</param>
    /// <param name="y">The second point.</param>
    /// <returns>The distance, computed by a sequential sum over the features as scikit-learn's KD-tree does.</returns>
    /// <exception cref="ArgumentException">The points have different lengths.</exception>
    public double Distance(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        if (x.Length != y.Length)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"x has {x.Length} features but y has {y.Length}."), nameof(y));
        }

        return ReducedToDistance(Reduced(x, y));
    }

    /// <inheritdoc/>
    public bool Equals(DistanceMetric? other) => other is not null && Kind == other.Kind && P.Equals(other.P);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as DistanceMetric);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Kind, P);

    /// <inheritdoc/>
    public override string ToString() =>
        Kind == DistanceKind.Minkowski ? string.Create(CultureInfo.InvariantCulture, $"minkowski(p={P})") : Name;

    /// <summary>The reduced distance (ranks like the distance): squared Euclidean, or <c>sum |d|^p</c>.</summary>
    internal double Reduced(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        var acc = 0.0;
        switch (Kind)
        {
            case DistanceKind.Euclidean:
                for (var t = 0; t < x.Length; t++)
                {
                    var d = x[t] - y[t];
                    acc += d * d;
                }

                break;
            case DistanceKind.Manhattan:
                for (var t = 0; t < x.Length; t++)
                {
                    acc += Math.Abs(x[t] - y[t]);
                }

                break;
            case DistanceKind.Chebyshev:
                for (var t = 0; t < x.Length; t++)
                {
                    acc = Math.Max(acc, Math.Abs(x[t] - y[t]));
                }

                break;
            default:
                for (var t = 0; t < x.Length; t++)
                {
                    acc += Math.Pow(Math.Abs(x[t] - y[t]), P);
                }

                break;
        }

        return acc;
    }

    /// <summary>Converts a reduced distance to the distance.</summary>
    internal double ReducedToDistance(double reduced) => Kind switch
    {
        DistanceKind.Euclidean => Math.Sqrt(reduced),
        DistanceKind.Minkowski => Math.Pow(reduced, 1.0 / P),
        _ => reduced,
    };

    /// <summary>The reduced form of one coordinate gap <paramref name="gap"/> &gt;= 0 (for KD-tree bounds).</summary>
    internal double ReducedGap(double gap) => Kind switch
    {
        DistanceKind.Euclidean => gap * gap,
        DistanceKind.Minkowski => Math.Pow(gap, P),
        _ => gap,
    };
}

/// <summary>The metric families the kernels specialise on.</summary>
internal enum DistanceKind
{
    Euclidean,
    Manhattan,
    Chebyshev,
    Minkowski,
}
