namespace Imbalance.ModelSelection;

/// <summary>Creates <see cref="Scorer{TLabel}"/>s, scikit-learn's <c>make_scorer</c>.</summary>
public static partial class Scoring
{
    /// <summary>A scorer from predicted labels: <c>metric(yTrue, yPred)</c>.</summary>
    /// <typeparam name="TLabel">The label type.</typeparam>
    /// <param name="name">The scorer's name.</param>
    /// <param name="metric">The metric, e.g. an F1 or G-mean function from <c>Imbalance.Metrics</c>.</param>
    /// <returns>The scorer.</returns>
    public static Scorer<TLabel> FromPredictions<TLabel>(string name, Func<IReadOnlyList<TLabel>, TLabel[], double> metric)
        where TLabel : notnull
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(metric);
        return new Scorer<TLabel>(name, metric, null);
    }

    /// <summary>A scorer from predicted probabilities: <c>metric(yTrue, proba, classes)</c>, where the columns of
    /// <c>proba</c> follow <c>classes</c>.</summary>
    /// <typeparam name="TLabel">The label type.</typeparam>
    /// <param name="name">The scorer's name.</param>
    /// <param name="metric">The metric, e.g. average precision of the positive column.</param>
    /// <returns>The scorer.</returns>
    public static Scorer<TLabel> FromProbabilities<TLabel>(string name, Func<IReadOnlyList<TLabel>, double[,], IReadOnlyList<TLabel>, double> metric)
        where TLabel : notnull
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(metric);
        return new Scorer<TLabel>(name, null, metric);
    }
}
