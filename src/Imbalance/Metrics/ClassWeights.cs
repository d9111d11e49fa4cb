namespace Imbalance.Metrics;

/// <summary>
/// scikit-learn's <c>sklearn.utils.class_weight</c>: per-class weights (<c>compute_class_weight</c>) and the
/// per-sample weights they imply (<c>compute_sample_weight</c>), the usual cost-sensitive alternative to resampling.
/// </summary>
/// <remarks><para>When to use it: the cost-sensitive alternative to resampling when a learner accepts sample
/// weights: balanced weights make each class count equally without discarding or synthesising rows, often the
/// better choice in high dimension or with few minority rows. Prefer resampling when the learner takes no
/// weights.</para></remarks>
/// <example>
/// <code>
/// double[] weights = ClassWeights.ComputeClassWeight(ClassWeightMode.Balanced, [0, 1], y);   // n / (classes x count)
/// double[] rowWeights = ClassWeights.ComputeSampleWeight(ClassWeightMode.Balanced, y);
/// </code>
/// </example>
public static class ClassWeights
{
    /// <summary>
    /// scikit-learn's <c>compute_class_weight(class_weight, classes=classes, y=y)</c> for <c>None</c> (all 1) or
    /// <c>'balanced'</c>: n_samples / (n_classes x n_samples_j), with n_classes the number of distinct labels of
    /// <paramref name="y"/>.
    /// </summary>
    /// <param name="mode">Uniform (<c>None</c>) or balanced.</param>
    /// <param name="classes">The classes to weight; they must include every label of <paramref name="y"/>.</param>
    /// <param name="y">The labels.</param>
    /// <returns>The weight of each class, aligned with <paramref name="classes"/>.</returns>
    /// <exception cref="ArgumentException">
    /// <paramref name="y"/> has a label not in <paramref name="classes"/>, or (balanced) a class does not occur in
    /// <paramref name="y"/>.
    /// </exception>
    public static double[] ComputeClassWeight<TLabel>(ClassWeightMode mode, IReadOnlyList<TLabel> classes, IReadOnlyList<TLabel> y)
        where TLabel : notnull
    {
        var (encoding, classCodes) = Check(classes, y);
        switch (mode)
        {
            case ClassWeightMode.Uniform:
                return Enumerable.Repeat(1.0, classes.Count).ToArray();
            case ClassWeightMode.Balanced:
            {
                var counts = new double[encoding.Classes.Length];
                foreach (var code in encoding.TrueCodes)
                {
                    counts[code]++;
                }

                var perCode = Learning.ClassWeight.BalancedFromCounts(counts, y.Count);
                var weights = new double[classes.Count];
                for (var i = 0; i < weights.Length; i++)
                {
                    if (counts[classCodes[i]] == 0)
                    {
                        throw new ArgumentException("classes should have valid labels that are in y", nameof(classes));
                    }

                    weights[i] = perCode[classCodes[i]];
                }

                return weights;
            }

            default:
                throw new ArgumentOutOfRangeException(nameof(mode), mode, "Unknown class weight mode.");
        }
    }

    /// <summary>
    /// scikit-learn's <c>compute_class_weight</c> with a dictionary: the given weight for each listed class and 1
    /// for the others.
    /// </summary>
    /// <param name="classWeight">Weight per class label.</param>
    /// <param name="classes">The classes to weight; they must include every label of <paramref name="y"/>.</param>
    /// <param name="y">The labels.</param>
    /// <returns>The weight of each class, aligned with <paramref name="classes"/>.</returns>
    /// <exception cref="ArgumentException">
    /// <paramref name="y"/> has a label not in <paramref name="classes"/>, or <paramref name="classWeight"/> names a
    /// label not in <paramref name="classes"/> while some class is unweighted (scikit-learn's rule).
    /// </exception>
    public static double[] ComputeClassWeight<TLabel>(IReadOnlyDictionary<TLabel, double> classWeight, IReadOnlyList<TLabel> classes, IReadOnlyList<TLabel> y)
        where TLabel : notnull
    {
        ArgumentNullException.ThrowIfNull(classWeight);
        Check(classes, y);
        if (classWeight.Count == 0)
        {
            return Enumerable.Repeat(1.0, classes.Count).ToArray();
        }

        var weights = new double[classes.Count];
        var unweighted = new List<TLabel>();
        for (var i = 0; i < weights.Length; i++)
        {
            if (classWeight.TryGetValue(classes[i], out var w))
            {
                if (!double.IsFinite(w))
                {
                    throw new ArgumentException(
                        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"The weight of class {classes[i]} is {w}; class weights must be finite numbers."),
                        nameof(classWeight));
                }

                weights[i] = w;
            }
            else
            {
                weights[i] = 1.0;
                unweighted.Add(classes[i]);
            }
        }

