using System.Globalization;
using Imbalance.Interop;

namespace Imbalance.Learning;

/// <summary>
/// Conveniences on every fitted classifier (<see cref="IClassificationModel{TLabel}"/>, including pipelines): prediction
/// on rows of any supported shape (<see cref="FeatureMatrix"/>), on a single row, and the probability of one named
/// class (scikit-learn's <c>model.predict_proba(X)[:, list(model.classes_).index(label)]</c>).
/// </summary>
public static class ClassificationModelExtensions
{
    /// <summary>Predicts rows of any supported shape; see <see cref="IClassificationModel{TLabel}.Predict"/>.</summary>
    /// <typeparam name="TLabel">The label type.</typeparam>
    /// <param name="model">The fitted model.</param>
    /// <param name="x">The rows: <c>double[][]</c>, <c>float[,]</c>, <c>float[][]</c> or a MathNet matrix.</param>
    /// <param name="cancellationToken">Cancels a long prediction.</param>
    /// <returns>One label per row.</returns>
    public static TLabel[] Predict<TLabel>(this IClassificationModel<TLabel> model, FeatureMatrix x, CancellationToken cancellationToken = default)
        where TLabel : notnull
    {
        ArgumentNullException.ThrowIfNull(model);
        return model.Predict(x.ToArray2D(nameof(x)), cancellationToken);
    }

    /// <summary>Class probabilities of rows of any supported shape; see <see cref="IClassificationModel{TLabel}.PredictProba"/>.</summary>
    /// <typeparam name="TLabel">The label type.</typeparam>
    /// <param name="model">The fitted model.</param>
    /// <param name="x">The rows.</param>
    /// <param name="cancellationToken">Cancels a long prediction.</param>
    /// <returns>A new <c>rows x classes</c> matrix.</returns>
    public static double[,] PredictProba<TLabel>(this IClassificationModel<TLabel> model, FeatureMatrix x, CancellationToken cancellationToken = default)
        where TLabel : notnull
    {
        ArgumentNullException.ThrowIfNull(model);
        return model.PredictProba(x.ToArray2D(nameof(x)), cancellationToken);
    }

    /// <summary>The predicted class of one row (scikit-learn's <c>predict(row.reshape(1, -1))[0]</c>).</summary>
    /// <typeparam name="TLabel">The label type.</typeparam>
    /// <param name="model">The fitted model.</param>
    /// <param name="row">The row's feature values, with the training width.</param>
    /// <returns>The predicted label.</returns>
    public static TLabel Predict<TLabel>(this IClassificationModel<TLabel> model, double[] row)
        where TLabel : notnull
    {
        ArgumentNullException.ThrowIfNull(model);
        return model.Predict(OneRow(row, nameof(row)))[0];
    }

    /// <summary>The class probabilities of one row, in <see cref="IClassificationModel{TLabel}.Classes"/> order.</summary>
    /// <typeparam name="TLabel">The label type.</typeparam>
    /// <param name="model">The fitted model.</param>
    /// <param name="row">The row's feature values, with the training width.</param>
    /// <returns>One probability per class.</returns>
    public static double[] PredictProba<TLabel>(this IClassificationModel<TLabel> model, double[] row)
        where TLabel : notnull
    {
        ArgumentNullException.ThrowIfNull(model);
        var proba = model.PredictProba(OneRow(row, nameof(row)));
        var result = new double[proba.GetLength(1)];
        for (var c = 0; c < result.Length; c++)
        {
            result[c] = proba[0, c];
        }

        return result;
    }

    /// <summary>
    /// The predicted probability of one class for each row: the column of <see cref="IClassificationModel{TLabel}.PredictProba"/>
    /// that belongs to <paramref name="label"/>, the score that ranking metrics, precision-recall curves and
    /// threshold moving take.
    /// </summary>
    /// <typeparam name="TLabel">The label type.</typeparam>
    /// <param name="model">The fitted model.</param>
    /// <param name="x">The rows (any supported shape).</param>
    /// <param name="label">The class, one of the model's <see cref="IClassificationModel{TLabel}.Classes"/>.</param>
    /// <param name="cancellationToken">Cancels a long prediction.</param>
    /// <returns>One probability per row.</returns>
    /// <exception cref="ArgumentException"><paramref name="label"/> is not a class of the model.</exception>
    public static double[] PredictProbability<TLabel>(
        this IClassificationModel<TLabel> model, FeatureMatrix x, TLabel label, CancellationToken cancellationToken = default)
        where TLabel : notnull
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(label);
        var column = IndexOf(model.Classes, label);
        var proba = model.PredictProba(x.ToArray2D(nameof(x)), cancellationToken);
        var result = new double[proba.GetLength(0)];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = proba[i, column];
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

        throw new ArgumentException(
            string.Create(CultureInfo.InvariantCulture, $"label={label} is not a class of the model; its classes are [{string.Join(", ", classes)}]."),
            nameof(label));
    }

    private static double[,] OneRow(double[] row, string parameterName)
    {
        ArgumentNullException.ThrowIfNull(row, parameterName);
        var x = new double[1, row.Length];
        for (var j = 0; j < row.Length; j++)
        {
            x[0, j] = row[j];
        }

        return x;
    }
}
