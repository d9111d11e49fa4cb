using Imbalance.Learning;
using Imbalance.Pipelines;
using Imbalance.Sampling;

namespace Imbalance.ModelSelection;

/// <summary>What a fitted model answers for the decision meta-estimators: the score of one class, the decision
/// function where scikit-learn would use it, the column of a label, and the shared row and label helpers.</summary>
internal static class ModelResponse
{
    /// <summary>The probability of class column <paramref name="column"/> for each row.</summary>
    public static double[] ColumnScores<TLabel>(IClassificationModel<TLabel> model, double[,] x, int column, CancellationToken cancellationToken)
        where TLabel : notnull
    {
        var proba = model.PredictProba(x, cancellationToken);
        var scores = new double[proba.GetLength(0)];
        for (var i = 0; i < scores.Length; i++)
        {
            scores[i] = proba[i, column];
        }

        return scores;
    }

    /// <summary>
    /// scikit-learn 1.2.1's <c>_get_prediction_method</c> + <c>_compute_predictions</c> for calibration: the decision
    /// function when the model has one (a logistic regression, also at the end of a pipeline), else the probabilities;
    /// with two classes one column (the second class's).
    /// </summary>
    public static double[,] CalibrationInputs<TLabel>(IClassificationModel<TLabel> model, double[,] x, CancellationToken cancellationToken)
        where TLabel : notnull
    {
        var decision = Decision(model, x);
        if (decision is not null)
        {
            return decision;
        }

        var proba = model.PredictProba(x, cancellationToken);
        if (model.Classes.Count != 2)
        {
            return proba;
        }

        var column = new double[proba.GetLength(0), 1];
        for (var i = 0; i < column.GetLength(0); i++)
        {
            column[i, 0] = proba[i, 1];
        }

        return column;
    }

    /// <summary>The column of <paramref name="label"/> in <paramref name="classes"/>, or -1.</summary>
    public static int IndexOf<TLabel>(IReadOnlyList<TLabel> classes, TLabel label)
        where TLabel : notnull
    {
        for (var c = 0; c < classes.Count; c++)
        {
            if (EqualityComparer<TLabel>.Default.Equals(classes[c], label))
            {
                return c;
            }
        }

        return -1;
    }

    /// <summary>The labels at <paramref name="indices"/>.</summary>
    public static TLabel[] Pick<TLabel>(IReadOnlyList<TLabel> y, int[] indices)
    {
        var result = new TLabel[indices.Length];
        for (var i = 0; i < indices.Length; i++)
        {
            result[i] = y[indices[i]];
        }

        return result;
    }

    /// <summary>The weights at <paramref name="indices"/>, or null.</summary>
    public static double[]? Pick(IReadOnlyList<double>? weights, int[] indices) => weights is null ? null : Pick<double>(weights, indices);

    /// <summary>Checks optional sample weights against the row count.</summary>
    public static void CheckWeights(IReadOnlyList<double>? sampleWeight, int rows)
    {
        if (sampleWeight is not null && sampleWeight.Count != rows)
        {
            throw InputGuard.Invalid(nameof(sampleWeight), $"sample_weight has {sampleWeight.Count} values for {rows} rows.");
        }
    }

    /// <summary>The positive class of a binary meta-estimator: the given one (checked against the label type and the
    /// classes) or the second class, scikit-learn's default.</summary>
    public static TLabel ResolvePositive<TLabel>(object? posLabel, IReadOnlyList<TLabel> classes, string parameterName)
        where TLabel : notnull
    {
        if (classes.Count != 2)
        {
            throw InputGuard.Invalid("y", $"Only binary classification is supported; y has {classes.Count} classes.");
        }

        if (posLabel is null)
        {
            return classes[1];
        }

        if (posLabel is not TLabel typed || IndexOf(classes, typed) < 0)
        {
            throw InputGuard.Invalid(parameterName, $"{parameterName}={posLabel} is not a valid label: it should be one of {string.Join(", ", classes)}.");
        }

        return typed;
    }

    /// <summary>A stable cancellable parallel loop over independent slots (results never depend on thread count).</summary>
    public static void ParallelFor(int count, int? maxDegreeOfParallelism, Action<int> body, CancellationToken cancellationToken)
    {
        var options = new ParallelOptions
        {
            MaxDegreeOfParallelism = maxDegreeOfParallelism ?? Environment.ProcessorCount,
            CancellationToken = cancellationToken,
        };
        ParallelLoop.For(0, count, options, body);
    }

    private static double[,]? Decision<TLabel>(IClassificationModel<TLabel> model, double[,] x)
        where TLabel : notnull => model switch
        {
            LogisticRegressionModel<TLabel> lr => lr.DecisionFunction(x),
            PipelineModel<TLabel> pipeline => Decision(pipeline.FinalModel, pipeline.Transform(x)),
            _ => null,
        };
}
