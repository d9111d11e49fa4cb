using System.Globalization;

namespace Imbalance.Sampling;

/// <summary>
/// A user function as a sampler: imblearn's <c>FunctionSampler(func=None, validate=True)</c>. Use it to put any custom
/// resampling (outlier removal, a hand-written rule, a third-party method) into a <see cref="Pipelines.Pipeline"/>,
/// where it runs at fit time only.
/// </summary>
/// <remarks>
/// <para>Its kind is imblearn's <c>"bypass"</c>: <see cref="SamplingStrategy"/> is not used and
/// <see cref="ResampleResult{TLabel}.ResolvedStrategy"/> is empty. Without a function (<see cref="FunctionSampler()"/>)
/// it returns copies of X and y unchanged, as imblearn's does with <c>func=None</c>.</para>
/// <para>With <see cref="Validate"/> (the default) the input gets the same checks as every sampler (finite values,
/// matching lengths, at least two classes) and the function's output is checked for consistent shapes. The function
/// receives the caller's arrays: it must not modify them. <see cref="ResampleResult{TLabel}.SampleIndices"/> is
/// <see langword="null"/> (the rows' origin is unknown).</para>
/// </remarks>
/// <example>
/// <code>
/// // Any function of (X, y) as a pipeline step; here: two cleaning rules in a row.
/// var sampler = FunctionSampler.Create&lt;int&gt;((xs, ys) =&gt;
/// {
///     var (xTomek, yTomek) = new TomekLinks().FitResample(xs, ys);
///     var (xClean, yClean) = new EditedNearestNeighbours().FitResample(xTomek, yTomek);
///     return (xClean, yClean);
/// });
/// var (xRes, yRes) = sampler.FitResample(x, y);
/// </code>
/// </example>
public sealed class FunctionSampler : ISampler
{
    private readonly Delegate? _function;
    private readonly Type? _labelType;

    /// <summary>The identity sampler (imblearn's <c>FunctionSampler()</c> with <c>func=None</c>).</summary>
    public FunctionSampler()
    {
    }

    private FunctionSampler(Delegate function, Type labelType, bool validate)
    {
        _function = function;
        _labelType = labelType;
        Validate = validate;
    }

    /// <summary>Check the input and the function's output (imblearn's <c>validate</c>); default true.</summary>
    public bool Validate { get; init; } = true;

    /// <summary>Not used (imblearn's <c>"bypass"</c> strategy); always <see cref="SamplingStrategy.Auto"/>.</summary>
    public SamplingStrategy SamplingStrategy => SamplingStrategy.Auto;

    /// <summary>Always <see cref="SamplingType.Bypass"/>.</summary>
    public SamplingType SamplingType => SamplingType.Bypass;

    /// <summary>A sampler that calls <paramref name="function"/> with X and y (imblearn's <c>FunctionSampler(func=...)</c>).</summary>
    /// <typeparam name="TLabel">The label type the function handles; <see cref="FitResample{T}"/> must be called with it.</typeparam>
    /// <param name="function">Receives X and y, returns the resampled X and y (new arrays).</param>
    /// <param name="validate">Check the input and the function's output (imblearn's <c>validate</c>).</param>
    /// <returns>The sampler.</returns>
    public static FunctionSampler Create<TLabel>(Func<double[,], IReadOnlyList<TLabel>, (double[,] X, TLabel[] Y)> function, bool validate = true)
        where TLabel : notnull
    {
        ArgumentNullException.ThrowIfNull(function);
        return new FunctionSampler(function, typeof(TLabel), validate);
    }

    /// <inheritdoc />
    /// <exception cref="InvalidOperationException">With <see cref="Validate"/>, the function returned X and y of
    /// different lengths, no rows, or non-finite values.</exception>
    public ResampleResult<TLabel> FitResample<TLabel>(double[,] x, IReadOnlyList<TLabel> y, CancellationToken cancellationToken = default)
        where TLabel : notnull
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        if (Validate)
        {
            InputGuard.CheckXy(x, y);
            var classes = LabelEncoder<TLabel>.Fit(y).ClassCount; // labels of a classification target
            if (classes <= 1)
            {
                throw InputGuard.Invalid(nameof(y), string.Create(CultureInfo.InvariantCulture, $"The target 'y' needs to have more than 1 class. Got {classes} class instead"));
            }
        }

        cancellationToken.ThrowIfCancellationRequested();
        double[,] xRes;
        TLabel[] yRes;
        if (_function is null)
        {
            (xRes, yRes) = ((double[,])x.Clone(), [.. y]);
        }
        else if (_function is Func<double[,], IReadOnlyList<TLabel>, (double[,] X, TLabel[] Y)> typed)
        {
            (xRes, yRes) = typed(x, y);
            if (Validate)
            {
                CheckOutput(xRes, yRes, x.GetLength(1));
            }
        }
        else
        {
            throw new ArgumentException(
                $"The function handles labels of type {_labelType!.Name}, but y has labels of type {typeof(TLabel).Name}.", nameof(y));
        }

        return new ResampleResult<TLabel>(xRes, yRes, null, new Dictionary<TLabel, int>());
    }

    /// <inheritdoc/>
    public override string ToString() => _function is null ? "FunctionSampler(func=None)" : $"FunctionSampler(func={_function.Method.Name})";

    private static void CheckOutput<TLabel>(double[,]? x, TLabel[]? y, int features)
    {
        if (x is null || y is null)
        {
            throw new InvalidOperationException("The function returned a null X or y.");
        }

        if (x.GetLength(0) != y.Length)
        {
            throw new InvalidOperationException(
                string.Create(CultureInfo.InvariantCulture, $"The function returned {x.GetLength(0)} rows but {y.Length} labels."));
        }

        if (x.GetLength(1) != features && x.GetLength(0) > 0)
        {
            throw new InvalidOperationException(
                string.Create(CultureInfo.InvariantCulture, $"The function returned rows with {x.GetLength(1)} features; the input has {features}."));
        }

        foreach (var v in MatrixRows.Of(x))
        {
            if (!double.IsFinite(v))
            {
                throw new InvalidOperationException("The function returned X with NaN or infinity.");
            }
        }
    }
}
