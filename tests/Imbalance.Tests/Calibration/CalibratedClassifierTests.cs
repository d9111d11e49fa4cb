using Imbalance.Calibration;
using Imbalance.Learning;
using Imbalance.ModelSelection;
using Imbalance.OverSampling;
using Imbalance.Pipelines;
using static Imbalance.Tests.ModelSelection.DecisionTestKit;

namespace Imbalance.Tests.Calibration;

public class CalibratedClassifierTests
{
    [Fact]
    public void Samplers_never_touch_the_rows_the_calibrators_are_fitted_on()
    {
        var (x, y) = BinaryWithIds(150, 2);
        var spy = new IdSpySampler(new Smote { RandomState = 0 });
        var folds = new StratifiedKFold { NSplits = 3 }.Split(y);
        var model = new CalibratedClassifierCV { Estimator = Pipeline.Create().Then("spy", spy).Then("lr", new LogisticRegression()), Cv = new StratifiedKFold { NSplits = 3 } }.Fit(x, y);
        spy.Seen.Should().HaveCount(3);
        foreach (var fold in folds)
        {
            spy.Seen.Should().ContainSingle(ids => ids.Order().SequenceEqual(fold.TrainIndices), "each fold's sampler sees its training rows, never the calibration rows");
        }

        model.Models.Should().HaveCount(3);
        var proba = model.PredictProba(x);
        Enumerable.Range(0, y.Length).Should().OnlyContain(i => Math.Abs(proba[i, 0] + proba[i, 1] - 1) < 1e-12);
    }

    [Fact]
    public void Prefit_isotonic_calibration_is_monotone_in_the_score()
    {
        var (x, y) = BinaryWithIds(200, 3);
        var fitted = new LogisticRegression().Fit(x, y);
        var calibrated = CalibratedClassifierCV.FromModel(fitted, x, y, CalibrationMethod.Isotonic);
        var scores = fitted.DecisionFunction(x);
        var proba = calibrated.PredictProba(x);
        var order = Enumerable.Range(0, y.Length).OrderBy(i => scores[i, 0]).ToArray();
        for (var r = 1; r < order.Length; r++)
        {
            proba[order[r], 1].Should().BeGreaterThanOrEqualTo(proba[order[r - 1], 1] - 1e-12);
        }

        calibrated.Method.Should().Be(CalibrationMethod.Isotonic);
    }

    [Fact]
    public void Errors_name_the_parameter()
    {
        var (x, y) = BinaryWithIds(40, 1);
        var rare = y.Select((v, i) => i < 3 ? 2 : v).ToArray();
        var tooFew = () => new CalibratedClassifierCV { Estimator = new LogisticRegression() }.Fit(x, rare);
        tooFew.Should().Throw<ArgumentException>().WithParameterName("y").WithMessage("Requesting 5-fold*");
        var method = () => new CalibratedClassifierCV { Estimator = new LogisticRegression(), Method = (CalibrationMethod)7 };
        method.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("Method");
        var unknownClass = () => CalibratedClassifierCV.FromModel(new LogisticRegression().Fit(x, y), x, y.Select(v => v + 1).ToArray());
        unknownClass.Should().Throw<ArgumentException>().WithParameterName("y");
    }
}
