using System.Globalization;

namespace Imbalance.Sampling;

/// <summary>
/// The checks every sampler runs before any work, with scikit-learn's wording where it has one: non-empty X with at
/// least one feature, finite values, one label per row.
/// </summary>
internal static class InputGuard
{
    /// <summary>Checks <paramref name="x"/> and <paramref name="y"/> together.</summary>
    public static void CheckXy<TLabel>(double[,] x, IReadOnlyList<TLabel> y)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        CheckMatrix(x, nameof(x));
        if (x.GetLength(0) != y.Count)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"Found input variables with inconsistent numbers of samples: [{x.GetLength(0)}, {y.Count}]"),
                nameof(y));
        }
    }

    /// <summary>Checks a sample matrix: at least one row and one column, no NaN or infinity.</summary>
    public static void CheckMatrix(double[,] x, string parameterName)
    {
        var rows = x.GetLength(0);
        var columns = x.GetLength(1);
        if (rows == 0)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"Found array with 0 sample(s) (shape=({rows}, {columns})) while a minimum of 1 is required."),
                parameterName);
        }

        if (columns == 0)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"Found array with 0 feature(s) (shape=({rows}, {columns})) while a minimum of 1 is required."),
                parameterName);
        }

        var values = MatrixRows.Of(x);
        for (var i = 0; i < values.Length; i++)
        {
            if (!double.IsFinite(values[i]))
            {
                var what = double.IsNaN(values[i]) ? "NaN" : "infinity";
                throw new ArgumentException(
                    string.Create(CultureInfo.InvariantCulture, $"Input {parameterName} contains {what} (row {i / columns}, column {i % columns})."),
                    parameterName);
            }
        }
    }

    /// <summary>
    /// An <see cref="ArgumentException"/> about a sampler parameter or a data argument that is not a parameter of the
    /// throwing method (e.g. <c>SamplingStrategy</c> while resolving, <c>y</c> while encoding).
    /// </summary>
    public static ArgumentException Invalid(string parameterName, string message) => new(message, parameterName);

    /// <summary>
    /// scikit-learn's "Expected n_neighbors &lt;= n_samples_fit" in .NET words: it names the caller's parameter and
    /// quotes the value the caller set; <paramref name="plusSelf"/> says the query also counts the sample itself
    /// (imblearn asks for <c>n_neighbors + 1</c> neighbours and quotes that sum).
    /// </summary>
    public static ArgumentException TooManyNeighbours(string parameterName, int configured, bool plusSelf, int fitted, int queries) =>
        Invalid(
            parameterName,
            string.Create(
                CultureInfo.InvariantCulture,
                $"Expected {parameterName}{(plusSelf ? " + 1" : string.Empty)} <= n_samples_fit, but {parameterName} = {configured}, n_samples_fit = {fitted}, n_samples = {queries}"));

    /// <summary>Checks a seed: NumPy accepts integers in [0, 2^32 - 1]; an <see cref="int"/> seed must not be negative.</summary>
    public static int? CheckSeed(int? seed, string parameterName) =>
        seed is < 0
            ? throw new ArgumentOutOfRangeException(parameterName, seed, "Seed must be between 0 and 2**32 - 1")
            : seed;

    /// <summary>Checks a <c>MaxDegreeOfParallelism</c> setting (scikit-learn's <c>n_jobs</c>): null for every core,
    /// else at least 1.</summary>
    public static int? CheckParallelism(int? value, string parameterName) =>
        value is null or >= 1
            ? value
            : throw new ArgumentOutOfRangeException(parameterName, value, "MaxDegreeOfParallelism must be at least 1 (or null for every core).");
}
