using Imbalance.Sampling;

namespace Imbalance.ModelSelection;

/// <summary>
/// A scorer made from a typed metric with <see cref="Scoring.FromPredictions{TLabel}"/> or
/// <see cref="Scoring.FromProbabilities{TLabel}"/> (scikit-learn's <c>make_scorer</c>): it scores labels of type
/// <typeparamref name="TLabel"/> only.
/// </summary>
/// <typeparam name="TLabel">The label type.</typeparam>
public sealed class Scorer<TLabel> : Scorer
    where TLabel : notnull
{
    private readonly Func<IReadOnlyList<TLabel>, TLabel[], double>? _fromLabels;
    private readonly Func<IReadOnlyList<TLabel>, double[,], IReadOnlyList<TLabel>, double>? _fromProbabilities;

    internal Scorer(
        string name,
        Func<IReadOnlyList<TLabel>, TLabel[], double>? fromLabels,
        Func<IReadOnlyList<TLabel>, double[,], IReadOnlyList<TLabel>, double>? fromProbabilities)
        : base(name, fromProbabilities is not null)
    {
        _fromLabels = fromLabels;
        _fromProbabilities = fromProbabilities;
    }

    /// <inheritdoc/>
    internal override double Evaluate<T>(IReadOnlyList<T> yTrue, T[]? predictions, double[,]? probabilities, IReadOnlyList<T> classes)
    {
        if (yTrue is not IReadOnlyList<TLabel> typedTrue || classes is not IReadOnlyList<TLabel> typedClasses)
        {
            throw InputGuard.Invalid("scorers", $"The scorer '{Name}' scores {typeof(TLabel).Name} labels, not {typeof(T).Name}.");
        }

        return _fromLabels is not null
            ? _fromLabels(typedTrue, (TLabel[])(object)predictions!)
            : _fromProbabilities!(typedTrue, probabilities!, typedClasses);
    }
}
