using Imbalance.Sampling;
using Microsoft.ML;

namespace Imbalance.MLNet.Tests;

public class TypeNameTests
{
    // Namespaces a user imports next to Imbalance's in an ML.NET program.
    private static readonly string[] MLNetNamespaces =
    [
        "Microsoft.ML", "Microsoft.ML.Data", "Microsoft.ML.Trainers", "Microsoft.ML.Transforms", "Microsoft.ML.Calibrators",
        "Microsoft.ML.Trainers.LightGbm", "Microsoft.ML.Trainers.FastTree", "Microsoft.Data.Analysis",
    ];

    [Fact]
    public void No_public_type_shares_a_name_and_arity_with_a_public_MLNet_type()
    {
        var mlnet = new[]
            {
                typeof(MLContext).Assembly, typeof(IDataView).Assembly, typeof(ITransformer).Assembly, typeof(Microsoft.ML.Data.TextLoader).Assembly,
                typeof(Microsoft.ML.Trainers.SdcaLogisticRegressionBinaryTrainer).Assembly, typeof(Microsoft.ML.Transforms.NormalizingEstimator).Assembly,
                typeof(Microsoft.ML.Trainers.LightGbm.LightGbmBinaryTrainer).Assembly, typeof(Microsoft.ML.Trainers.FastTree.FastTreeBinaryTrainer).Assembly,
                typeof(Microsoft.Data.Analysis.DataFrame).Assembly,
            }
            .Distinct()
            .SelectMany(a => a.GetExportedTypes())
            .Where(t => !t.IsNested && MLNetNamespaces.Contains(t.Namespace))
            .Select(t => t.Name)
            .ToHashSet();
        mlnet.Should().Contain(["ITransformer", "ConfusionMatrix", "RankingMetrics"], "the check must see the types that used to collide");

        var ours = typeof(ISampler).Assembly.GetExportedTypes().Concat(typeof(ResamplingExtensions).Assembly.GetExportedTypes()).Where(t => !t.IsNested);

        ours.Where(t => mlnet.Contains(t.Name)).Select(t => t.FullName).Should().BeEmpty(
            "a simple name shared with ML.NET makes every unqualified use ambiguous (CS0104) when both namespaces are imported");
    }
}
