namespace Imbalance.ModelSelection;

/// <summary>One scorer's cross-validation scores summarised: the mean and the standard deviation over the folds
/// (NumPy's <c>scores.mean()</c> and <c>scores.std()</c>, population form).</summary>
/// <param name="Scorer">The scorer name.</param>
/// <param name="Mean">The mean test score over the folds.</param>
/// <param name="Std">The population standard deviation of the test scores (ddof = 0, NumPy's default).</param>
/// <param name="Scores">The test score of each fold.</param>
public sealed record ScoreSummary(string Scorer, double Mean, double Std, IReadOnlyList<double> Scores);
