using Imbalance.Metrics;
using Imbalance.Sampling;

namespace Imbalance.ModelSelection;

/// <summary>A scorer of the named catalogue (<see cref="Scoring.Get(string)"/>): scikit-learn's scoring strings and
/// imblearn's metrics, for any label type.</summary>
internal sealed class CatalogueScorer : Scorer
{
    private static readonly string[] ProbabilityNames =
        ["roc_auc", "roc_auc_ovr", "roc_auc_ovo", "roc_auc_ovr_weighted", "roc_auc_ovo_weighted", "average_precision", "neg_log_loss", "neg_brier_score"];

    private static readonly string[] LabelNames =
    [
        "accuracy", "balanced_accuracy", "f1", "f1_micro", "f1_macro", "f1_weighted", "precision", "precision_micro", "precision_macro",
        "precision_weighted", "recall", "recall_micro", "recall_macro", "recall_weighted", "jaccard", "jaccard_micro", "jaccard_macro",
        "jaccard_weighted", "matthews_corrcoef", "g_mean", "iba", "sensitivity", "specificity",
    ];

    private static readonly Dictionary<string, string> Aliases = new(StringComparer.Ordinal)
    {
        ["mcc"] = "matthews_corrcoef",
        ["brier"] = "neg_brier_score",
        ["geometric_mean"] = "g_mean",
        ["index_balanced_accuracy"] = "iba",
    };

    private readonly object? _posLabel;

    private CatalogueScorer(string name, object? posLabel)
        : base(name, ProbabilityNames.Contains(name))
    {
        _posLabel = posLabel;
    }

    /// <summary>Every canonical name, labels first.</summary>
    public static IReadOnlyList<string> Names { get; } = [.. LabelNames, .. ProbabilityNames];

    /// <inheritdoc/>
    public override object? PositiveLabel => _posLabel;

    /// <summary>The scorer called <paramref name="name"/> (or one of its aliases).</summary>
    public static CatalogueScorer Create(string name, object? posLabel)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        var canonical = Aliases.GetValueOrDefault(name, name);
        if (!Names.Contains(canonical))
        {
            throw new ArgumentException(
                $"'{name}' is not a valid scoring value. Use one of: {string.Join(", ", Names)} (aliases: {string.Join(", ", Aliases.Keys)}).", nameof(name));
        }

