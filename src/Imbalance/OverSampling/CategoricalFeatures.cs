using System.Globalization;
using Imbalance.Sampling;

namespace Imbalance.OverSampling;

/// <summary>
/// Which features <see cref="SmoteNc"/> treats as categorical (imblearn's <c>categorical_features</c>): either
/// feature indices or a boolean mask over the features.
/// </summary>
/// <remarks><para>When to use it: whenever some features of the data are codes of categories rather than quantities
/// (colour, country, product): tell SmoteNc which ones, so they are copied from neighbours instead of being
/// interpolated into meaningless in-between values. TabularData builds it for you from typed
/// columns.</para></remarks>
public sealed class CategoricalFeatures
{
    private readonly int[]? _indices;
    private readonly bool[]? _mask;

    private CategoricalFeatures(int[]? indices, bool[]? mask)
    {
        _indices = indices;
        _mask = mask;
    }

    /// <summary>The categorical features by index, in the given order (which orders the one-hot blocks and the
    /// categorical votes, as in imblearn).</summary>
    /// <param name="indices">Feature indices, each in <c>[0, n_features)</c>, no repeats.</param>
    /// <returns>The selection.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="indices"/> is null.</exception>
    public static CategoricalFeatures Indices(params int[] indices)
    {
        ArgumentNullException.ThrowIfNull(indices);
        return new((int[])indices.Clone(), null);
    }

    /// <summary>The categorical features as a mask: feature <c>j</c> is categorical when <c>mask[j]</c> is true.</summary>
    /// <param name="mask">One flag per feature.</param>
    /// <returns>The selection.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="mask"/> is null.</exception>
    public static CategoricalFeatures Mask(params bool[] mask)
    {
        ArgumentNullException.ThrowIfNull(mask);
        return new(null, (bool[])mask.Clone());
    }

    /// <summary>Describes the selection like imblearn's parameter value.</summary>
    public override string ToString() => _indices is not null
        ? "[" + string.Join(", ", _indices) + "]"
        : "[" + string.Join(", ", _mask!.Select(b => b ? "True" : "False")) + "]";

    /// <summary>
    /// imblearn's <c>categorical_features_</c> for <paramref name="features"/> features (mask: the true positions),
    /// with imblearn's errors for out-of-range indices and for a selection without continuous features.
    /// </summary>
    internal int[] Resolve(int features, string parameterName)
    {
        if (_mask is not null && _mask.Length != features)
        {
            throw InputGuard.Invalid(
                parameterName,
                string.Create(CultureInfo.InvariantCulture, $"The CategoricalFeatures mask has {_mask.Length} entries but x has {features} features; give one entry per feature."));
        }

        var indices = _indices ?? Enumerable.Range(0, _mask!.Length).Where(j => _mask[j]).ToArray();
        if (indices.Any(j => j < 0 || j >= features))
        {
            throw InputGuard.Invalid(
                parameterName,
                string.Create(CultureInfo.InvariantCulture, $"Some of the categorical indices are out of range. Indices should be between 0 and {features - 1}"));
        }

        if (indices.Length == 0)
        {
            // imblearn 0.10.0 fails with an IndexError here; this says why.
            throw InputGuard.Invalid(parameterName, "SMOTE-NC requires at least one categorical feature; use SMOTE for continuous features only.");
        }

        if (indices.Distinct().Count() != indices.Length)
        {
            throw InputGuard.Invalid(parameterName, "The categorical feature indices must not repeat.");
        }

        if (indices.Length == features)
        {
            throw InputGuard.Invalid(
                parameterName,
                "SMOTE-NC is not designed to work only with categorical features. It requires some numerical features.");
        }

        return indices;
    }
}
