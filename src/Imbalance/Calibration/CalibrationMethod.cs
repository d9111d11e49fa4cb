namespace Imbalance.Calibration;

/// <summary>How <see cref="CalibratedClassifierCV"/> maps a classifier's scores to probabilities (scikit-learn's
/// <c>method</c>).</summary>
public enum CalibrationMethod
{
    /// <summary><c>'sigmoid'</c>: Platt scaling, p = 1 / (1 + exp(A f + B)), fitted by maximum likelihood on Platt's
    /// smoothed targets; suits few calibration rows and sigmoid-shaped distortions.</summary>
    Sigmoid,

    /// <summary><c>'isotonic'</c>: a non-decreasing step function fitted by the pool-adjacent-violators algorithm
    /// (scikit-learn's <c>IsotonicRegression(out_of_bounds="clip")</c>); more flexible, needs more rows (&gt; ~1000).</summary>
    Isotonic,
}
