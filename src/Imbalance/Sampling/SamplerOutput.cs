using System.Globalization;

namespace Imbalance.Sampling;

/// <summary>
/// A sampler step's result over class codes, before decoding: the new matrix, the class code of each row and, for
/// samplers that select or copy rows, the source row of each output row. Built by the factory methods below so
/// every sampler assembles its output the same way.
/// </summary>
internal sealed partial class SamplerOutput
{
    private SamplerOutput(double[,] x, int[] codes, int[]? sampleIndices)
    {
        X = x;
        Codes = codes;
        SampleIndices = sampleIndices;
    }

    /// <summary>The resampled matrix.</summary>
    public double[,] X { get; }

    /// <summary>The class code of each row.</summary>
    public int[] Codes { get; }

    /// <summary>Source rows (imblearn's <c>sample_indices_</c>), or null.</summary>
    public int[]? SampleIndices { get; }

    /// <summary>Warnings of inner estimators (e.g. a k-means that did not converge), passed to the result.</summary>
    public IReadOnlyList<Diagnostics.Diagnostic> Warnings { get; private set; } = [];

    /// <summary>Attaches inner estimators' warnings to this freshly built output and returns it.</summary>
    public SamplerOutput WithWarnings(IReadOnlyList<Diagnostics.Diagnostic> warnings)
    {
        Warnings = warnings;
        return this;
    }

    /// <summary>An output assembled by a composite sampler from its inner samplers' results.</summary>
    public static SamplerOutput Composed(double[,] x, int[] codes, int[]? sampleIndices)
    {
        if (x.GetLength(0) != codes.Length || (sampleIndices is not null && sampleIndices.Length != codes.Length))
        {
            throw new ArgumentException("Rows, codes and sample indices must have the same length.", nameof(codes));
        }

        return new SamplerOutput(x, codes, sampleIndices);
    }

    /// <summary>An output made of rows of the input: <c>X[indices], y[indices]</c> with <c>sample_indices_ = indices</c>.</summary>
    public static SamplerOutput Select(SamplerInput input, int[] indices)
    {
        var columns = input.FeatureCount;
        var x = new double[indices.Length, columns];
        var source = MatrixRows.Of(input.X);
        var target = MatrixRows.Of(x);
        var codes = new int[indices.Length];
        for (var r = 0; r < indices.Length; r++)
        {
            source.Slice(indices[r] * columns, columns).CopyTo(target.Slice(r * columns, columns));
            codes[r] = input.Classes.Codes[indices[r]];
        }

        return new SamplerOutput(x, codes, indices);
    }

    /// <summary>
    /// An over-sampler's output: the original rows in order followed by <paramref name="newRows"/>
    /// (<c>newCount x n_features</c>, flat row-major) labelled <paramref name="newCodes"/>.
    /// </summary>
    /// <param name="input">The sampler input.</param>
    /// <param name="newRows">The generated rows, flat row-major.</param>
    /// <param name="newCodes">The class of each generated row.</param>
    /// <param name="newSources">For samplers that copy or perturb existing rows, the source row of each generated
    /// row; the output's sample indices are then <c>0..n-1</c> followed by these. Null for synthetic rows.</param>
    /// <exception cref="ArgumentException">The lengths of <paramref name="newRows"/>, <paramref name="newCodes"/> and
    /// <paramref name="newSources"/> disagree (a sampler bug: caught here rather than padded with zeros).</exception>
    public static SamplerOutput Append(SamplerInput input, ReadOnlySpan<double> newRows, ReadOnlySpan<int> newCodes, int[]? newSources = null)
    {
        var n = input.SampleCount;
        var columns = input.FeatureCount;
        if (newRows.Length != newCodes.Length * columns)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"{newCodes.Length} new rows of {columns} features need {newCodes.Length * columns} values, got {newRows.Length}."),
                nameof(newRows));
        }

        var x = AppendTarget(input, newCodes.Length);
        newRows.CopyTo(MatrixRows.Of(x)[(n * columns)..]);
        return Appended(input, x, newCodes, newSources);
    }

    /// <summary>
    /// The matrix of an over-sampler's output, allocated once at its final size: the input rows copied in (one block
    /// copy), then <paramref name="newCount"/> zeroed rows for the sampler to fill before <see cref="Appended"/>.
    /// Writing the new rows in place saves a separate buffer of them and a second copy.
    /// </summary>
    /// <param name="input">The sampler input.</param>
    /// <param name="newCount">The number of rows to follow the input's.</param>
    public static double[,] AppendTarget(SamplerInput input, int newCount)
    {
        var x = new double[input.SampleCount + newCount, input.FeatureCount];
        MatrixRows.Of(input.X).CopyTo(MatrixRows.Of(x));
        return x;
    }

    /// <summary>
    /// An over-sampler's output over a matrix from <see cref="AppendTarget"/> whose last rows the sampler filled:
    /// the same output <see cref="Append"/> builds from a separate buffer of the new rows.
    /// </summary>
    /// <param name="input">The sampler input.</param>
    /// <param name="x">The output matrix: the input rows, then the new rows; owned by the output from now on.</param>
    /// <param name="newCodes">The class of each new row.</param>
    /// <param name="newSources">The source row of each new row, or null (see <see cref="Append"/>).</param>
    /// <exception cref="ArgumentException">The shapes disagree (a sampler bug).</exception>
    public static SamplerOutput Appended(SamplerInput input, double[,] x, ReadOnlySpan<int> newCodes, int[]? newSources = null)
    {
        var n = input.SampleCount;
        if (x.GetLength(0) != n + newCodes.Length || x.GetLength(1) != input.FeatureCount)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"{n} input rows and {newCodes.Length} new rows of {input.FeatureCount} features do not fill a {x.GetLength(0)} x {x.GetLength(1)} matrix."),
                nameof(x));
        }

        if (newSources is not null && newSources.Length != newCodes.Length)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"{newCodes.Length} new rows need {newCodes.Length} source rows, got {newSources.Length}."),
                nameof(newSources));
        }

        var codes = new int[n + newCodes.Length];
        input.Classes.Codes.CopyTo(codes, 0);
        newCodes.CopyTo(codes.AsSpan(n));

        int[]? indices = null;
        if (newSources is not null)
        {
            indices = new int[n + newSources.Length];
            for (var i = 0; i < n; i++)
            {
                indices[i] = i;
            }

            newSources.CopyTo(indices.AsSpan(n));
        }

        return new SamplerOutput(x, codes, indices);
    }
}
