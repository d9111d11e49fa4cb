using Imbalance.Anomaly;
using Imbalance.Learning;

namespace Imbalance.Tests.Serialization;

/// <summary>Issue #13: every public fitted model saves and loads. This fails when a public fitted model type has no
/// round-trip test (and so, in practice, no kind), and when an exempted type gains one (take it off the list).</summary>
public class SavedModelCoverageTests
{
    /// <summary>Public fitted models that cannot be saved yet, each with the reason. Shrink this list.</summary>
    private static readonly Dictionary<string, string> NotYet = new()
    {
    };

    [Fact]
    public void Every_public_fitted_model_round_trips_or_is_listed_as_not_yet()
    {
        var publicModels = typeof(IClassificationModel<>).Assembly.GetExportedTypes()
            .Where(t => t is { IsAbstract: false, IsInterface: false } && IsFittedModel(t))
            .Select(t => t.Name)
            .ToHashSet();
        publicModels.Should().Contain(["PipelineModel`1", "StandardScalerModel", "IsolationForestModel", "OutlierDetectorClassifierModel`1"]);

        var (x, _) = TestData.ThreeClasses();
        var roundTripped = new HashSet<string> { new StandardScaler().Fit(x).GetType().Name };
        foreach (string name in ModelSerializerTests.Models)
        {
            var (xs, y) = ModelSerializerTests.Data(name);
            Collect(ModelSerializerTests.Classifier(name).Fit(xs, y), roundTripped);
        }

        foreach (string name in OutlierModelSerializerTests.Detectors)
        {
            roundTripped.Add(OutlierModelSerializerTests.Fit(name).GetType().Name);
        }

        publicModels.Except(roundTripped).Should().BeEquivalentTo(NotYet.Keys, "every public fitted model needs a kind and a round-trip test, or a reason in NotYet");
        NotYet.Keys.Should().BeSubsetOf(publicModels, "NotYet names only public fitted models");
    }

    private static bool IsFittedModel(Type t) =>
        typeof(IFeatureTransformerModel).IsAssignableFrom(t) || typeof(IOutlierModel).IsAssignableFrom(t) ||
        t.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IClassificationModel<>));

    private static void Collect(IClassificationModel<int> model, HashSet<string> names)
    {
        names.Add(model.GetType().Name);
        switch (model)
        {
            case Imbalance.Pipelines.PipelineModel<int> pipeline:
                foreach (var t in pipeline.Transformers)
                {
                    names.Add(t.GetType().Name);
                }

                Collect(pipeline.FinalModel, names);
                break;
            case OutlierDetectorClassifierModel<int> outlier:
                names.Add(outlier.Detector.GetType().Name);
                break;
        }
    }
}
