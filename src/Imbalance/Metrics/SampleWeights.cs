using System.Globalization;

namespace Imbalance.Metrics;

/// <summary>Checks scikit-learn's <c>sample_weight</c>: one finite weight per sample.</summary>
internal static class SampleWeights
{
    /// <summary>The weights as an array, or null when none were given; throws naming <paramref name="name"/>.</summary>
    public static double[]? Check(IReadOnlyList<double>? sampleWeight, int sampleCount, string name = "sampleWeight")
    {
        if (sampleWeight is null)
        {
            return null;
        }

        if (sampleWeight.Count != sampleCount)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"Found input variables with inconsistent numbers of samples: [{sampleCount}, {sampleWeight.Count}]"),
                name);
        }

        var weights = new double[sampleCount];
        for (var i = 0; i < weights.Length; i++)
        {
            var w = sampleWeight[i];
            if (!double.IsFinite(w))
            {
                throw new ArgumentException(
                    string.Create(CultureInfo.InvariantCulture, $"{name} contains {(double.IsNaN(w) ? "NaN" : "infinity")} at index {i}."),
                    name);
            }

            weights[i] = w;
        }

        return weights;
    }
}
