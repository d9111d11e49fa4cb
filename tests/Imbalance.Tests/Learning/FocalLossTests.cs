using Imbalance.Datasets;
using Imbalance.Learning;

namespace Imbalance.Tests.Learning;

public class FocalLossTests
{
    private static readonly double[] Logits = [-40, -7.5, -2, -0.3, 0, 0.4, 1.7, 6, 35];

    private static double CrossEntropyBinary(double z, int t) =>
        t == 1 ? Math.Log(1 + Math.Exp(-z)) : Math.Log(1 + Math.Exp(z));

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.5)]
    [InlineData(2.0)]
    [InlineData(5.0)]
    public void Binary_gradient_matches_finite_differences(double gamma)
    {
        var loss = new FocalLoss { Gamma = gamma, Alpha = 0.25 };
        foreach (var z in Logits.Where(v => Math.Abs(v) < 30))
        {
            foreach (var t in new[] { 0, 1 })
            {
                var g = new double[1];
                loss.EvaluateBinary([z], [t], g);
                const double h = 1e-6;
                var up = loss.EvaluateBinary([z + h], [t], new double[1]);
                var down = loss.EvaluateBinary([z - h], [t], new double[1]);
                g[0].Should().BeApproximately((up - down) / (2 * h), 1e-7, $"z={z}, t={t}");
            }
        }
    }

    [Fact]
    public void Binary_gamma_zero_is_cross_entropy_and_stable_at_extremes()
    {
        var loss = new FocalLoss { Gamma = 0 };
        var targets = Logits.Select((_, i) => i % 2).ToArray();
        var gradient = new double[Logits.Length];
        var total = loss.EvaluateBinary(Logits, targets, gradient);
        var expected = Logits.Select((z, i) => CrossEntropyBinary(z, targets[i])).Sum();
        total.Should().BeApproximately(expected, 1e-12);
        for (var i = 0; i < Logits.Length; i++)
        {
            var p = 1 / (1 + Math.Exp(-Logits[i]));
            gradient[i].Should().BeApproximately(p - targets[i], 1e-15);
        }

        var extreme = new double[4];
        var value = new FocalLoss { Gamma = 2 }.EvaluateBinary([800, -800, 800, -800], [0, 1, 1, 0], extreme);
        double.IsFinite(value).Should().BeTrue();
        value.Should().BeApproximately(1600, 1e-9);
        extreme.Should().Equal(1.0, -1.0, 0.0, 0.0);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.7)]
    [InlineData(2.0)]
    public void Softmax_gradient_matches_finite_differences(double gamma)
    {
        var loss = new FocalLoss { Gamma = gamma, ClassAlpha = [0.2, 1.0, 3.0] };
        double[] logits = [0.3, -1.2, 2.2, 5.0, 4.9, -3.0, -9, 12, 0.1, 0, 0, 0];
        int[] targets = [0, 1, 2, 1];
        double[] weights = [1.0, 0.5, 2.0, 1.5];
        var gradient = new double[logits.Length];
        loss.EvaluateSoftmax(logits, 3, targets, gradient, weights);
        for (var k = 0; k < logits.Length; k++)
        {
            const double h = 1e-6;
            var up = (double[])logits.Clone();
            var down = (double[])logits.Clone();
            up[k] += h;
            down[k] -= h;
            var numeric = (loss.EvaluateSoftmax(up, 3, targets, new double[12], weights) - loss.EvaluateSoftmax(down, 3, targets, new double[12], weights)) / (2 * h);
            gradient[k].Should().BeApproximately(numeric, 1e-6, $"logit {k}");
        }
    }

    [Fact]
    public void Softmax_gamma_zero_is_cross_entropy_and_stable_at_extremes()
    {
        double[] logits = [1, 2, 3, -500, 0, 700, 40, 40, -40];
        int[] targets = [2, 0, 2];
        var gradient = new double[9];
        var total = new FocalLoss { Gamma = 0 }.EvaluateSoftmax(logits, 3, targets, gradient);
        var ce0 = Math.Log(Math.Exp(1) + Math.Exp(2) + Math.Exp(3)) - 3;
        var ce2 = 80 + Math.Log(2); // log(e^40 + e^40 + e^-40) - (-40)
        (total - ce0 - 1200 - ce2).Should().BeApproximately(0, 1e-9);
        gradient[3].Should().BeApproximately(-1, 1e-15);
        gradient[5].Should().BeApproximately(1, 1e-15);

        var focal = new double[9];
        var value = new FocalLoss { Gamma = 2 }.EvaluateSoftmax([50, 0, 0], 3, [0], focal.AsSpan(0, 3));
        value.Should().BeGreaterThanOrEqualTo(0).And.BeLessThan(1e-60);
        focal.Take(3).Should().OnlyContain(g => double.IsFinite(g) && Math.Abs(g) < 1e-40);
    }

    [Fact]
    public void Scalar_alpha_weights_positive_rows_alpha_and_negative_rows_one_minus_alpha()
    {
        var plain = new FocalLoss();
        var weighted = new FocalLoss { Alpha = 0.25 };
        weighted.EvaluateBinary([0.3], [1], new double[1]).Should().BeApproximately(0.25 * plain.EvaluateBinary([0.3], [1], new double[1]), 1e-15);
        weighted.EvaluateBinary([0.3], [0], new double[1]).Should().BeApproximately(0.75 * plain.EvaluateBinary([0.3], [0], new double[1]), 1e-15);
    }

    [Fact]
    public void Invalid_settings_and_shapes_are_rejected_by_name()
    {
        FluentActions.Invoking(() => new FocalLoss { Gamma = -1 }).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("Gamma");
        FluentActions.Invoking(() => new FocalLoss { Alpha = 1.5 }).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("Alpha");
        FluentActions.Invoking(() => new FocalLoss { Alpha = 0.5, ClassAlpha = [1, 2] }).Should().Throw<ArgumentException>().WithParameterName("ClassAlpha");
        FluentActions.Invoking(() => new FocalLoss().EvaluateBinary([1, 2], [1], new double[2])).Should().Throw<ArgumentException>().WithParameterName("logits");
        FluentActions.Invoking(() => new FocalLoss().EvaluateBinary([1], [2], new double[1])).Should().Throw<ArgumentException>().WithParameterName("targets");
        FluentActions.Invoking(() => new FocalLoss().EvaluateSoftmax([1, 2], 2, [0], new double[2], [1.0, 2.0])).Should().Throw<ArgumentException>().WithParameterName("rowWeights");
        FluentActions.Invoking(() => new FocalLoss { ClassAlpha = [1, 1] }.EvaluateSoftmax([1, 2, 3], 3, [0], new double[3])).Should().Throw<ArgumentException>().WithParameterName("classCount");
    }

    [Fact]
    public void Logistic_regression_with_gamma_zero_focal_loss_equals_log_loss()
    {
        var (x, y) = DataGenerators.MakeClassification(nSamples: 300, nFeatures: 5, nInformative: 3, nRedundant: 0, weights: [0.9, 0.1], randomState: 3);
        var logLoss = new LogisticRegression().Fit(x, y);
        var focal = new LogisticRegression { FocalLoss = new FocalLoss { Gamma = 0 } }.Fit(x, y);
        var p1 = logLoss.PredictProba(x);
        var p2 = focal.PredictProba(x);
        for (var i = 0; i < y.Length; i++)
        {
            p2[i, 1].Should().BeApproximately(p1[i, 1], 1e-9);
        }
    }

    [Fact]
    public void Logistic_regression_with_focal_loss_fits_three_classes_and_rejects_wrong_alpha_length()
    {
        var (x, y) = DataGenerators.MakeClassification(nSamples: 300, nFeatures: 4, nInformative: 3, nRedundant: 0, nClasses: 3, randomState: 1);
        var model = new LogisticRegression { FocalLoss = new FocalLoss { Gamma = 2, ClassAlpha = [1, 1, 2] } }.Fit(x, y);
        model.Converged.Should().BeTrue();
        var accuracy = model.Predict(x).Zip(y).Count(p => p.First == p.Second) / (double)y.Length;
        accuracy.Should().BeGreaterThan(0.6);
        FluentActions.Invoking(() => new LogisticRegression { FocalLoss = new FocalLoss { ClassAlpha = [1, 1] } }.Fit(x, y))
            .Should().Throw<ArgumentException>();
    }
}