        if (unweighted.Count > 0 && classes.Count - unweighted.Count != classWeight.Count)
        {
            throw new ArgumentException($"The classes, {LabelText.List(unweighted)}, are not in ClassWeight", nameof(classWeight));
        }

        return weights;
    }

    /// <summary>
    /// scikit-learn's <c>compute_sample_weight(class_weight, y, indices=indices)</c> for <c>None</c> or
    /// <c>'balanced'</c>: each sample gets the weight of its class. With <paramref name="indices"/> (a bootstrap
    /// subsample), balanced weights are computed on <c>y[indices]</c> and classes absent from the subsample get 0.
    /// </summary>
    /// <param name="mode">Uniform (<c>None</c>) or balanced.</param>
    /// <param name="y">The labels.</param>
    /// <param name="indices">Optional subsample indices (balanced only, as in scikit-learn).</param>
    /// <returns>One weight per sample of <paramref name="y"/>.</returns>
    /// <exception cref="ArgumentException"><paramref name="indices"/> given with <see cref="ClassWeightMode.Uniform"/>, or an index out of range.</exception>
    public static double[] ComputeSampleWeight<TLabel>(ClassWeightMode mode, IReadOnlyList<TLabel> y, IReadOnlyList<int>? indices = null)
        where TLabel : notnull
    {
        var encoding = TargetEncoding<TLabel>.Encode(y, null, null, nameof(y));
        if (mode == ClassWeightMode.Uniform)
        {
            if (indices is not null)
            {
                throw new ArgumentException("The only valid ClassWeight for subsampling is \"balanced\". Given \"None\".", nameof(indices));
            }

            return Enumerable.Repeat(1.0, y.Count).ToArray();
        }

        if (mode != ClassWeightMode.Balanced)
        {
            throw new ArgumentOutOfRangeException(nameof(mode), mode, "Unknown class weight mode.");
        }

        var k = encoding.Classes.Length;
        var counts = new double[k];
        if (indices is null)
        {
            foreach (var code in encoding.TrueCodes)
            {
                counts[code]++;
            }
        }
        else
        {
            foreach (var index in indices)
            {
                if ((uint)index >= (uint)y.Count)
                {
                    throw new ArgumentException($"indices contains {index}, outside [0, {y.Count}).", nameof(indices));
                }

                counts[encoding.TrueCodes[index]]++;
            }
        }

        // Classes absent from a subsample get 0, as in scikit-learn.
        var classWeights = Learning.ClassWeight.BalancedFromCounts(counts, indices?.Count ?? y.Count);

        return encoding.TrueCodes.Select(c => classWeights[c]).ToArray();
    }

    /// <summary>scikit-learn's <c>compute_sample_weight</c> with a dictionary: each sample gets its class's weight (1 when unlisted).</summary>
    /// <param name="classWeight">Weight per class label.</param>
    /// <param name="y">The labels.</param>
    /// <returns>One weight per sample of <paramref name="y"/>.</returns>
    /// <exception cref="ArgumentException">See <see cref="ComputeClassWeight{TLabel}(IReadOnlyDictionary{TLabel, double}, IReadOnlyList{TLabel}, IReadOnlyList{TLabel})"/>.</exception>
    public static double[] ComputeSampleWeight<TLabel>(IReadOnlyDictionary<TLabel, double> classWeight, IReadOnlyList<TLabel> y)
        where TLabel : notnull
    {
        var encoding = TargetEncoding<TLabel>.Encode(y, null, null, nameof(y));
        var classWeights = ComputeClassWeight(classWeight, encoding.Classes, y);
        return encoding.TrueCodes.Select(c => classWeights[c]).ToArray();
    }

    private static (TargetEncoding<TLabel> Encoding, int[] ClassCodes) Check<TLabel>(IReadOnlyList<TLabel> classes, IReadOnlyList<TLabel> y)
        where TLabel : notnull
    {
        ArgumentNullException.ThrowIfNull(classes);
        var encoding = TargetEncoding<TLabel>.Encode(y, null, classes, nameof(y));
        var codes = classes.Select(encoding.CodeOf).ToArray();
        if (encoding.Classes.Length != codes.Distinct().Count())
        {
            throw new ArgumentException("classes should include all valid labels that can be in y", nameof(classes));
        }

        return (encoding, codes);
    }
}