        return new CatalogueScorer(canonical, posLabel);
    }

    /// <inheritdoc/>
    internal override Scorer WithDefaultPositive(object label) => _posLabel is null ? new CatalogueScorer(Name, label) : this;

    /// <inheritdoc/>
    internal override double Evaluate<TLabel>(IReadOnlyList<TLabel> yTrue, TLabel[]? predictions, double[,]? probabilities, IReadOnlyList<TLabel> classes)
    {
        var pos = Positive<TLabel>(_posLabel, Name);
        if (NeedsProbabilities)
        {
            return FromProbabilities(yTrue, probabilities!, classes, pos);
        }

        var p = predictions!;
        return Name switch
        {
            "accuracy" => ClassificationMetrics.AccuracyScore(yTrue, p),
            "balanced_accuracy" => ClassificationMetrics.BalancedAccuracyScore(yTrue, p),
            "f1" => ClassificationMetrics.F1Score(yTrue, p, posLabel: pos),
            "f1_micro" => ClassificationMetrics.F1Score(yTrue, p, average: Average.Micro),
            "f1_macro" => ClassificationMetrics.F1Score(yTrue, p, average: Average.Macro),
            "f1_weighted" => ClassificationMetrics.F1Score(yTrue, p, average: Average.Weighted),
            "precision" => ClassificationMetrics.PrecisionScore(yTrue, p, posLabel: pos),
            "precision_micro" => ClassificationMetrics.PrecisionScore(yTrue, p, average: Average.Micro),
            "precision_macro" => ClassificationMetrics.PrecisionScore(yTrue, p, average: Average.Macro),
            "precision_weighted" => ClassificationMetrics.PrecisionScore(yTrue, p, average: Average.Weighted),
            "recall" => ClassificationMetrics.RecallScore(yTrue, p, posLabel: pos),
            "recall_micro" => ClassificationMetrics.RecallScore(yTrue, p, average: Average.Micro),
            "recall_macro" => ClassificationMetrics.RecallScore(yTrue, p, average: Average.Macro),
            "recall_weighted" => ClassificationMetrics.RecallScore(yTrue, p, average: Average.Weighted),
            "jaccard" => ClassificationMetrics.JaccardScore(yTrue, p, posLabel: pos),
            "jaccard_micro" => ClassificationMetrics.JaccardScore(yTrue, p, average: Average.Micro),
            "jaccard_macro" => ClassificationMetrics.JaccardScore(yTrue, p, average: Average.Macro),
            "jaccard_weighted" => ClassificationMetrics.JaccardScore(yTrue, p, average: Average.Weighted),
            "matthews_corrcoef" => ClassificationMetrics.MatthewsCorrCoef(yTrue, p),
            "g_mean" => ImbalancedMetrics.GeometricMeanScore(yTrue, p),
            "sensitivity" => ImbalancedMetrics.SensitivityScore(yTrue, p, posLabel: pos),
            "specificity" => ImbalancedMetrics.SpecificityScore(yTrue, p, posLabel: pos),
            "iba" => IndexBalancedGeometricMean(yTrue, p, pos),
            _ => throw new InvalidOperationException($"Unknown scorer '{Name}'."),
        };
    }

    /// <summary>imblearn's <c>make_index_balanced_accuracy(alpha=0.1, squared=True)(geometric_mean_score)</c>: the
    /// dominance uses the binary sensitivity and specificity of the positive class for a binary target, the macro ones
    /// otherwise.</summary>
    private static double IndexBalancedGeometricMean<TLabel>(IReadOnlyList<TLabel> yTrue, TLabel[] p, PositiveLabel<TLabel> pos)
        where TLabel : notnull
    {
        var binary = yTrue.Concat(p).Distinct().Count() <= 2;
        return ImbalancedMetrics.MakeIndexBalancedAccuracy<TLabel>(
            (t, q) => ImbalancedMetrics.GeometricMeanScore(t, q), average: binary ? Average.Binary : Average.Macro, posLabel: pos)(yTrue, p);
    }

    private double FromProbabilities<TLabel>(IReadOnlyList<TLabel> yTrue, double[,] proba, IReadOnlyList<TLabel> classes, PositiveLabel<TLabel> pos)
        where TLabel : notnull
    {
        if (Name == "neg_log_loss")
        {
            return -ClassificationMetrics.LogLoss(yTrue, proba, labels: classes);
        }

        if (classes.Count == 2)
        {
            // scikit-learn's _select_proba_binary: the column of pos_label, or of classes[1] without one.
            var label = pos.IsSet ? pos.Label : classes[1];
            var column = IndexOf(classes, label);
            var score = new double[proba.GetLength(0)];
            for (var i = 0; i < score.Length; i++)
            {
                score[i] = proba[i, column];
            }

            return Name switch
            {
                "average_precision" => ScoreMetrics.AveragePrecisionScore(yTrue, score, label),
                "neg_brier_score" => -ClassificationMetrics.BrierScoreLoss(yTrue, score, posLabel: label),
                _ => ScoreMetrics.RocAucScore(yTrue, score.Select(v => column == 1 ? v : 1.0 - v).ToArray()),
            };
        }

        return Name switch
        {
            "average_precision" => ScoreMetrics.AveragePrecisionScore(yTrue, Aligned(proba, classes, yTrue), Average.Macro),
            "roc_auc_ovr" => ScoreMetrics.RocAucScore(yTrue, Aligned(proba, classes, yTrue), MultiClassStrategy.OneVsRest),
            "roc_auc_ovo" => ScoreMetrics.RocAucScore(yTrue, Aligned(proba, classes, yTrue), MultiClassStrategy.OneVsOne),
            "roc_auc_ovr_weighted" => ScoreMetrics.RocAucScore(yTrue, Aligned(proba, classes, yTrue), MultiClassStrategy.OneVsRest, Average.Weighted),
            "roc_auc_ovo_weighted" => ScoreMetrics.RocAucScore(yTrue, Aligned(proba, classes, yTrue), MultiClassStrategy.OneVsOne, Average.Weighted),
            _ => throw InputGuard.Invalid("scorers", $"The scorer '{Name}' needs a binary target, but the model has {classes.Count} classes (use roc_auc_ovr or roc_auc_ovo for multiclass)."),
        };
    }

    /// <summary>The probability columns of the classes present in <paramref name="yTrue"/>, in sorted order.</summary>
    private static double[,] Aligned<TLabel>(double[,] proba, IReadOnlyList<TLabel> classes, IReadOnlyList<TLabel> yTrue)
        where TLabel : notnull
    {
        var present = Sampling.LabelEncoder<TLabel>.Fit(yTrue).Classes;
        if (present.Count == classes.Count)
        {
            return proba;
        }

        var columns = present.Select(c => IndexOf(classes, c)).ToArray();
        var result = new double[proba.GetLength(0), columns.Length];
        for (var i = 0; i < result.GetLength(0); i++)
        {
            for (var c = 0; c < columns.Length; c++)
            {
                result[i, c] = proba[i, columns[c]];
            }
        }

        return result;
    }

    private static int IndexOf<TLabel>(IReadOnlyList<TLabel> classes, TLabel label)
        where TLabel : notnull
    {
        for (var c = 0; c < classes.Count; c++)
        {
            if (EqualityComparer<TLabel>.Default.Equals(classes[c], label))
            {
                return c;
            }
        }

        throw InputGuard.Invalid("posLabel", $"posLabel {label} is not one of the model's classes.");
    }
}
