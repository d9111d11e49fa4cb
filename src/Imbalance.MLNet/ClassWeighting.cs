using Imbalance.Metrics;

namespace Imbalance.MLNet;

/// <summary>
/// How <see cref="ClassWeightEstimator"/> turns class counts into per-class example weights: a closed set of cases
/// with static factories.
/// </summary>
public abstract class ClassWeighting
{
    private protected ClassWeighting()
    {
    }

    /// <summary>
    /// scikit-learn's <c>class_weight="balanced"</c>: n_samples / (n_classes x count of the class), computed by the
    /// core's <see cref="ClassWeights.ComputeClassWeight{TLabel}(ClassWeightMode, IReadOnlyList{TLabel}, IReadOnlyList{TLabel})"/>.
    /// Each class then carries the same total weight. The default.
    /// </summary>
    public static ClassWeighting Balanced { get; } = new BalancedWeighting();

    /// <summary>
    /// Weights from a function of the class counts, e.g. the effective number of samples of Cui et al. (2019),
    /// (1 - beta) / (1 - beta^count).
    /// </summary>
    /// <param name="weightsFromCounts">Receives the row count of each class (in the order the classes first occur) and returns one finite, non-negative weight per class, in the same order.</param>
    /// <returns>The weighting.</returns>
    /// <remarks>Fitting throws <see cref="InvalidOperationException"/> if the function returns null, the wrong number of weights, or a negative or non-finite weight.</remarks>
    /// <exception cref="ArgumentNullException"><paramref name="weightsFromCounts"/> is null.</exception>
    public static ClassWeighting FromCounts(Func<IReadOnlyList<int>, IReadOnlyList<double>> weightsFromCounts)
    {
        ArgumentNullException.ThrowIfNull(weightsFromCounts);
        return new CountsWeighting(weightsFromCounts);
    }

    /// <summary>The weight of each class of <paramref name="classes"/> (distinct, in first-seen order) for labels <paramref name="y"/>.</summary>
    internal abstract double[] Weights<TLabel>(IReadOnlyList<TLabel> classes, IReadOnlyList<int> counts, IReadOnlyList<TLabel> y)
        where TLabel : notnull;

    private sealed class BalancedWeighting : ClassWeighting
    {
        public override string ToString() => "Balanced";

        internal override double[] Weights<TLabel>(IReadOnlyList<TLabel> classes, IReadOnlyList<int> counts, IReadOnlyList<TLabel> y) =>
            ClassWeights.ComputeClassWeight(ClassWeightMode.Balanced, classes, y);
    }

    private sealed class CountsWeighting(Func<IReadOnlyList<int>, IReadOnlyList<double>> function) : ClassWeighting
    {
        public override string ToString() => "FromCounts";

        internal override double[] Weights<TLabel>(IReadOnlyList<TLabel> classes, IReadOnlyList<int> counts, IReadOnlyList<TLabel> y)
        {
            var weights = function(counts) ?? throw new InvalidOperationException("The weighting function returned null.");
            if (weights.Count != counts.Count || weights.Any(w => !double.IsFinite(w) || w < 0))
            {
                throw new InvalidOperationException($"The weighting function must return {counts.Count} finite, non-negative weights (one per class).");
            }

            return [.. weights];
        }
    }
}
