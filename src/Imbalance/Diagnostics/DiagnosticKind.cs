namespace Imbalance.Diagnostics;

/// <summary>What a <see cref="Diagnostic"/> reports: the cases in which scikit-learn and imblearn issue a warning.</summary>
public enum DiagnosticKind
{
    /// <summary>An iterative solver stopped at its iteration limit before meeting its tolerance (scikit-learn's
    /// <c>ConvergenceWarning</c>): the fitted numbers may be poor. Scale the data or raise the limit.</summary>
    Convergence,

    /// <summary>A metric had a zero denominator and took the <c>ZeroDivision.Warn</c> value 0 (scikit-learn's
    /// <c>UndefinedMetricWarning</c>).</summary>
    UndefinedMetric,

    /// <summary>A sampler returned fewer rows of a class than its resolved strategy asked for (for example ADASYN or
    /// KMeans-SMOTE when too few samples qualify).</summary>
    FewerSamples,
}
