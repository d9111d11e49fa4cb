using System.Globalization;

namespace Imbalance.Metrics;

/// <summary>
/// The label checks of scikit-learn's <c>_check_targets</c> / <c>check_classification_targets</c>, done on the
/// first sight of each distinct label: no nulls, no NaN, no non-integral floating-point values (a regression
/// target), and a label type with an ordering.
/// </summary>
internal static class MetricLabels
{
    /// <summary>Throws naming <paramref name="name"/> unless <typeparamref name="TLabel"/> can be sorted.</summary>
    public static void RequireOrderable<TLabel>(string name)
    {
        if (!typeof(IComparable<TLabel>).IsAssignableFrom(typeof(TLabel)) && !typeof(IComparable).IsAssignableFrom(typeof(TLabel)))
        {
            throw new ArgumentException(
                $"Labels of type {typeof(TLabel).Name} cannot be sorted; use a type that implements IComparable<T> (int, string, an enum, bool, ...).",
                name);
        }
    }

    /// <summary>Throws naming <paramref name="name"/> when <paramref name="label"/> (at <paramref name="index"/>) is not a valid class label.</summary>
    public static void Validate<TLabel>(TLabel? label, int index, string name)
    {
        if (label is null)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"{name} contains a null label at index {index}."), name);
        }

        double value;
        switch (label)
        {
            case double d: value = d; break;
            case float f: value = f; break;
            case decimal m: value = decimal.IsInteger(m) ? 0.0 : 0.5; break;
            default: return;
        }

        if (double.IsNaN(value))
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"{name} contains NaN at index {index}."), name);
        }

        if (double.IsInfinity(value) || Math.Floor(value) != value)
        {
            throw new ArgumentException(
                string.Create(
                    CultureInfo.InvariantCulture,
                    $"Unknown label type: 'continuous' ({name}[{index}] = {value}). Classification metrics expect discrete classes, not a regression target."),
                name);
        }
    }
}
