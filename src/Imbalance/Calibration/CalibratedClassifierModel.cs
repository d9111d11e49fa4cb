using Imbalance.Learning;

namespace Imbalance.Calibration;

/// <summary>A fitted <see cref="CalibratedClassifierCV"/>: one calibrated classifier per fold (or one), whose
/// probabilities are averaged (scikit-learn's <c>calibrated_classifiers_</c>).</summary>
/// <typeparam name="TLabel">The label type.</typeparam>
public sealed class CalibratedClassifierModel<TLabel> : IClassificationModel<TLabel>
    where TLabel : notnull
{
    private readonly TLabel[] _classes;
    private readonly CalibratedPair<TLabel>[] _pairs;

    internal CalibratedClassifierModel(IReadOnlyList<TLabel> classes, CalibratedPair<TLabel>[] pairs, CalibrationMethod method)
    {
        _classes = [.. classes];
        _pairs = pairs;
        Method = method;
    }

    /// <summary>The calibration used.</summary>
    public CalibrationMethod Method { get; }

    /// <summary>The fitted (model, calibrators) pairs (a saved model writes them).</summary>
    internal IReadOnlyList<CalibratedPair<TLabel>> Pairs => _pairs;

    /// <summary>The fitted inner models, one per calibrated classifier (scikit-learn's
    /// <c>calibrated_classifiers_[i].estimator</c>).</summary>
    public IReadOnlyList<IClassificationModel<TLabel>> Models => _pairs.Select(p => p.Model).ToArray();

    /// <inheritdoc/>
    public IReadOnlyList<TLabel> Classes => _classes;

    /// <summary>The calibrated probabilities, averaged over the calibrated classifiers (scikit-learn's
    /// <c>predict_proba</c>).</summary>
    /// <param name="x">Rows with the training width.</param>
    /// <param name="cancellationToken">Cancels a long prediction.</param>
    /// <returns>A new <c>rows x classes</c> matrix.</returns>
    public double[,] PredictProba(double[,] x, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(x);
        double[,]? mean = null;
        foreach (var pair in _pairs)
        {
            var proba = pair.PredictProba(x, _classes.Length, cancellationToken);
            if (mean is null)
            {
                mean = proba;
                continue;
            }

            for (var i = 0; i < proba.GetLength(0); i++)
            {
                for (var c = 0; c < _classes.Length; c++)
                {
                    mean[i, c] += proba[i, c];
                }
            }
        }

        if (_pairs.Length > 1)
        {
            for (var i = 0; i < mean!.GetLength(0); i++)
            {
                for (var c = 0; c < _classes.Length; c++)
                {
                    mean[i, c] /= _pairs.Length;
                }
            }
        }

        return mean!;
    }

    /// <summary>The class of highest calibrated probability (ties to the first; scikit-learn's <c>predict</c>).</summary>
    /// <param name="x">Rows with the training width.</param>
    /// <param name="cancellationToken">Cancels a long prediction.</param>
    /// <returns>One label per row.</returns>
    public TLabel[] Predict(double[,] x, CancellationToken cancellationToken = default)
    {
        var proba = PredictProba(x, cancellationToken);
        var labels = new TLabel[proba.GetLength(0)];
        for (var i = 0; i < labels.Length; i++)
        {
            var best = 0;
            for (var c = 1; c < _classes.Length; c++)
            {
                if (proba[i, c] > proba[i, best])
                {
                    best = c;
                }
            }

            labels[i] = _classes[best];
        }

        return labels;
    }
}
