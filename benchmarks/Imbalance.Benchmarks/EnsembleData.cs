using Imbalance.Datasets;

namespace Imbalance.Benchmarks;

/// <summary>The ensemble benchmarks' data: scikit-learn's <c>make_classification</c> (bit-exact here), so
/// benchmarks/ensemble_compare.py gives imblearn the very same rows.</summary>
internal static class EnsembleData
{
    public static (double[,] X, int[] Y) Make(int rows, int features, double minority) =>
        DataGenerators.MakeClassification(new MakeClassificationOptions
        {
            NSamples = rows,
            NFeatures = features,
            NInformative = 5,
            NRedundant = 2,
            Weights = [1.0 - minority],
            FlipY = 0.0,
            RandomState = 0,
        });
}
