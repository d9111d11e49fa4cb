using System.Globalization;
using Imbalance.Sampling;

namespace Imbalance.Learning;

/// <summary>The input checks the learners share (scikit-learn's <c>check_X_y</c>, <c>_check_sample_weight</c>).</summary>
internal static class LearnerInput
{
    /// <summary>Encodes labels with the shared <see cref="LabelEncoder{TLabel}"/> after checking x and y.</summary>
    public static LabelEncoder<TLabel> Encode<TLabel>(double[,] x, IReadOnlyList<TLabel> y)
        where TLabel : notnull
    {
        InputGuard.CheckXy(x, y);
        return LabelEncoder<TLabel>.Fit(y);
    }

    /// <summary>Checks optional sample weights: one finite, non-negative weight per row with a positive total.</summary>
    public static double[]? CheckSampleWeight(IReadOnlyList<double>? sampleWeight, int rows)
    {
        if (sampleWeight is null)
        {
            return null;
        }

        if (sampleWeight.Count != rows)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"sampleWeight.shape == ({sampleWeight.Count},), expected ({rows},)!"), nameof(sampleWeight));
        }

        var copy = new double[rows];
        var total = 0.0;
        for (var i = 0; i < rows; i++)
        {
            var w = sampleWeight[i];
            if (!double.IsFinite(w) || w < 0)
            {
                throw new ArgumentException(
                    string.Create(CultureInfo.InvariantCulture, $"Sample weights must be finite and non-negative; got {w} at index {i}."), nameof(sampleWeight));
            }

            copy[i] = w;
            total += w;
        }

        return total > 0 ? copy : throw new ArgumentException("Sample weights must not all be zero.", nameof(sampleWeight));
    }

    /// <summary>Rejects values that overflow float32, as scikit-learn's <c>check_array(dtype=np.float32)</c> does for trees.</summary>
    public static void CheckFloat32(double[,] x, string parameterName)
    {
        foreach (var v in MatrixRows.Of(x))
        {
            if (Math.Abs(v) > float.MaxValue)
            {
                throw new ArgumentException(
                    string.Create(CultureInfo.InvariantCulture, $"Input {parameterName} contains a value too large for dtype('float32') ({v})."), parameterName);
            }
        }
    }
}
