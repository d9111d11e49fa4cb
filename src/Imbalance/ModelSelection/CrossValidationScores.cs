using Imbalance.Diagnostics;

namespace Imbalance.ModelSelection;

/// <summary>
/// The outcome of <see cref="CrossValidation"/>.<c>CrossValidate</c>, scikit-learn's <c>cross_validate</c> dictionary:
/// one test score per fold for each scorer, and the fold fit and score times.
/// </summary>
public sealed class CrossValidationScores
{
    internal CrossValidationScores(IReadOnlyDictionary<string, double[]> testScores, double[] fitTimes, double[] scoreTimes, IReadOnlyList<Diagnostic> warnings)
    {
        Warnings = warnings;
        TestScores = testScores;
        FitTimes = fitTimes;
        ScoreTimes = scoreTimes;
    }

    /// <summary>Per scorer name, the score on each fold's test rows (scikit-learn's <c>test_&lt;name&gt;</c>).</summary>
    public IReadOnlyDictionary<string, double[]> TestScores { get; }

    /// <summary>Seconds spent fitting on each fold (scikit-learn's <c>fit_time</c>).</summary>
    public IReadOnlyList<double> FitTimes { get; }

    /// <summary>Seconds spent predicting and scoring each fold (scikit-learn's <c>score_time</c>).</summary>
    public IReadOnlyList<double> ScoreTimes { get; }

    /// <summary>The warnings of every fold's fitted model, fold by fold, each <see cref="Diagnostic.Source"/> prefixed
    /// with <c>"fold k"</c> (k from 1): for example a final classifier that did not converge in fold 3.</summary>
    public IReadOnlyList<Diagnostic> Warnings { get; }

    /// <summary>The mean test score of a scorer over the folds.</summary>
    /// <param name="scorer">The scorer name.</param>
    /// <returns>The mean.</returns>
    public double Mean(string scorer) => TestScores[scorer].Average();

    /// <summary>The mean and standard deviation of every scorer, printable as a table.</summary>
    /// <returns>The summary.</returns>
    public CrossValidationSummary Summary() => new(TestScores);
}
