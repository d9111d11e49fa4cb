using System.Globalization;
using Imbalance.Learning;
using Imbalance.Randomness;
using Imbalance.Sampling;

namespace Imbalance.OverSampling;

/// <summary>
/// SMOTE around the support vectors of an SVM: imblearn's <c>SVMSMOTE</c> (Nguyen, Cooper and Kamei, "Borderline
/// over-sampling for imbalanced data classification", IJKESDP 3(1), 2011).
/// </summary>
/// <remarks>
/// <para>When to use it: numeric features when the class border is well described by the support vectors of an SVM:
/// new rows are generated around minority support vectors, extrapolating into the majority region when it is
/// sparse. It is costlier than Smote (an SVM is fitted); prefer BorderlineSmote or Smote on large data.</para>
/// <para>For each targeted class in sorted label order: the support vectors of the class (from
/// <see cref="SupportVectorProvider"/>, by default an RBF <see cref="SupportVectorClassifier"/> trained on all rows)
/// lose those that are <em>noise</em> (all <see cref="MNeighbors"/> neighbours among all rows of another class);
/// the rest are in <em>danger</em> (at least half of the neighbours of another class) or <em>safe</em>.
/// A fraction <c>f = beta(10, 10)</c> (one generator for the whole call) sets <c>int(f * (n_new + 1))</c> rows
/// interpolated from danger vectors towards their <see cref="KNeighbors"/> nearest rows of the class (step in
/// [0, 1)), and the remaining rows extrapolated from safe vectors away from those neighbours (step in
/// (-<see cref="OutStep"/>, 0]).</para>
/// <para>Output: the original rows in order, then the danger rows and the safe rows of each class.
/// <see cref="ResampleResult{TLabel}.Provenance"/> gives each new row's base (a support vector), neighbour and step
/// (negative for extrapolation).</para>
/// <para>Parity: the random draws follow imblearn 0.10.0 exactly, so the output matches whenever the support
/// vectors do; the built-in SVC follows libsvm's solver step by step (working-set selection, single-precision
/// kernel, shrinking) and finds scikit-learn's support vectors on the parity fixtures.</para>
/// </remarks>
/// <example>
/// <code>
/// var result = new SvmSmote { RandomState = 42 }.FitResample(x, y);   // SMOTE around the support vectors of an SVM
/// </code>
/// </example>
public sealed class SvmSmote : Sampler, IOverSampler
{
    private readonly int? _randomState;
    private readonly int _kNeighbors = 5;
    private readonly int _mNeighbors = 10;
    private readonly double _outStep = 0.5;
    private readonly ISupportVectorProvider _provider = new SupportVectorClassifier();

    /// <inheritdoc cref="Smote.RandomState" />
    public int? RandomState
    {
        get => _randomState;
        init => _randomState = InputGuard.CheckSeed(value, nameof(RandomState));
    }

    /// <summary>The number of nearest neighbours within the class used to synthesise rows (imblearn's
    /// <c>k_neighbors</c>); default 5.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is below 1.</exception>
    public int KNeighbors
    {
        get => _kNeighbors;
        init => _kNeighbors = value >= 1 ? value : throw SmoteCore.InvalidNeighbors(nameof(KNeighbors), "SVMSMOTE", value);
    }

    /// <summary>The number of nearest neighbours among all rows that decide noise and danger (imblearn's
    /// <c>m_neighbors</c>); default 10.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is below 1.</exception>
    public int MNeighbors
    {
        get => _mNeighbors;
        init => _mNeighbors = value >= 1 ? value : throw SmoteCore.InvalidNeighbors(nameof(MNeighbors), "SVMSMOTE", value);
    }

    /// <summary>The step size when extrapolating from safe support vectors (imblearn's <c>out_step</c>); default 0.5.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is outside [0, 1].</exception>
    public double OutStep
    {
        get => _outStep;
        init => _outStep = value is >= 0 and <= 1
            ? value
            : throw new ArgumentOutOfRangeException(nameof(OutStep), value, string.Create(CultureInfo.InvariantCulture, $"The 'OutStep' parameter of SVMSMOTE must be a float in the range [0, 1]. Got {value} instead."));
    }

