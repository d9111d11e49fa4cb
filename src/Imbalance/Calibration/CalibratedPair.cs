using Imbalance.Learning;
using Imbalance.ModelSelection;

namespace Imbalance.Calibration;

/// <summary>scikit-learn's <c>_CalibratedClassifier</c>: a fitted model and one calibrator per score column.</summary>
internal sealed class CalibratedPair<TLabel>(IClassificationModel<TLabel> model, Calibrator[] calibrators, int[] classOfColumn)
    where TLabel : notnull
{
    public IClassificationModel<TLabel> Model { get; } = model;

    public IReadOnlyList<Calibrator> Calibrators { get; } = calibrators;

    /// <summary>The class each calibrator's column maps to.</summary>
    public IReadOnlyList<int> ClassOfColumn { get; } = classOfColumn;

    /// <summary>Calibrated probabilities over all <paramref name="classCount"/> classes (scikit-learn's
    /// <c>_CalibratedClassifier.predict_proba</c>).</summary>
    public double[,] PredictProba(double[,] x, int classCount, CancellationToken cancellationToken)
    {
        var inputs = ModelResponse.CalibrationInputs(Model, x, cancellationToken);
        var n = inputs.GetLength(0);
        var proba = new double[n, classCount];
        var scores = new double[n];
        for (var c = 0; c < calibrators.Length; c++)
        {
            for (var i = 0; i < n; i++)
            {
                scores[i] = inputs[i, c];
            }

            var calibrated = calibrators[c].Predict(scores);
            for (var i = 0; i < n; i++)
            {
                proba[i, classOfColumn[c]] = calibrated[i];
            }
        }

        for (var i = 0; i < n; i++)
        {
            if (classCount == 2)
            {
                proba[i, 0] = 1.0 - proba[i, 1];
            }
            else
            {
                var sum = 0.0;
                for (var c = 0; c < classCount; c++)
                {
                    sum += proba[i, c];
                }

                for (var c = 0; c < classCount; c++)
                {
                    // All calibrators at 0: the uniform distribution, as scikit-learn.
                    proba[i, c] = sum == 0.0 ? 1.0 / classCount : proba[i, c] / sum;
                }
            }

            for (var c = 0; c < classCount; c++)
            {
                if (proba[i, c] > 1.0 && proba[i, c] <= 1.0 + 1e-5)
                {
                    proba[i, c] = 1.0;
                }
            }
        }

        return proba;
    }
}
