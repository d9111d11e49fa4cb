using System.Globalization;
using System.Numerics;
using System.Runtime.InteropServices;

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
        if (AllFinite(values))
        {
            return;
        }

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

    /// <summary>Inputs with fewer values than this are checked by <see cref="AllFinite"/>'s scalar pass.</summary>
    internal const int ScalarFiniteScan = 16_384;

    /// <summary>
    /// Whether every value is finite, in one vectorised pass (the scan reads the whole input, so it runs at memory
    /// speed rather than one branch per value): <c>v - v</c> is 0 for a finite value and NaN for NaN or infinity, and
    /// a NaN stays in the running sum. The slow scan then runs only to report the first bad value.
    /// </summary>
    /// <remarks>Inputs below <see cref="ScalarFiniteScan"/> values take a scalar pass with four running sums: the same
    /// test, and a first call in a fresh process does not pay for loading <see cref="Vector{T}"/>'s generic-math
    /// interfaces (about half a millisecond) to scan a few thousand values.</remarks>
    internal static bool AllFinite(ReadOnlySpan<double> values)
    {
        var i = 0;
        if (values.Length < ScalarFiniteScan)
        {
            double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
            for (; i + 3 < values.Length; i += 4)
            {
                s0 += values[i] - values[i];
                s1 += values[i + 1] - values[i + 1];
                s2 += values[i + 2] - values[i + 2];
                s3 += values[i + 3] - values[i + 3];
            }

            for (; i < values.Length; i++)
            {
                s0 += values[i] - values[i];
            }

            return s0 + s1 + s2 + s3 == 0;
        }

        if (Vector.IsHardwareAccelerated && values.Length >= 2 * Vector<double>.Count)
        {
            var vectors = MemoryMarshal.Cast<double, Vector<double>>(values);
            var even = Vector<double>.Zero;
            var odd = Vector<double>.Zero;
            var v = 0;
            for (; v + 1 < vectors.Length; v += 2)
            {
                even += vectors[v] - vectors[v];
                odd += vectors[v + 1] - vectors[v + 1];
            }

            if (v < vectors.Length)
            {
                even += vectors[v] - vectors[v];
            }

            if (!Vector.EqualsAll(even + odd, Vector<double>.Zero))
            {
                return false;
            }

            i = vectors.Length * Vector<double>.Count;
        }

        for (; i < values.Length; i++)
        {
            if (!double.IsFinite(values[i]))
            {
                return false;
            }
        }

        return true;
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

    /// <summary>
    /// An <see cref="ArgumentOutOfRangeException"/> about a sampler parameter that is not a parameter of the throwing
    /// method, carrying the value the caller set (so that a message in imblearn's words, which may quote a derived
    /// value such as <c>k + 1</c>, still reports it).
    /// </summary>
    public static ArgumentOutOfRangeException OutOfRange(string parameterName, object? value, string message) => new(parameterName, value, message);

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

    /// <summary>
    /// Rejects an over-sampling request whose output could never be allocated, before any work: more rows than an
    /// array can hold, or (a generous estimate of) more memory than the process can use. A count such as
    /// <c>int.MaxValue</c> in <c>SamplingStrategy.Counts</c> would otherwise end in an out-of-memory or overflow error.
    /// </summary>
    public static void CheckOutputSize(int rows, int features, LabelSet labels, ClassIndex classes, ClassTargets targets, SamplingType samplingType)
    {
        if (samplingType != SamplingType.OverSampling)
        {
            return;
        }

        var total = (long)rows;
        foreach (var code in targets.Targeted)
        {
            total += targets[code];
        }

        // X (8 bytes a value), y and sample indices (two ints), provenance (two ints and a double) per output row.
        var bytes = total * ((features * 8L) + 24L);
        var available = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes;
        if (total * features <= Array.MaxLength && total <= Array.MaxLength && (available <= 0 || bytes <= available))
        {
            return;
        }

        var asked = string.Join(
            ", ",
            targets.Targeted.ToArray().Select(code => string.Create(CultureInfo.InvariantCulture, $"class {labels.Format(code)}: {(long)classes.Counts[code] + targets[code]} rows")));
        throw Invalid(
            "SamplingStrategy",
            string.Create(
                CultureInfo.InvariantCulture,
                $"SamplingStrategy asks for an output of {total} rows x {features} features ({asked}), which cannot be allocated (at most {Array.MaxLength} values, and about {available} bytes of memory are available)."));
    }
}
