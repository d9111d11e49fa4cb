using Imbalance.Learning;
using Imbalance.Metrics;
using Imbalance.ModelSelection;
using static Imbalance.Tests.ModelSelection.DecisionTestKit;

namespace Imbalance.Tests.ModelSelection;

public class CostSensitiveClassifierTests
{
    [Fact]
    public void Binary_costs_are_the_threshold_cfp_over_cfp_plus_cfn()
    {
        var x = Column(0.05, 0.15, 0.19, 0.21, 0.3, 0.5, 0.7, 0.95);
        int[] y = [0, 0, 0, 1, 0, 1, 1, 1];
        var costs = new CostSensitiveClassifier { Estimator = new ColumnClassifier(), Costs = new ClassificationCosts(FalsePositive: 1, FalseNegative: 4) }.Fit(x, y);
        var threshold = new FixedThresholdClassifier { Estimator = new ColumnClassifier(), Threshold = 1.0 / (1 + 4) }.Fit(x, y);
        costs.Predict(x).Should().Equal(threshold.Predict(x)).And.Equal(0, 0, 0, 1, 1, 1, 1, 1);
    }

    [Fact]
    public void Multiclass_prediction_is_the_class_of_least_expected_cost()
    {
        // p = [.5, .3, .2]; expected cost of predicting j = sum_i p_i C[i, j].
        double[,] cost = { { 0, 1, 1 }, { 10, 0, 1 }, { 10, 10, 0 } };
        var model = new CostSensitiveClassifier { Estimator = new FixedProba(), CostMatrix = cost }.Fit(new double[3, 1], [0, 1, 2]);
        var expected = model.ExpectedCosts(new double[1, 1]);
        expected[0, 0].Should().BeApproximately((0.3 * 10) + (0.2 * 10), 1e-12);
        expected[0, 1].Should().BeApproximately(0.5 + (0.2 * 10), 1e-12);
        expected[0, 2].Should().BeApproximately(0.5 + 0.3, 1e-12);
        model.Predict(new double[1, 1]).Should().Equal(2);
        model.CostMatrix.Should().BeEquivalentTo(cost);
    }

    [Fact]
    public void Reweighting_fits_with_cost_weights_and_class_weights_follow_the_costs()
    {
        var inner = new ColumnClassifier();
        var x = Column(0.1, 0.2, 0.8, 0.9);
        new CostSensitiveClassifier { Estimator = inner, Costs = new ClassificationCosts(2, 6), Method = CostSensitiveMethod.Reweighting }.Fit(x, [0, 0, 1, 1]);
        inner.Weights.Single().Should().Equal(2, 2, 6, 6);

        var weight = CostSensitiveClassifier.ClassWeightFromCosts(["a", "b"], new double[,] { { 0, 2 }, { 6, 1 } });
        var lr = new LogisticRegression { ClassWeight = weight };
        lr.ClassWeight.Should().BeSameAs(weight);
        ClassWeights.ComputeClassWeight(new Dictionary<string, double> { ["a"] = 2, ["b"] = 5 }, ["a", "b"], ["a", "b"]).Should().Equal(2, 5);
    }

    [Fact]
    public void Bad_cost_configurations_are_rejected()
    {
        var notSquare = () => new CostSensitiveClassifier { Estimator = new ColumnClassifier(), CostMatrix = new double[2, 3] };
        notSquare.Should().Throw<ArgumentException>().WithParameterName("CostMatrix");
        var infinite = () => new CostSensitiveClassifier { Estimator = new ColumnClassifier(), Costs = new ClassificationCosts(double.PositiveInfinity, 1) };
        infinite.Should().Throw<ArgumentException>().WithParameterName("Costs");
        var none = () => new CostSensitiveClassifier { Estimator = new ColumnClassifier() }.Fit(Column(0.1, 0.9), [0, 1]);
        none.Should().Throw<InvalidOperationException>();
        var wrongSize = () => new CostSensitiveClassifier { Estimator = new ColumnClassifier(), CostMatrix = new double[3, 3] }.Fit(Column(0.1, 0.9), [0, 1]);
        wrongSize.Should().Throw<ArgumentException>().WithParameterName("y");
        var negative = () => CostSensitiveClassifier.ClassWeightFromCosts([0, 1], new double[,] { { 5, 1 }, { 1, 0 } });
        negative.Should().Throw<ArgumentException>();
    }

    private sealed class FixedProba : IClassifier
    {
        public IClassificationModel<TLabel> Fit<TLabel>(double[,] x, IReadOnlyList<TLabel> y, IReadOnlyList<double>? sampleWeight = null, CancellationToken cancellationToken = default)
            where TLabel : notnull => new Model<TLabel>(Imbalance.Sampling.LabelEncoder<TLabel>.Fit(y).Classes);

        private sealed class Model<TLabel>(IReadOnlyList<TLabel> classes) : IClassificationModel<TLabel>
            where TLabel : notnull
        {
            public IReadOnlyList<TLabel> Classes => classes;

            public TLabel[] Predict(double[,] x, CancellationToken cancellationToken = default) => Enumerable.Repeat(classes[0], x.GetLength(0)).ToArray();

            public double[,] PredictProba(double[,] x, CancellationToken cancellationToken = default)
            {
                var p = new double[x.GetLength(0), 3];
                for (var i = 0; i < p.GetLength(0); i++)
                {
                    (p[i, 0], p[i, 1], p[i, 2]) = (0.5, 0.3, 0.2);
                }

                return p;
            }
        }
    }
}
