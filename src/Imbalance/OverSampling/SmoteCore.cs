using System.Globalization;
using Imbalance.Neighbors;
using Imbalance.Randomness;
using Imbalance.Sampling;

namespace Imbalance.OverSampling;

/// <summary>
/// The one SMOTE core every synthesising over-sampler composes: the per-class generation loop, imblearn's
/// <c>_make_samples</c> draw (<c>randint</c> then <c>uniform</c>), the interpolation <c>x + step * (z - x)</c>, and the
/// "query k + 1 neighbours, drop column 0" neighbour rule.
/// </summary>
internal static class SmoteCore
{
    /// <summary>One class's generation step: add <paramref name="count"/> (imblearn's <c>n_samples</c>) rows of class
    /// <paramref name="code"/> to <paramref name="output"/>.</summary>
    public delegate void ClassStep(int code, int count, SyntheticRows output);

    /// <summary>
    /// The per-class loop of imblearn's over-samplers: for each targeted class in sorted label order, skipping
    /// classes with nothing to add, run <paramref name="step"/>; the rows it adds are appended in that order.
    /// </summary>
    public static SyntheticRows Generate(SamplerInput input, int columns, ClassStep step, CancellationToken cancellationToken)
    {
        var capacity = 0L;
        foreach (var code in input.Targets.Targeted)
        {
            capacity += input.Targets[code];
        }

        var output = new SyntheticRows(input, columns, (int)Math.Min(capacity, int.MaxValue / Math.Max(1, columns)));
        foreach (var code in input.Targets.Targeted)
        {
            var count = input.Targets[code];
            if (count == 0)
            {
                continue;
            }

            cancellationToken.ThrowIfCancellationRequested();
            step(code, count, output);
        }

        return output;
    }

    /// <summary>
    /// imblearn's <c>_make_samples</c>: <c>s = randint(0, rows * k, count)</c>, then <c>steps = stepSize * uniform(size=count)</c>,
    /// and new row <c>i</c> interpolates base row <c>s[i] // k</c> towards its neighbour <c>nns[s[i] // k][s[i] % k]</c>.
    /// </summary>
    /// <param name="data">The matrix all rows are read from.</param>
    /// <param name="baseRows">The rows of <paramref name="data"/> new rows are built around (imblearn's <c>X</c>).</param>
    /// <param name="neighborRows">The rows of <paramref name="data"/> the neighbour positions refer to (imblearn's <c>nn_data</c>).</param>
    /// <param name="nns">Neighbour positions into <paramref name="neighborRows"/>, <c>baseRows.Length x k</c> row-major.</param>
    /// <param name="k">Neighbours per base row.</param>
    /// <param name="count">Rows to generate.</param>
    /// <param name="stepSize">imblearn's <c>step_size</c>.</param>
    /// <param name="rng">The generator of this call site.</param>
    /// <param name="code">The class of the new rows.</param>
    /// <param name="output">Receives the rows.</param>
    /// <returns>The position in <paramref name="baseRows"/> of each new row's base (imblearn's <c>rows</c>).</returns>
    public static int[] MakeSamples(
        RowMatrix data,
        ReadOnlySpan<int> baseRows,
        ReadOnlySpan<int> neighborRows,
        int[] nns,
        int k,
        int count,
        double stepSize,
        RandomState rng,
        int code,
        SyntheticRows output)
    {
        var samples = rng.RandInt(0, checked(baseRows.Length * k), count);
        var uniform = rng.Uniform(0.0, 1.0, count);
        output.Reserve(count);
        var rows = output.AddBlock(code, count, out var bases, out var neighbors, out var steps);
        var columns = output.Columns;
        for (var i = 0; i < count; i++)
        {
            var (row, column) = Math.DivRem(samples[i], k);
            var position = nns[(row * k) + column];
            if (position >= neighborRows.Length)
            {
                // Only Borderline-SMOTE-2 (0.10.0) can get here: positions found within the class index the rows of
                // the other classes, and NumPy raises when there are fewer of those.
                throw InputGuard.Invalid(
                    "y",
                    string.Create(CultureInfo.InvariantCulture, $"index {position} is out of bounds for axis 0 with size {neighborRows.Length}"));
            }

            var neighbor = neighborRows[position];
            var baseRow = baseRows[row];
            var step = stepSize * uniform[i];
            samples[i] = row;
            bases[i] = baseRow;
            neighbors[i] = neighbor;
            steps[i] = step;
            Interpolate(data.Row(baseRow), data.Row(neighbor), step, rows.Slice(i * columns, columns));
        }

        return samples;
    }

