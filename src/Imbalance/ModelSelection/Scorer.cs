namespace Imbalance.ModelSelection;

/// <summary>
/// A score of a fitted model on held-out rows, scikit-learn's scorer: either computed from predicted labels
/// (<c>make_scorer(f1_score)</c>) or from predicted probabilities (<c>needs_proba=True</c>, e.g. average precision).
/// Higher is better unless the metric says otherwise. Create with <see cref="Scoring"/>.
/// </summary>
/// <typeparam name="TLabel">The label type.</typeparam>
public sealed class Scorer<TLabel>
    where TLabel : notnull
{
    private readonly Func<IReadOnlyList<TLabel>, TLabel[], double>? _fromLabels;
    private readonly Func<IReadOnlyList<TLabel>, double[,], IReadOnlyList<TLabel>, double>? _fromProbabilities;

    internal Scorer(
        string name,
        Func<IReadOnlyList<TLabel>, TLabel[], double>? fromLabels,
        Func<IReadOnlyList<TLabel>, double[,], IReadOnlyList<TLabel>, double>? fromProbabilities)
    {
        Name = name;
        _fromLabels = fromLabels;
        _fromProbabilities = fromProbabilities;
    }

    /// <summary>The name used as the key of the result (scikit-learn's <c>test_&lt;name&gt;</c>).</summary>
    public string Name { get; }

    /// <summary>True when the scorer needs <c>PredictProba</c> rather than <c>Predict</c>.</summary>
    public bool NeedsProbabilities => _fromProbabilities is not null;

    /// <summary>Scores predictions or probabilities (whichever this scorer needs) against the true labels.</summary>
    internal double Score(IReadOnlyList<TLabel> yTrue, TLabel[]? predictions, double[,]? probabilities, IReadOnlyList<TLabel> classes) =>
        _fromLabels is not null ? _fromLabels(yTrue, predictions!) : _fromProbabilities!(yTrue, probabilities!, classes);
}
