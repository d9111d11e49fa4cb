namespace Imbalance.Calibration;

/// <summary>A fitted one-dimensional calibrator: scores of one class to probabilities.</summary>
internal abstract class Calibrator
{
    /// <summary>Fits the calibrator of <paramref name="method"/> to scores and 0/1 targets.</summary>
    public static Calibrator Fit(CalibrationMethod method, double[] scores, double[] targets, double[]? weights) => method == CalibrationMethod.Sigmoid
        ? SigmoidCalibration.Fit(scores, targets, weights)
        : IsotonicCalibration.Fit(scores, targets, weights);

    /// <summary>The calibrated probability of each score.</summary>
    public abstract double[] Predict(double[] scores);
}
