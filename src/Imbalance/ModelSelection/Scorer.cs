using Imbalance.Learning;
using Imbalance.Sampling;

namespace Imbalance.ModelSelection;

/// <summary>
/// A score of a fitted model on held-out rows: scikit-learn's scorer object (<c>get_scorer("f1")</c>,
/// <c>make_scorer(...)</c>). Higher is always better (losses are negated, as in scikit-learn's <c>neg_log_loss</c>).
/// A scorer computes its value either from predicted labels or from predicted probabilities
/// (<see cref="NeedsProbabilities"/>). Create one by name with <see cref="Scoring.Get(string)"/> or from a metric with
/// <see cref="Scoring.FromPredictions{TLabel}"/>; scorers are immutable and can be shared between threads.
/// </summary>
/// <remarks>
/// <para>When to use it: passing a metric to CrossValidation or a search; create one with Scoring (by name or from
/// any metric). Choose an imbalance-aware metric (balanced accuracy, geometric mean, average precision) rather than
/// accuracy.</para>
/// Scorers from the catalogue work for any label type; a scorer made from a typed metric
/// (<see cref="Scorer{TLabel}"/>) only for its own label type.</remarks>
public abstract class Scorer
{
    private protected Scorer(string name, bool needsProbabilities)
    {
        Name = name;
        NeedsProbabilities = needsProbabilities;
    }

    /// <summary>The name used as the key of results (scikit-learn's <c>test_&lt;name&gt;</c>).</summary>
    public string Name { get; }

    /// <summary>True when the scorer needs <c>PredictProba</c> rather than <c>Predict</c> (scikit-learn's
    /// <c>needs_proba</c> / <c>needs_threshold</c>).</summary>
    public bool NeedsProbabilities { get; }

    /// <summary>The positive class this scorer was given (scikit-learn's <c>pos_label</c> of the scorer), or
    /// <see langword="null"/> when it uses the metric's default.</summary>
    public virtual object? PositiveLabel => null;

    /// <summary>Scores <paramref name="model"/> on <paramref name="x"/> against the true labels
    /// <paramref name="y"/> (scikit-learn's <c>scorer(estimator, X, y)</c>).</summary>
    /// <typeparam name="TLabel">The label type.</typeparam>
    /// <param name="model">A fitted model.</param>
    /// <param name="x">The rows to score.</param>
    /// <param name="y">Their true labels.</param>
    /// <param name="cancellationToken">Cancels a long prediction.</param>
    /// <returns>The score; higher is better.</returns>
    /// <exception cref="ArgumentException">The inputs differ in length, or the scorer's positive label or label type
    /// does not match <typeparamref name="TLabel"/>.</exception>
    public double Score<TLabel>(IClassificationModel<TLabel> model, double[,] x, IReadOnlyList<TLabel> y, CancellationToken cancellationToken = default)
        where TLabel : notnull
    {
        ArgumentNullException.ThrowIfNull(model);
        InputGuard.CheckXy(x, y);
        var predictions = NeedsProbabilities ? null : model.Predict(x, cancellationToken);
        var probabilities = NeedsProbabilities ? model.PredictProba(x, cancellationToken) : null;
        return Evaluate(y, predictions, probabilities, model.Classes);
    }

    /// <inheritdoc/>
    public override string ToString() => Name;

    /// <summary>Scores predictions or probabilities (whichever this scorer needs) against the true labels.</summary>
    internal abstract double Evaluate<TLabel>(IReadOnlyList<TLabel> yTrue, TLabel[]? predictions, double[,]? probabilities, IReadOnlyList<TLabel> classes)
        where TLabel : notnull;

    /// <summary>This scorer with <paramref name="label"/> as positive class when it has none of its own (used by
    /// threshold tuning, which knows the positive class).</summary>
    internal virtual Scorer WithDefaultPositive(object label) => this;

    /// <summary>The positive label as <typeparamref name="TLabel"/>, or unset.</summary>
    private protected static Metrics.PositiveLabel<TLabel> Positive<TLabel>(object? label, string scorer)
        where TLabel : notnull => label switch
        {
            null => default,
            TLabel typed => new Metrics.PositiveLabel<TLabel>(typed),
            _ => throw InputGuard.Invalid("posLabel", $"The scorer '{scorer}' has posLabel {label} of type {label.GetType().Name}, but the labels are {typeof(TLabel).Name}."),
        };
}
