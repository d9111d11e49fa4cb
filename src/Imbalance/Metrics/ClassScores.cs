using Imbalance.Diagnostics;

namespace Imbalance.Metrics;

/// <summary>
/// One score per class (scikit-learn's <c>average=None</c> result), keyed by label, in the order of the
/// <c>labels</c> argument (or sorted, <c>np.unique</c> order, when none was given).
/// </summary>
/// <typeparam name="TLabel">The label type.</typeparam>
public sealed class ClassScores<TLabel>
    where TLabel : notnull
{
    private readonly TLabel[] _labels;
    private readonly double[] _values;

    internal ClassScores(TLabel[] labels, double[] values, IReadOnlyList<Diagnostic>? warnings = null)
    {
        _labels = labels;
        _values = values;
        Warnings = warnings ?? [];
    }

    /// <summary>scikit-learn's <c>UndefinedMetricWarning</c> as data: under <see cref="ZeroDivision.Warn"/>, the
    /// classes whose score had a zero denominator and was set to 0. Empty when every score was defined or another
    /// <see cref="ZeroDivision"/> was chosen.</summary>
    public IReadOnlyList<Diagnostic> Warnings { get; }

    /// <summary>The classes, in report order.</summary>
    public IReadOnlyList<TLabel> Labels => _labels;

    /// <summary>The score of each class, aligned with <see cref="Labels"/>.</summary>
    public IReadOnlyList<double> Values => _values;

    /// <summary>The number of classes.</summary>
    public int Count => _values.Length;

    /// <summary>The score of class <paramref name="label"/>; throws <see cref="KeyNotFoundException"/> when it is not reported.</summary>
    public double this[TLabel label]
    {
        get
        {
            var i = Array.IndexOf(_labels, label);
            return i >= 0 ? _values[i] : throw new KeyNotFoundException($"Label {LabelText.Python(label)} is not among the reported labels.");
        }
    }

    /// <summary>A copy of the scores as an array (NumPy's per-class array).</summary>
    public double[] ToArray() => (double[])_values.Clone();
}
