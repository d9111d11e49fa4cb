using System.Globalization;
using Imbalance.Randomness;
using Imbalance.Sampling;

namespace Imbalance.OverSampling;

/// <summary>
/// SMOTE restricted to the rows of a class that lie on the class border: imblearn's <c>BorderlineSMOTE</c> (Han, Wang
/// and Mao, "Borderline-SMOTE: a new over-sampling method in imbalanced data sets learning", ICIC 2005).
/// </summary>
/// <remarks>
/// <para>When to use it: numeric features when the errors happen at the class border: only minority rows in danger
/// (about half their neighbours from other classes) seed new rows, so the border is reinforced and safe interiors
/// are left alone. Prefer plain Smote when the minority class is small and scattered (few rows in danger), and
/// SvmSmote when an SVM border describes the classes better.</para>
/// <para>For each targeted class in sorted label order: the <see cref="MNeighbors"/> nearest neighbours of each class
/// row among all rows decide which rows are in <em>danger</em> (at least half, but not all, of them belong to
/// another class). A class without danger rows gets no new rows (imblearn's silent skip). The danger rows are
/// then interpolated towards their <see cref="KNeighbors"/> nearest neighbours within the class, as SMOTE does;
/// see <see cref="BorderlineSmoteKind"/> for the kinds (0.10.0's two, and the later borderline-2 fix as an option).</para>
/// <para>Output: the original rows in order, then the new rows of each class (for borderline-2, the own-class rows
/// then the other-class rows; their total may differ from the target by one through <c>int</c> truncation, as in
/// imblearn). <see cref="ResampleResult{TLabel}.Provenance"/> gives each new row's base, neighbour and step.</para>
/// <para>Parity: imblearn 0.10.0 bit for bit for the same integer seed on data without exactly equidistant
/// neighbours; with an integer seed the <c>beta</c> draw and each generation step restart the stream, as imblearn's
/// <c>check_random_state</c> call sites do.</para>
/// </remarks>
/// <example>
/// <code>
/// var sampler = new BorderlineSmote { Kind = BorderlineSmoteKind.Borderline1, MNeighbors = 10, RandomState = 42 };
/// var result = sampler.FitResample(x, y);                          // synthetic rows only from minority rows in danger
/// </code>
/// </example>
public sealed class BorderlineSmote : Sampler, IOverSampler
{
    private readonly int? _randomState;
    private readonly int _kNeighbors = 5;
    private readonly int _mNeighbors = 10;
    private readonly BorderlineSmoteKind _kind = BorderlineSmoteKind.Borderline1;

    /// <inheritdoc cref="Smote.RandomState" />
    public int? RandomState
    {
        get => _randomState;
        init => _randomState = InputGuard.CheckSeed(value, nameof(RandomState));
    }

    /// <summary>
    /// The number of nearest neighbours within the class used to synthesise rows (imblearn's <c>k_neighbors</c>);
    /// default 5.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is below 1.</exception>
    public int KNeighbors
    {
        get => _kNeighbors;
        init => _kNeighbors = value >= 1 ? value : throw SmoteCore.InvalidNeighbors(nameof(KNeighbors), "BorderlineSMOTE", value);
    }

    /// <summary>
    /// The number of nearest neighbours among all rows that decide whether a row is in danger (imblearn's
    /// <c>m_neighbors</c>); default 10.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is below 1.</exception>
    public int MNeighbors
    {
        get => _mNeighbors;
        init => _mNeighbors = value >= 1 ? value : throw SmoteCore.InvalidNeighbors(nameof(MNeighbors), "BorderlineSMOTE", value);
    }

    /// <summary>The variant (imblearn's <c>kind</c>); default <see cref="BorderlineSmoteKind.Borderline1"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not a defined kind.</exception>
    public BorderlineSmoteKind Kind
    {
        get => _kind;
        init => _kind = Enum.IsDefined(value)
            ? value
            : throw new ArgumentOutOfRangeException(nameof(Kind), value, string.Create(CultureInfo.InvariantCulture, $"The 'kind' parameter of BorderlineSMOTE must be a str among {{'borderline-1', 'borderline-2'}} (or Borderline2AllRows). Got {value} instead."));
    }

