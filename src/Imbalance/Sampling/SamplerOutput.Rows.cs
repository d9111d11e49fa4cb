namespace Imbalance.Sampling;

/// <content>An output built from rows a sampler assembled itself.</content>
internal sealed partial class SamplerOutput
{
    /// <summary>An output of rows the sampler built (e.g. cluster centres), with their class codes and, when every
    /// row is a row of the input, their source rows.</summary>
    /// <param name="x">The resampled matrix, owned by the output from now on.</param>
    /// <param name="codes">The class code of each row.</param>
    /// <param name="sampleIndices">The source row of each row, or null when some rows are synthetic.</param>
    /// <exception cref="ArgumentException">The lengths disagree (a sampler bug).</exception>
    public static SamplerOutput FromRows(double[,] x, int[] codes, int[]? sampleIndices)
    {
        if (codes.Length != x.GetLength(0) || (sampleIndices is not null && sampleIndices.Length != codes.Length))
        {
            throw new ArgumentException("The rows, their codes and their sources must have the same length.", nameof(codes));
        }

        return new SamplerOutput(x, codes, sampleIndices);
    }
}
