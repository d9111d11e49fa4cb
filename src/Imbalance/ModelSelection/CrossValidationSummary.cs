using System.Globalization;
using System.Text;

namespace Imbalance.ModelSelection;

/// <summary>
/// The mean and standard deviation of every scorer of a <see cref="CrossValidationScores"/>, printable as a small
/// table (<see cref="ToString"/>): what a notebook prints with <c>scores.mean()</c> and <c>scores.std()</c> per key of
/// scikit-learn's <c>cross_validate</c> result.
/// </summary>
public sealed class CrossValidationSummary
{
    internal CrossValidationSummary(IReadOnlyDictionary<string, double[]> testScores)
    {
        Scores = testScores.Select(p =>
        {
            var mean = p.Value.Average();
            var std = Math.Sqrt(p.Value.Select(v => (v - mean) * (v - mean)).Average());
            return new ScoreSummary(p.Key, mean, std, p.Value.ToArray());
        }).ToArray();
    }

    /// <summary>One summary per scorer, in the order the scorers were given.</summary>
    public IReadOnlyList<ScoreSummary> Scores { get; }

    /// <summary>The summary of one scorer.</summary>
    /// <param name="scorer">The scorer name.</param>
    /// <returns>Its summary.</returns>
    /// <exception cref="KeyNotFoundException">No scorer has that name.</exception>
    public ScoreSummary this[string scorer] =>
        Scores.FirstOrDefault(s => s.Scorer == scorer) ?? throw new KeyNotFoundException($"No scorer is named '{scorer}'.");

    /// <summary>The table: one line per scorer, <c>name  mean ± std</c>, invariant culture, three decimals.</summary>
    /// <returns>The table text.</returns>
    public override string ToString()
    {
        var width = Math.Max(6, Scores.Max(s => s.Scorer.Length));
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"{"scorer".PadRight(width)}    mean     std").AppendLine();
        foreach (var s in Scores)
        {
            text.Append(CultureInfo.InvariantCulture, $"{s.Scorer.PadRight(width)}  {s.Mean,6:F3} ± {s.Std:F3}").AppendLine();
        }

        return text.ToString();
    }
}
