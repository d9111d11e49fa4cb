using Imbalance.Learning;
using Imbalance.Sampling;

namespace Imbalance.ModelSelection;

/// <summary>
/// scikit-learn's <c>GridSearchCV</c> in .NET style: every candidate of <see cref="Candidates"/> is turned into a
/// classifier by <see cref="Factory"/> (configurations are immutable, so a factory replaces <c>set_params</c>), each
/// is cross-validated with every scorer, and the best by <see cref="Refit"/> is refitted on all rows. It is itself a
/// classifier, so it nests inside <c>CrossValidation.CrossValidate</c> (the outer test folds never
/// reach the inner choice).
/// </summary>
/// <typeparam name="TParam">The parameter type: a number, a tuple from <see cref="ParameterGrid"/>, a record...</typeparam>
/// <remarks>
/// <para>When to use it: tuning a few hyper-parameters (of the learner or of a sampler inside a Pipeline) over a
/// small grid, scored with an imbalance-aware metric rather than accuracy. Prefer RandomizedSearchCV when the grid
/// is large.</para>
/// For the same folds, candidate order (scikit-learn's <c>ParameterGrid</c> sorts parameter names and varies
/// the last fastest: <see cref="ParameterGrid.Product{T1, T2}"/> does the same) and deterministic learners, the scores,
/// ranks and chosen candidate equal scikit-learn's. Fits run in parallel over candidates x folds; results do not depend
/// on the thread count. A failing fit throws (scikit-learn's <c>error_score="raise"</c>).</remarks>
/// <example>
/// <code>
/// var search = new GridSearchCV&lt;int&gt;
/// {
///     Candidates = [3, 5, 7],
///     Factory = k =&gt; Pipeline.Make(new Smote { KNeighbors = k, RandomState = 0 }, new LogisticRegression()),
///     Scoring = [Scoring.Get("f1"), Scoring.Get("average_precision")],
///     Refit = "average_precision",
/// };
/// var model = search.Fit(x, y);   // the best candidate refitted on all rows; model.Results holds the table
/// </code>
/// </example>
public sealed class GridSearchCV<TParam> : IClassifier
{
    private readonly IReadOnlyList<TParam> _candidates = [];
    private readonly Func<TParam, IClassifier> _factory = null!;
    private readonly IReadOnlyList<Scorer> _scoring = [ModelSelection.Scoring.Get("accuracy")];
    private readonly StratifiedKFold _cv = new();
    private readonly int? _maxDegreeOfParallelism;

    /// <summary>The parameter values to try, in order (scikit-learn's <c>param_grid</c>, expanded); copied; required,
    /// at least one.</summary>
    /// <exception cref="ArgumentException">The list is null or empty.</exception>
    public required IReadOnlyList<TParam> Candidates
    {
        get => _candidates;
        init => _candidates = value is { Count: > 0 } ? Array.AsReadOnly(value.ToArray()) : throw new ArgumentException("Give at least one candidate.", nameof(Candidates));
    }

    /// <summary>Builds the classifier of a candidate (replaces scikit-learn's <c>set_params</c> on a cloned
    /// estimator); required.</summary>
    /// <exception cref="ArgumentNullException">The value is null.</exception>
    public required Func<TParam, IClassifier> Factory
    {
        get => _factory;
        init => _factory = value ?? throw new ArgumentNullException(nameof(Factory));
    }

    /// <summary>The scorers (scikit-learn's <c>scoring</c>, several allowed); default <c>accuracy</c>, the classifiers'
    /// <c>score</c>.</summary>
    /// <exception cref="ArgumentException">The list is empty, holds null, or repeats a name.</exception>
    public IReadOnlyList<Scorer> Scoring
    {
        get => _scoring;
        init => _scoring = CheckScorers(value, nameof(Scoring));
    }

    /// <summary>The scorer that chooses the best candidate (scikit-learn's <c>refit="name"</c>); default the first
    /// scorer.</summary>
    public string? Refit { get; init; }

    /// <summary>The folds (scikit-learn's <c>cv=5</c>: <c>StratifiedKFold(5)</c>).</summary>
    /// <exception cref="ArgumentNullException">The value is null.</exception>
    public StratifiedKFold Cv
    {
        get => _cv;
        init => _cv = value ?? throw new ArgumentNullException(nameof(Cv));
    }

    /// <summary>Most fits at once (scikit-learn's <c>n_jobs</c>); <see langword="null"/> for every core.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is below 1.</exception>
    public int? MaxDegreeOfParallelism
    {
        get => _maxDegreeOfParallelism;
        init => _maxDegreeOfParallelism = InputGuard.CheckParallelism(value, nameof(MaxDegreeOfParallelism));
    }

    /// <summary>Cross-validates every candidate and refits the best (scikit-learn's <c>fit</c>).</summary>
    /// <typeparam name="TLabel">The label type.</typeparam>
    /// <param name="x">The rows.</param>
    /// <param name="y">The class of each row.</param>
    /// <param name="sampleWeight">Optional weight per row, passed to every fit (not to the scorers).</param>
    /// <param name="cancellationToken">Cancels between and inside fits.</param>
    /// <returns>The results table and the best model.</returns>
    /// <exception cref="ArgumentException"><see cref="Refit"/> names no scorer, or the inputs are invalid.</exception>
    public SearchModel<TLabel, TParam> Fit<TLabel>(
        double[,] x, IReadOnlyList<TLabel> y, IReadOnlyList<double>? sampleWeight = null, CancellationToken cancellationToken = default)
        where TLabel : notnull =>
        ParameterSearch.Run(Candidates, Factory, Scoring, Refit, Cv, MaxDegreeOfParallelism, x, y, sampleWeight, cancellationToken);

    IClassificationModel<TLabel> IClassifier.Fit<TLabel>(double[,] x, IReadOnlyList<TLabel> y, IReadOnlyList<double>? sampleWeight, CancellationToken cancellationToken) =>
        Fit(x, y, sampleWeight, cancellationToken);

    internal static IReadOnlyList<Scorer> CheckScorers(IReadOnlyList<Scorer> value, string parameterName) =>
        value is { Count: > 0 } && value.All(s => s is not null) && value.Select(s => s.Name).Distinct(StringComparer.Ordinal).Count() == value.Count
            ? Array.AsReadOnly(value.ToArray())
            : throw InputGuard.Invalid(parameterName, "Give at least one scorer, with distinct names.");
}
