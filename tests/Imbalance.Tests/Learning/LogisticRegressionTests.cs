using Imbalance.Learning;

namespace Imbalance.Tests.Learning;

public class LogisticRegressionTests
{
    public static TheoryData<string> Cases => LearnerFixture.Names("logistic_regression");

    internal static LogisticRegression FromCase(LearnerCase c) => new()
    {
        C = c.Has("C") ? c.Double("C") : 1.0,
        FitIntercept = !c.Params.TryGetProperty("fit_intercept", out var fi) || fi.GetBoolean(),
        ClassWeight = c.ClassWeight,
    };

    private static void Close(double[,] actual, double[,] expected, double tolerance, string what)
    {
        actual.GetLength(0).Should().Be(expected.GetLength(0));
        actual.GetLength(1).Should().Be(expected.GetLength(1));
        var worst = 0.0;
        for (var i = 0; i < expected.GetLength(0); i++)
        {
            for (var j = 0; j < expected.GetLength(1); j++)
            {
                worst = Math.Max(worst, Math.Abs(actual[i, j] - expected[i, j]));
            }
        }

        worst.Should().BeLessThanOrEqualTo(tolerance, what);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Probabilities_match_scikit_learn_to_1e4(string name)
    {
        var c = LearnerFixture.Case("logistic_regression", name);
        var model = FromCase(c).Fit(c.X, c.Y, c.SampleWeight);
        model.Converged.Should().BeTrue();
        Close(model.PredictProba(c.XTest), c.Matrix("proba"), 1e-4, "probabilities vs scikit-learn defaults");
        Close(model.Coef, c.Matrix("coef"), 1e-3, "coef_");
        Close(model.DecisionFunction(c.XTest), c.Matrix("decision"), 1e-3, "decision_function");
        model.Intercept.Should().HaveCount(c.Vector("intercept").Length);
        model.Predict(c.XTest).Should().Equal(c.Ints("predict"));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Tight_fit_matches_scikit_learns_tight_fit_to_1e7(string name)
    {
        var c = LearnerFixture.Case("logistic_regression", name);
        var tight = new LogisticRegression
        {
            C = c.Has("C") ? c.Double("C") : 1.0,
            FitIntercept = !c.Params.TryGetProperty("fit_intercept", out var fi) || fi.GetBoolean(),
            ClassWeight = c.ClassWeight,
            Tol = 1e-9,
            MaxIter = 1000,
        }.Fit(c.X, c.Y, c.SampleWeight);
        tight.Converged.Should().BeTrue();
        Close(tight.PredictProba(c.XTest), c.Matrix("proba_tight"), 1e-7, "probabilities vs scikit-learn tol=1e-12");
        Close(tight.Coef, c.Matrix("coef_tight"), 1e-6, "coef_");
        var intercept = c.Vector("intercept_tight");
        for (var o = 0; o < intercept.Length; o++)
        {
            tight.Intercept[o].Should().BeApproximately(intercept[o], 1e-6);
        }
    }
}
