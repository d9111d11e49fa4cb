using System.Globalization;
using Imbalance.Metrics;

namespace Imbalance.ModelSelection;

/// <summary>
/// Creates <see cref="Scorer"/>s: by name from a catalogue (scikit-learn's <c>get_scorer</c> and scoring strings,
/// plus imblearn's metrics), from a threshold objective, or from any metric (scikit-learn's <c>make_scorer</c>).
/// </summary>
/// <remarks>
/// <para>When to use it: choosing what cross-validation and the searches optimise: on imbalanced data pick balanced
/// accuracy, the geometric mean, F1, average precision or ROC-AUC rather than accuracy, which rewards predicting
/// the majority class.</para>
/// <para>The catalogue (<see cref="Names"/>): from predicted labels <c>accuracy</c>, <c>balanced_accuracy</c>,
/// <c>f1</c>, <c>precision</c>, <c>recall</c>, <c>jaccard</c> (each also <c>_micro</c>, <c>_macro</c>,
/// <c>_weighted</c>), <c>matthews_corrcoef</c> (alias <c>mcc</c>), imblearn's <c>g_mean</c>, <c>iba</c> (index
/// balanced accuracy of the G-mean, alpha 0.1, squared), <c>sensitivity</c>, <c>specificity</c>; from probabilities
/// <c>roc_auc</c> (binary), <c>roc_auc_ovr</c>, <c>roc_auc_ovo</c>, <c>roc_auc_ovr_weighted</c>,
/// <c>roc_auc_ovo_weighted</c>, <c>average_precision</c> (binary, or macro one-vs-rest over more classes),
/// <c>neg_log_loss</c>, <c>neg_brier_score</c> (alias <c>brier</c>). Losses are negated, so higher is always
/// better, as in scikit-learn.</para>
/// <para>Binary metrics (<c>f1</c>, <c>precision</c>, <c>recall</c>, <c>jaccard</c>, <c>sensitivity</c>,
/// <c>specificity</c>) use scikit-learn's default positive class 1 unless a <c>posLabel</c> is given; probability
/// scorers use the column of <c>posLabel</c>, or of the second class without one (scikit-learn's
/// <c>_select_proba_binary</c>).</para>
/// <para>Typed shortcuts with the positive class given (<c>Scoring.F1(posLabel)</c>, <c>Scoring.Recall(posLabel)</c>,
/// ...) return <see cref="Scorer{TLabel}"/>s for one label type.</para>
/// </remarks>
/// <example>
/// <code>
/// Scorer f1 = Scoring.Get("f1");                           // scikit-learn's scoring strings
/// Scorer gMean = Scoring.Get("g_mean");                    // and imblearn's metrics
/// Scorer recall = Scoring.Get("recall", posLabel: 1);
/// var result = CrossValidation.CrossValidate(plain, x, y, [f1, gMean, recall], new StratifiedKFold { NSplits = 5 }.Split(y));
/// </code>
/// </example>
public static partial class Scoring
{
    /// <summary>The names <see cref="Get(string)"/> accepts (aliases aside), label scorers first.</summary>
    public static IReadOnlyList<string> Names => CatalogueScorer.Names;

    /// <summary>The catalogue scorer called <paramref name="name"/> (scikit-learn's <c>get_scorer(name)</c>), for any
    /// label type.</summary>
    /// <param name="name">A scikit-learn scoring string or imblearn metric name; see the class remarks.</param>
    /// <returns>The scorer.</returns>
    /// <exception cref="ArgumentException">The name is not in the catalogue.</exception>
    public static Scorer Get(string name) => CatalogueScorer.Create(name, null);

    /// <summary>The catalogue scorer called <paramref name="name"/> with <paramref name="posLabel"/> as positive class
    /// (scikit-learn's <c>make_scorer(metric, pos_label=...)</c>).</summary>
    /// <typeparam name="TLabel">The label type; the scorer then scores only labels of this type.</typeparam>
    /// <param name="name">A scikit-learn scoring string or imblearn metric name; see the class remarks.</param>
    /// <param name="posLabel">The positive class.</param>
    /// <returns>The scorer.</returns>
    /// <exception cref="ArgumentException">The name is not in the catalogue.</exception>
    public static Scorer Get<TLabel>(string name, TLabel posLabel)
        where TLabel : notnull
    {
        ArgumentNullException.ThrowIfNull(posLabel);
        return CatalogueScorer.Create(name, posLabel);
    }

