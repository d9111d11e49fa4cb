namespace Imbalance.Diagnostics;

/// <summary>
/// Progress of a long call (cross-validation folds, forest trees, cluster-centroid classes, instance-hardness
/// folds, cleaning iterations), reported to an optional <see cref="IProgress{T}"/>. Reports may come from several
/// threads and, for work done in parallel, out of order; <see cref="Completed"/> counts finished units, so the
/// largest value seen is the progress. Cancellation is unchanged: pass a <see cref="CancellationToken"/>.
/// </summary>
/// <param name="Source">The call that reports, e.g. <c>"CrossValidation"</c> or <c>"RandomForestClassifier"</c>.</param>
/// <param name="Completed">Units of work finished, from 1 to <paramref name="Total"/>.</param>
/// <param name="Total">Units of work in the call (folds, trees, classes, iterations).</param>
public sealed record ProgressReport(string Source, int Completed, int Total)
{
    /// <summary>The finished share, <see cref="Completed"/> / <see cref="Total"/>, in [0, 1].</summary>
    public double Fraction => Total <= 0 ? 1.0 : Math.Clamp((double)Completed / Total, 0.0, 1.0);

    /// <summary><c>"Source: Completed/Total"</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => $"{Source}: {Completed}/{Total}";
}