    /// <summary>The support-vector machine (imblearn's <c>svm_estimator</c>); default a
    /// <see cref="SupportVectorClassifier"/> with scikit-learn's <c>SVC()</c> settings.</summary>
    /// <exception cref="ArgumentNullException">The value is null.</exception>
    public ISupportVectorProvider SupportVectorProvider
    {
        get => _provider;
        init => _provider = value ?? throw new ArgumentNullException(nameof(SupportVectorProvider));
    }

    /// <inheritdoc />
    public override SamplingType SamplingType => SamplingType.OverSampling;

    /// <inheritdoc />
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"SvmSmote(SamplingStrategy={SamplingStrategy}, RandomState={RandomState?.ToString(CultureInfo.InvariantCulture) ?? "null"}, KNeighbors={KNeighbors}, MNeighbors={MNeighbors}, OutStep={OutStep})");

    /// <exception cref="ArgumentException">A class has no support vector left once noise is removed (imblearn fails
    /// on the empty query), or a neighbour count exceeds the rows available.</exception>
    private protected override SamplerOutput ResampleCore(SamplerInput input, CancellationToken cancellationToken)
    {
        var k = KNeighbors;
        var m = MNeighbors;
        var data = RowMatrix.Of(input.X);
        var seeds = new SeedSource(RandomState);
        var fractions = seeds.CheckRandomState();
        var codes = input.Classes.Codes;
        IReadOnlyList<int>? support = null;
        Neighbors.NeighborsIndex? all = null;
        var rows = SmoteCore.Generate(input, data.Columns, (code, count, output) =>
        {
            support ??= SupportVectorProvider.FindSupportVectors(input.X, codes, cancellationToken);
            var vectors = support.Where(i => codes[i] == code).ToArray();
            if (vectors.Length == 0)
            {
                throw NoSupportVectors(input, code);
            }

            SmoteCore.CheckNeighbors(m + 1L, input.SampleCount, nameof(MNeighbors), m);

            all ??= SmoteCore.Fit(data.Gather(Enumerable.Range(0, input.SampleCount).ToArray()), input.SampleCount, data.Columns, m + 1);
            var otherClass = DangerNoise.CountOtherClass(all, codes, data.Gather(vectors), vectors.Length, code, cancellationToken);
            var kept = Enumerable.Range(0, vectors.Length).Where(i => !DangerNoise.IsNoise(otherClass[i], m)).ToArray();
            if (kept.Length == 0)
            {
                throw NoSupportVectors(input, code);
            }

            var danger = kept.Where(i => DangerNoise.IsDanger(otherClass[i], m)).Select(i => vectors[i]).ToArray();
            var safe = kept.Where(i => !DangerNoise.IsDanger(otherClass[i], m)).Select(i => vectors[i]).ToArray();
            var positions = input.Classes.Positions(code);
            var classRows = data.Gather(positions);
            var fraction = fractions.Beta(10, 10);
            var dangerCount = (int)(fraction * (count + 1));
            if (danger.Length > 0 || safe.Length > 0)
            {
                SmoteCore.CheckNeighbors(k + 1L, positions.Length, nameof(KNeighbors), k);
            }

            var index = SmoteCore.Fit(classRows, positions.Length, data.Columns, k + 1);
            if (danger.Length > 0)
            {
                var nns = SmoteCore.KNeighborsDropFirst(index, data.Gather(danger), danger.Length, cancellationToken);
                SmoteCore.MakeSamples(data, danger, positions, nns, k, dangerCount, 1.0, seeds.CheckRandomState(), code, output);
            }

            if (safe.Length > 0)
            {
                var nns = SmoteCore.KNeighborsDropFirst(index, data.Gather(safe), safe.Length, cancellationToken);
                SmoteCore.MakeSamples(data, safe, positions, nns, k, count - dangerCount, -OutStep, seeds.CheckRandomState(), code, output);
            }
        }, cancellationToken);
        return rows.ToOutput(input);
    }

    private static ArgumentException NoSupportVectors(SamplerInput input, int code) =>
        InputGuard.Invalid(
            "x",
            string.Create(
                CultureInfo.InvariantCulture,
                $"Found array with 0 sample(s) (shape=(0, {input.FeatureCount})) while a minimum of 1 is required: class {input.Labels.Format(code)} has no support vector that is not noise."));
}
