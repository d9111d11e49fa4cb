namespace Imbalance.ModelSelection;

/// <summary>
/// The table of a parameter search (scikit-learn's <c>cv_results_</c>): for each candidate and scorer the test score
/// of every fold, their mean, standard deviation and rank (1 = best, ties share the lowest rank, scipy's
/// <c>rankdata(method="min")</c>).
/// </summary>
/// <typeparam name="TParam">The parameter type the candidates were built from.</typeparam>
public sealed class SearchResults<TParam>
{
    private readonly Dictionary<string, double[][]> _splitScores;
    private readonly Dictionary<string, double[]> _means;
    private readonly Dictionary<string, double[]> _stds;
    private readonly Dictionary<string, int[]> _ranks;

    internal SearchResults(IReadOnlyList<TParam> candidates, IReadOnlyList<string> scorerNames, Dictionary<string, double[][]> splitScores, double[] meanFitTimes)
    {
        Candidates = candidates;
        ScorerNames = scorerNames;
        _splitScores = splitScores;
        MeanFitTime = meanFitTimes;
        _means = [];
        _stds = [];
        _ranks = [];
        foreach (var (name, scores) in splitScores)
        {
            var means = scores.Select(s => s.Sum() / s.Length).ToArray();
            _means[name] = means;
            _stds[name] = scores.Select((s, c) => Math.Sqrt(s.Sum(v => (v - means[c]) * (v - means[c])) / s.Length)).ToArray();
            _ranks[name] = Rank(means);
        }
    }

    /// <summary>The candidates' parameters, in evaluation order (scikit-learn's <c>params</c>).</summary>
    public IReadOnlyList<TParam> Candidates { get; }

    /// <summary>The scorer names, in the order given.</summary>
    public IReadOnlyList<string> ScorerNames { get; }

    /// <summary>The mean fit time in seconds of each candidate over the folds (scikit-learn's <c>mean_fit_time</c>).</summary>
    public IReadOnlyList<double> MeanFitTime { get; }

    /// <summary>The mean test score of each candidate (scikit-learn's <c>mean_test_&lt;scorer&gt;</c>).</summary>
    /// <param name="scorer">A scorer name.</param>
    /// <returns>One value per candidate.</returns>
    /// <exception cref="KeyNotFoundException">No scorer has that name.</exception>
    public IReadOnlyList<double> MeanTestScore(string scorer) => _means[scorer];

    /// <summary>The standard deviation (population, NumPy's <c>std</c>) of each candidate's fold scores
    /// (scikit-learn's <c>std_test_&lt;scorer&gt;</c>).</summary>
    /// <param name="scorer">A scorer name.</param>
    /// <returns>One value per candidate.</returns>
    /// <exception cref="KeyNotFoundException">No scorer has that name.</exception>
    public IReadOnlyList<double> StdTestScore(string scorer) => _stds[scorer];

    /// <summary>The rank of each candidate by mean score, 1 the best (scikit-learn's <c>rank_test_&lt;scorer&gt;</c>).</summary>
    /// <param name="scorer">A scorer name.</param>
    /// <returns>One rank per candidate.</returns>
    /// <exception cref="KeyNotFoundException">No scorer has that name.</exception>
    public IReadOnlyList<int> RankTestScore(string scorer) => _ranks[scorer];

    /// <summary>The test score of candidate <paramref name="candidate"/> on each fold (scikit-learn's
    /// <c>split&lt;k&gt;_test_&lt;scorer&gt;</c>).</summary>
    /// <param name="scorer">A scorer name.</param>
    /// <param name="candidate">The candidate index.</param>
    /// <returns>One score per fold.</returns>
    /// <exception cref="KeyNotFoundException">No scorer has that name.</exception>
    public IReadOnlyList<double> SplitTestScores(string scorer, int candidate) => _splitScores[scorer][candidate];

    /// <summary>scipy's <c>rankdata(-means, method="min")</c>, NaN means tied with the worst (scikit-learn 1.2).</summary>
    private static int[] Rank(double[] means)
    {
        if (means.All(double.IsNaN))
        {
            return means.Select(_ => 1).ToArray();
        }

        var floor = means.Where(m => !double.IsNaN(m)).Min() - 1;
        var values = means.Select(m => double.IsNaN(m) ? floor : m).ToArray();
        return values.Select(v => 1 + values.Count(other => other > v)).ToArray();
    }
}