    /// <summary>Adds the row <c>x[baseRow] + step * (x[neighborRow] - x[baseRow])</c> with its provenance.</summary>
    public static void Add(RowMatrix data, int code, int baseRow, int neighborRow, double step, SyntheticRows output) =>
        Interpolate(data.Row(baseRow), data.Row(neighborRow), step, output.Add(code, baseRow, neighborRow, step));

    /// <summary>
    /// The interpolation of every SMOTE variant, per feature <c>d = z - x; x + step * d</c>: one subtraction, one
    /// product and one sum, each rounded (never fused), as NumPy computes <c>X[rows] + steps * diffs</c>. When the
    /// difference of two finite values overflows (values of opposite sign near <c>double.MaxValue</c>), the same
    /// formula runs on the halved values and the result is doubled: halving and doubling are exact, so the row is
    /// the one exact-exponent arithmetic gives, and finite (NumPy gives infinity or NaN).
    /// </summary>
    public static void Interpolate(ReadOnlySpan<double> x, ReadOnlySpan<double> z, double step, Span<double> destination)
    {
        for (var j = 0; j < x.Length; j++)
        {
            var difference = z[j] - x[j];
            destination[j] = double.IsFinite(difference)
                ? x[j] + (step * difference)
                : Math.ScaleB((x[j] * 0.5) + (step * ((z[j] * 0.5) - (x[j] * 0.5))), 1);
        }
    }

    /// <summary>scikit-learn's <c>NearestNeighbors(n_neighbors).fit(rows)</c> over a flat buffer the index keeps.</summary>
    public static NeighborsIndex Fit(double[] rows, int count, int columns, int nNeighbors) =>
        new NearestNeighbors { NNeighbors = nNeighbors }.FitOwned(rows, count, columns);

    /// <summary>
    /// imblearn's <c>nn.kneighbors(queries, return_distance=False)[:, 1:]</c>: the index's <c>n_neighbors</c> (k + 1)
    /// nearest fitted rows of each query with column 0 dropped blindly (usually the query itself).
    /// </summary>
    /// <returns>Fitted-row positions, <c>count x (n_neighbors - 1)</c> row-major.</returns>
    public static int[] KNeighborsDropFirst(NeighborsIndex index, double[] queries, int count, CancellationToken cancellationToken)
    {
        var kPlusOne = index.NNeighbors;
        var all = index.KNeighbors(queries, count, kPlusOne, cancellationToken).IndexData;
        var k = kPlusOne - 1;
        var result = new int[count * k];
        for (var i = 0; i < count; i++)
        {
            all.AsSpan((i * kPlusOne) + 1, k).CopyTo(result.AsSpan(i * k, k));
        }

        return result;
    }

    /// <summary>
    /// scikit-learn's check that a query asks for no more neighbours than there are fitted rows, with its message,
    /// raised for the sampler parameter that sets the neighbour count. The count is a <see cref="long"/> so that
    /// imblearn's <c>k + 1</c> cannot overflow for <c>k = int.MaxValue</c>.
    /// </summary>
    /// <param name="nNeighbors">Neighbours the query asks for (usually the parameter plus one).</param>
    /// <param name="fitted">Rows the query would be fitted on.</param>
    /// <param name="parameterName">The sampler parameter, as the caller wrote it.</param>
    /// <param name="value">The value the caller set.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="nNeighbors"/> exceeds <paramref name="fitted"/>
    /// (scikit-learn's message; the value the caller set is the exception's <c>ActualValue</c>).</exception>
    public static void CheckNeighbors(long nNeighbors, int fitted, string parameterName, int value)
    {
        if (nNeighbors > fitted)
        {
            throw new ArgumentOutOfRangeException(
                parameterName,
                value,
                string.Create(CultureInfo.InvariantCulture, $"Expected {parameterName} + 1 <= n_samples,  but n_samples = {fitted}, {parameterName} = {value}"));
        }
    }

    /// <summary>The message of an invalid neighbour-count parameter, in scikit-learn's parameter-validation words.</summary>
    public static ArgumentOutOfRangeException InvalidNeighbors(string parameterName, string sampler, int value) =>
        new(
            parameterName,
            value,
            string.Create(
                CultureInfo.InvariantCulture,
                $"The '{parameterName}' parameter of {sampler} must be an int in the range [1, inf) or an object implementing 'kneighbors' and 'kneighbors_graph'. Got {value} instead."));
}
