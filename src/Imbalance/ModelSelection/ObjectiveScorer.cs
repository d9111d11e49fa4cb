using System.Globalization;
using Imbalance.Metrics;
using Imbalance.Sampling;

namespace Imbalance.ModelSelection;

/// <summary>A <see cref="ThresholdObjective"/> as a scorer of predicted labels (binary; the positive class is the
/// scorer's or the tuner's): the same definitions as <see cref="ThresholdMoving"/>, the expected cost negated so that
/// higher is better.</summary>
internal sealed class ObjectiveScorer : Scorer
{
    private readonly ThresholdObjective _objective;
    private readonly double _beta;
    private readonly ClassificationCosts _costs;
    private readonly object? _posLabel;

    public ObjectiveScorer(ThresholdObjective objective, double beta, ClassificationCosts costs, object? posLabel)
        : base(NameOf(objective, beta), needsProbabilities: false)
    {
        _objective = objective;
        _beta = beta;
        _costs = costs;
        _posLabel = posLabel;
    }

    /// <inheritdoc/>
    public override object? PositiveLabel => _posLabel;

    /// <inheritdoc/>
    internal override Scorer WithDefaultPositive(object label) => _posLabel is null ? new ObjectiveScorer(_objective, _beta, _costs, label) : this;

    /// <inheritdoc/>
    internal override double Evaluate<TLabel>(IReadOnlyList<TLabel> yTrue, TLabel[]? predictions, double[,]? probabilities, IReadOnlyList<TLabel> classes)
    {
        var pos = Positive<TLabel>(_posLabel, Name);
        if (!pos.TryResolve(out var positive))
        {
            throw InputGuard.Invalid("posLabel", $"The objective '{Name}' needs a posLabel for {typeof(TLabel).Name} labels.");
        }

        double tp = 0, fp = 0, fn = 0, tn = 0;
        var comparer = EqualityComparer<TLabel>.Default;
        for (var i = 0; i < yTrue.Count; i++)
        {
            var actual = comparer.Equals(yTrue[i], positive);
            var predicted = comparer.Equals(predictions![i], positive);
            if (actual)
            {
                if (predicted)
                {
                    tp++;
                }
                else
                {
                    fn++;
                }
            }
            else if (predicted)
            {
                fp++;
            }
            else
            {
                tn++;
            }
        }

        return Value(_objective, tp, fp, fn, tn, _beta, _costs);
    }

    /// <summary>The objective from binary counts, higher is better (the expected cost negated).</summary>
    internal static double Value(ThresholdObjective objective, double tp, double fp, double fn, double tn, double beta, ClassificationCosts costs)
    {
        var sensitivity = tp + fn == 0 ? 0.0 : tp / (tp + fn);
        var specificity = tn + fp == 0 ? 0.0 : tn / (tn + fp);
        switch (objective)
        {
            case ThresholdObjective.FBeta:
            {
                var precision = tp + fp == 0 ? 0.0 : tp / (tp + fp);
                var beta2 = beta * beta;
                var denominator = (beta2 * precision) + sensitivity;
                return denominator == 0 ? 0.0 : (1 + beta2) * precision * sensitivity / denominator;
            }

            case ThresholdObjective.GeometricMean:
                return Math.Sqrt(sensitivity * specificity);
            case ThresholdObjective.BalancedAccuracy:
                return (sensitivity + specificity) / 2.0;
            default:
                return -((costs.TruePositive * tp) + (costs.FalsePositive * fp) + (costs.FalseNegative * fn) + (costs.TrueNegative * tn)) / (tp + fp + fn + tn);
        }
    }

    private static string NameOf(ThresholdObjective objective, double beta) => objective switch
    {
        ThresholdObjective.FBeta => beta == 1.0 ? "f1" : string.Create(CultureInfo.InvariantCulture, $"f_beta_{beta}"),
        ThresholdObjective.GeometricMean => "g_mean",
        ThresholdObjective.BalancedAccuracy => "balanced_accuracy",
        _ => "neg_expected_cost",
    };
}
