using Imbalance.Metrics;

namespace Imbalance.ModelSelection;

/// <summary>imblearn's <c>make_index_balanced_accuracy</c> around a scorer of predicted labels: IBA = (1 + alpha x
/// (sensitivity - specificity)) x score (squared), the dominance binary for two classes and macro otherwise.</summary>
internal sealed class IndexBalancedScorer : Scorer
{
    private readonly Scorer _inner;
    private readonly double _alpha;
    private readonly bool _squared;

    public IndexBalancedScorer(Scorer inner, double alpha, bool squared)
        : base("iba_" + inner.Name, needsProbabilities: false)
    {
        _inner = inner;
        _alpha = alpha;
        _squared = squared;
    }

    /// <inheritdoc/>
    public override object? PositiveLabel => _inner.PositiveLabel;

    /// <inheritdoc/>
    internal override Scorer WithDefaultPositive(object label) => new IndexBalancedScorer(_inner.WithDefaultPositive(label), _alpha, _squared);

    /// <inheritdoc/>
    internal override double Evaluate<TLabel>(IReadOnlyList<TLabel> yTrue, TLabel[]? predictions, double[,]? probabilities, IReadOnlyList<TLabel> classes)
    {
        var score = _inner.Evaluate(yTrue, predictions, probabilities, classes);
        var binary = yTrue.Concat(predictions!).Distinct().Count() <= 2;
        var (sensitivity, specificity) = ImbalancedMetrics.SensitivitySpecificitySupport(
            yTrue, predictions!, posLabel: Positive<TLabel>(PositiveLabel, Name), average: binary ? Average.Binary : Average.Macro);
        return (1.0 + (_alpha * (sensitivity - specificity))) * (_squared ? score * score : score);
    }
}