    /// <summary>
    /// A <see cref="ThresholdObjective"/> as a scorer of predicted labels (binary): F-beta, G-mean sqrt(sensitivity x
    /// specificity), balanced accuracy, or the expected cost per sample under <paramref name="costs"/>, negated so
    /// that higher is better (named <c>neg_expected_cost</c>).
    /// </summary>
    /// <param name="objective">The objective.</param>
    /// <param name="beta">Beta of <see cref="ThresholdObjective.FBeta"/>, &gt; 0; default 1.</param>
    /// <param name="costs">The cost matrix, required for <see cref="ThresholdObjective.ExpectedCost"/>.</param>
    /// <param name="posLabel">The positive class; default: the threshold tuner's, or 1.</param>
    /// <returns>The scorer.</returns>
    /// <exception cref="ArgumentOutOfRangeException">Unknown objective or <paramref name="beta"/> not positive.</exception>
    /// <exception cref="ArgumentException">The expected cost without finite costs.</exception>
    public static Scorer FromObjective(ThresholdObjective objective, double beta = 1.0, ClassificationCosts? costs = null, object? posLabel = null)
    {
        if (!Enum.IsDefined(objective))
        {
            throw new ArgumentOutOfRangeException(nameof(objective), objective, "Unknown threshold objective.");
        }

        if (!(beta > 0.0))
        {
            throw new ArgumentOutOfRangeException(nameof(beta), beta, string.Create(CultureInfo.InvariantCulture, $"beta should be >0 in the F-beta score, got {beta}."));
        }

        if (objective == ThresholdObjective.ExpectedCost &&
            (costs is not { } c || !double.IsFinite(c.FalsePositive) || !double.IsFinite(c.FalseNegative) || !double.IsFinite(c.TruePositive) || !double.IsFinite(c.TrueNegative)))
        {
            throw new ArgumentException("The expected cost objective needs a finite cost matrix.", nameof(costs));
        }

        return new ObjectiveScorer(objective, beta, costs ?? default, posLabel);
    }

    /// <summary>
    /// imblearn's <c>make_index_balanced_accuracy(alpha, squared)</c> around a scorer of predicted labels: IBA =
    /// (1 + alpha x (sensitivity - specificity)) x score (squared when <paramref name="squared"/>); the dominance is the
    /// binary one of the scorer's positive class for two classes and the macro one otherwise.
    /// </summary>
    /// <param name="scorer">A scorer of predicted labels, e.g. <c>Scoring.Get("g_mean")</c>.</param>
    /// <param name="alpha">Weight of the dominance; imblearn's default 0.1.</param>
    /// <param name="squared">Whether the score is squared; imblearn's default true.</param>
    /// <returns>The scorer, named <c>iba_&lt;name&gt;</c>.</returns>
    /// <exception cref="ArgumentException"><paramref name="scorer"/> needs probabilities: imblearn refuses score-based
    /// metrics (those taking <c>y_score</c> or <c>y_prob</c>), as the index is defined on predicted labels.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="alpha"/> is not finite.</exception>
    public static Scorer IndexBalancedAccuracy(Scorer scorer, double alpha = 0.1, bool squared = true)
    {
        ArgumentNullException.ThrowIfNull(scorer);
        if (scorer.NeedsProbabilities)
        {
            throw new ArgumentException(
                $"The index balanced accuracy is defined over metrics of predicted labels; '{scorer.Name}' needs probabilities (imblearn raises for metrics taking y_score or y_prob).",
                nameof(scorer));
        }

        if (!double.IsFinite(alpha))
        {
            throw new ArgumentOutOfRangeException(nameof(alpha), alpha, "alpha must be a finite number.");
        }

        return new IndexBalancedScorer(scorer, alpha, squared);
    }

    /// <summary>A scorer from predicted labels: <c>metric(yTrue, yPred)</c> (scikit-learn's <c>make_scorer</c>).</summary>
    /// <typeparam name="TLabel">The label type.</typeparam>
    /// <param name="name">The scorer's name.</param>
    /// <param name="metric">The metric, e.g. an F1 or G-mean function from <c>Imbalance.Metrics</c>; higher must be better.</param>
    /// <returns>The scorer.</returns>
    public static Scorer<TLabel> FromPredictions<TLabel>(string name, Func<IReadOnlyList<TLabel>, TLabel[], double> metric)
        where TLabel : notnull
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(metric);
        return new Scorer<TLabel>(name, metric, null);
    }

    /// <summary>A scorer from predicted probabilities: <c>metric(yTrue, proba, classes)</c>, where the columns of
    /// <c>proba</c> follow <c>classes</c> (scikit-learn's <c>make_scorer(..., needs_proba=True)</c>).</summary>
    /// <typeparam name="TLabel">The label type.</typeparam>
    /// <param name="name">The scorer's name.</param>
    /// <param name="metric">The metric, e.g. average precision of the positive column; higher must be better.</param>
    /// <returns>The scorer.</returns>
    public static Scorer<TLabel> FromProbabilities<TLabel>(string name, Func<IReadOnlyList<TLabel>, double[,], IReadOnlyList<TLabel>, double> metric)
        where TLabel : notnull
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(metric);
        return new Scorer<TLabel>(name, null, metric);
    }
}