    /// <inheritdoc />
    public override SamplingType SamplingType => SamplingType.OverSampling;

    /// <inheritdoc />
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"BorderlineSmote(SamplingStrategy={SamplingStrategy}, RandomState={RandomState?.ToString(CultureInfo.InvariantCulture) ?? "null"}, KNeighbors={KNeighbors}, MNeighbors={MNeighbors}, Kind={Kind})");

    private protected override SamplerOutput ResampleCore(SamplerInput input, CancellationToken cancellationToken)
    {
        var k = KNeighbors;
        var m = MNeighbors;
        var data = RowMatrix.Of(input.X);
        var seeds = new SeedSource(RandomState);
        var codes = input.Classes.Codes;
        Neighbors.NeighborsIndex? all = null;
        var rows = SmoteCore.Generate(input, data.Columns, (code, count, output) =>
        {
            SmoteCore.CheckNeighbors(m + 1L, input.SampleCount, nameof(MNeighbors), m);
            all ??= SmoteCore.Fit(MatrixRows.Of(input.X).ToArray(), input.SampleCount, data.Columns, m + 1);
            var positions = input.Classes.Positions(code);
            var classRows = data.Gather(positions);
            var otherClass = DangerNoise.CountOtherClass(all, codes, classRows, positions.Length, code, cancellationToken);
            var danger = new List<int>();
            for (var i = 0; i < positions.Length; i++)
            {
                if (DangerNoise.IsDanger(otherClass[i], m))
                {
                    danger.Add(positions[i]);
                }
            }

            if (danger.Count == 0)
            {
                return;
            }

            var dangerRows = danger.ToArray();
            if (Kind == BorderlineSmoteKind.Borderline2AllRows)
            {
                SmoteCore.CheckNeighbors(k + 1L, input.SampleCount, nameof(KNeighbors), k);
                var allRows = Enumerable.Range(0, input.SampleCount).ToArray();
                // The same rows as the danger index, shared read-only rather than copied again.
                var everyRow = SmoteCore.Fit(all.Rows, input.SampleCount, data.Columns, k + 1);
                var nearest = SmoteCore.KNeighborsDropFirst(everyRow, data.Gather(dangerRows), dangerRows.Length, cancellationToken);
                SmoteCore.MakeSamples(data, dangerRows, allRows, nearest, k, count, 1.0, seeds.CheckRandomState(), code, output);
                return;
            }

            SmoteCore.CheckNeighbors(k + 1L, positions.Length, nameof(KNeighbors), k);
            var index = SmoteCore.Fit(classRows, positions.Length, data.Columns, k + 1);
            var nns = SmoteCore.KNeighborsDropFirst(index, data.Gather(dangerRows), dangerRows.Length, cancellationToken);
            if (Kind == BorderlineSmoteKind.Borderline1)
            {
                SmoteCore.MakeSamples(data, dangerRows, positions, nns, k, count, 1.0, seeds.CheckRandomState(), code, output);
                return;
            }

            var fraction = seeds.CheckRandomState().Beta(10, 10);
            var ownClass = (int)(fraction * (count + 1));
            var otherClasses = (int)((1 - fraction) * count);

            // The truncations may add one row fewer than count: say so before the first row (one exact allocation).
            output.Replan(ownClass + otherClasses - count);
            SmoteCore.MakeSamples(data, dangerRows, positions, nns, k, ownClass, 1.0, seeds.CheckRandomState(), code, output);
            var others = new int[input.SampleCount - positions.Length];
            var o = 0;
            for (var i = 0; i < codes.Length; i++)
            {
                if (codes[i] != code)
                {
                    others[o++] = i;
                }
            }

            SmoteCore.MakeSamples(data, dangerRows, others, nns, k, otherClasses, 0.5, seeds.CheckRandomState(), code, output);
        }, cancellationToken);
        return rows.ToOutput(input);
    }
}
