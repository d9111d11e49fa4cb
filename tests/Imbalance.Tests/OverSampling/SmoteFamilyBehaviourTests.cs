using Imbalance.OverSampling;
using Imbalance.Randomness;
using Imbalance.Sampling;

namespace Imbalance.Tests.OverSampling;

/// <summary>Invariants of the SMOTE family beyond parity: provenance, labels, seeds, threads, cancellation, validation.</summary>
public class SmoteFamilyBehaviourTests
{
    public static TheoryData<string> Interpolating => new() { "Smote", "Borderline1", "Borderline2", "Adasyn" };

    public static TheoryData<string> All => new() { "Smote", "Borderline1", "Borderline2", "Adasyn", "SmoteNc", "SmoteN" };

    [Theory]
    [MemberData(nameof(Interpolating))]
    public void Provenance_rebuilds_every_synthetic_row_bit_for_bit(string name)
    {
        var (x, y) = Overlapping();
        var result = Create(name, 11).FitResample(x, y);

        var p = result.Provenance!;
        p.FirstRow.Should().Be(y.Length);
        p.Count.Should().Be(result.Count - y.Length).And.BePositive();
        var d = x.GetLength(1);
        for (var i = 0; i < p.Count; i++)
        {
            var row = p.FirstRow + i;
            var label = result.Y[row];
            y[p.BaseIndices[i]].Should().Be(label, "a synthetic row is built around a row of its class");
            var ownClassNeighbour = y[p.NeighborIndices[i]] == label;
            if (name == "Borderline2" && !ownClassNeighbour)
            {
                p.Steps[i].Should().BeInRange(0.0, 0.5);
            }
            else
            {
                ownClassNeighbour.Should().BeTrue();
                p.Steps[i].Should().BeInRange(0.0, 1.0);
            }

            for (var j = 0; j < d; j++)
            {
                var expected = x[p.BaseIndices[i], j] + (p.Steps[i] * (x[p.NeighborIndices[i], j] - x[p.BaseIndices[i], j]));
                result.X[row, j].Should().Be(expected);
            }
        }
    }

    [Fact]
    public void SmoteNc_provenance_rebuilds_the_continuous_features_and_votes_existing_categories()
    {
        var (x, y) = Overlapping();
        for (var i = 0; i < y.Length; i++)
        {
            x[i, 1] = (i * 7) % 3;
        }

        var result = new SmoteNc { CategoricalFeatures = CategoricalFeatures.Mask(false, true, false), RandomState = 2 }.FitResample(x, y);
        var p = result.Provenance!;
        p.Count.Should().BePositive();
        for (var i = 0; i < p.Count; i++)
        {
            var row = p.FirstRow + i;
            foreach (var j in new[] { 0, 2 })
            {
                result.X[row, j].Should().Be(x[p.BaseIndices[i], j] + (p.Steps[i] * (x[p.NeighborIndices[i], j] - x[p.BaseIndices[i], j])));
            }

            result.X[row, 1].Should().BeOneOf(0.0, 1.0, 2.0);
        }
    }

    [Theory]
    [MemberData(nameof(All))]
    public void Int_string_and_enum_labels_give_the_same_rows(string name)
    {
        var (x, y) = Categorical(name);
        var ints = Create(name, 5).FitResample(x, y);
        var strings = Create(name, 5).FitResample(x, TestData.AsStrings(y));
        var enums = Create(name, 5).FitResample(x, TestData.AsEnum(y));

        strings.X.Should().BeEquivalentTo(ints.X, o => o.WithStrictOrdering());
        enums.X.Should().BeEquivalentTo(ints.X, o => o.WithStrictOrdering());
        strings.Y.Should().Equal(TestData.AsStrings(ints.Y));
        enums.Y.Should().Equal(TestData.AsEnum(ints.Y));
    }

    [Theory]
    [MemberData(nameof(All))]
    public void Same_seed_same_rows_and_unseeded_runs_keep_the_counts(string name)
    {
        var (x, y) = Categorical(name);
        var copy = TestData.Copy(x);
        var first = Create(name, 3).FitResample(x, y);
        var second = Create(name, 3).FitResample(x, y);
        second.X.Should().BeEquivalentTo(first.X, o => o.WithStrictOrdering());
        x.Should().BeEquivalentTo(copy, o => o.WithStrictOrdering(), "the input is never modified");

        var unseeded = Create(name, null).FitResample(x, y);
        unseeded.Count.Should().BeGreaterThan(y.Length);
        unseeded.Y.Take(y.Length).Should().Equal(y);
        if (name is "Smote" or "SmoteNc" or "SmoteN")
        {
            unseeded.ClassCounts().Values.Should().OnlyContain(c => c == 60, "SMOTE fills every class up to the majority");
        }
    }

    [Theory]
    [MemberData(nameof(All))]
    public void A_shared_instance_is_safe_across_threads(string name)
    {
        var (x, y) = Categorical(name);
        var sampler = Create(name, 8);
        var expected = ParityBits(sampler.FitResample(x, y).X);
        var results = new long[8][];
        Parallel.For(0, results.Length, i => results[i] = ParityBits(sampler.FitResample(x, y).X));
        results.Should().OnlyContain(r => r.SequenceEqual(expected));
    }

    [Theory]
    [MemberData(nameof(All))]
    public void A_cancelled_token_stops_the_call(string name)
    {
        var (x, y) = Categorical(name);
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        var act = () => Create(name, 0).FitResample(x, y, cancelled.Token);
        act.Should().Throw<OperationCanceledException>();
    }

    [Fact]
    public void Invalid_parameters_are_rejected_when_set_with_imblearns_words()
    {
        Invalid(() => new Smote { KNeighbors = 0 }, "KNeighbors", "The 'KNeighbors' parameter of SMOTE must be an int in the range [1, inf) or an object implementing 'kneighbors' and 'kneighbors_graph'. Got 0 instead.");
        Invalid(() => new BorderlineSmote { KNeighbors = -1 }, "KNeighbors", "The 'KNeighbors' parameter of BorderlineSMOTE must be an int in the range [1, inf) or an object implementing 'kneighbors' and 'kneighbors_graph'. Got -1 instead.");
        Invalid(() => new BorderlineSmote { MNeighbors = 0 }, "MNeighbors", "The 'MNeighbors' parameter of BorderlineSMOTE must be an int in the range [1, inf) or an object implementing 'kneighbors' and 'kneighbors_graph'. Got 0 instead.");
        Invalid(() => new Adasyn { NNeighbors = 0 }, "NNeighbors", "The 'NNeighbors' parameter of ADASYN must be an int in the range [1, inf) or an object implementing 'kneighbors' and 'kneighbors_graph'. Got 0 instead.");
        Invalid(() => new SmoteNc { KNeighbors = 0 }, "KNeighbors", "The 'KNeighbors' parameter of SMOTENC must be an int in the range [1, inf) or an object implementing 'kneighbors' and 'kneighbors_graph'. Got 0 instead.");
        Invalid(() => new SmoteN { KNeighbors = 0 }, "KNeighbors", "The 'KNeighbors' parameter of SMOTEN must be an int in the range [1, inf) or an object implementing 'kneighbors' and 'kneighbors_graph'. Got 0 instead.");
        Invalid(() => new BorderlineSmote { Kind = (BorderlineSmoteKind)7 }, "Kind", "The 'kind' parameter of BorderlineSMOTE must be a str among {'borderline-1', 'borderline-2'} (or Borderline2AllRows). Got 7 instead.");
        var seed = () => new Smote { RandomState = -1 };
        seed.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("RandomState");
    }

    [Fact]
    public void SmoteNc_checks_its_categorical_features()
    {
        var (x, y) = Overlapping();
        Data(() => new SmoteNc().FitResample(x, y), "CategoricalFeatures", "SMOTE-NC requires 'CategoricalFeatures'.");
        Data(() => new SmoteNc { CategoricalFeatures = CategoricalFeatures.Indices() }.FitResample(x, y), "CategoricalFeatures", "SMOTE-NC requires at least one categorical feature; use SMOTE for continuous features only.");
        Data(() => new SmoteNc { CategoricalFeatures = CategoricalFeatures.Indices(1, 1) }.FitResample(x, y), "CategoricalFeatures", "The categorical feature indices must not repeat.");
        Data(() => new SmoteNc { CategoricalFeatures = CategoricalFeatures.Indices(-1) }.FitResample(x, y), "CategoricalFeatures", "Some of the categorical indices are out of range. Indices should be between 0 and 2");
        Data(() => new SmoteNc { CategoricalFeatures = CategoricalFeatures.Mask(true, true, true) }.FitResample(x, y), "CategoricalFeatures", "SMOTE-NC is not designed to work only with categorical features. It requires some numerical features.");
        CategoricalFeatures.Indices(2, 0).ToString().Should().Be("[2, 0]");
        CategoricalFeatures.Mask(true, false).ToString().Should().Be("[True, False]");
    }

    [Fact]
    public void Neighbour_counts_must_fit_the_class_being_over_sampled()
    {
        var (x, y) = Overlapping();
        Data(() => new SmoteN { KNeighbors = 20 }.FitResample(x, y), "KNeighbors", "Expected KNeighbors + 1 <= n_samples,  but n_samples = 20, KNeighbors = 20");
        Data(() => new Adasyn { NNeighbors = 20 }.FitResample(x, y), "NNeighbors", "Expected NNeighbors + 1 <= n_samples,  but n_samples = 20, NNeighbors = 20");
        Data(() => new SmoteNc { KNeighbors = 20, CategoricalFeatures = CategoricalFeatures.Indices(1) }.FitResample(x, y), "KNeighbors", "Expected KNeighbors + 1 <= n_samples,  but n_samples = 20, KNeighbors = 20");

        // A class that is not over-sampled may be smaller than k + 1.
        var onlyClass0 = SamplingStrategy.Counts(new Dictionary<int, int> { [0] = 62 });
        var result = new Smote { KNeighbors = 30, SamplingStrategy = onlyClass0, RandomState = 0 }.FitResample(x, y);
        result.ClassCounts().Should().Equal(new Dictionary<int, int> { [0] = 62, [1] = 20 });
    }

    [Fact]
    public void Borderline2AllRows_interpolates_danger_rows_towards_neighbours_of_any_class()
    {
        var (x, y) = Overlapping();
        var result = new BorderlineSmote { RandomState = 4, Kind = BorderlineSmoteKind.Borderline2AllRows }.FitResample(x, y);
        var p = result.Provenance!;
        p.Count.Should().Be(40, "one generation step makes exactly n_new rows (no beta split)");
        p.NeighborIndices.Should().Contain(i => y[i] == 0).And.Contain(i => y[i] == 1);
        p.BaseIndices.Should().OnlyContain(i => y[i] == 1);
        p.Steps.Should().OnlyContain(s => s >= 0 && s < 1);

        // The same danger rows and the same draws as borderline-1: only the neighbour set differs.
        var borderline1 = new BorderlineSmote { RandomState = 4 }.FitResample(x, y).Provenance!;
        p.Steps.Should().Equal(borderline1.Steps);
    }

    [Fact]
    public void Borderline2_fails_like_imblearn_when_the_other_classes_have_fewer_rows_than_the_positions_drawn()
    {
        // imblearn 0.10.0 indexes X[y != klass] with neighbour positions found within the class: with 50 rows in the
        // class and 40 elsewhere, NumPy raises "IndexError: index 49 is out of bounds for axis 0 with size 40".
        var rng = new RandomState(1);
        var y = Enumerable.Repeat(0, 50).Concat(Enumerable.Repeat(1, 30)).Concat(Enumerable.Repeat(2, 10)).ToArray();
        var x = new double[90, 2];
        for (var i = 0; i < 90; i++)
        {
            for (var j = 0; j < 2; j++)
            {
                x[i, j] = rng.StandardNormal() + (y[i] == 1 ? 0.5 : y[i] == 2 ? 1.0 : 0.0);
            }
        }

        var strategy = SamplingStrategy.Counts(new Dictionary<int, int> { [0] = 120 });
        Data(() => new BorderlineSmote { Kind = BorderlineSmoteKind.Borderline2, RandomState = 0, SamplingStrategy = strategy }.FitResample(x, y), "y", "index 49 is out of bounds for axis 0 with size 40");
    }

    [Fact]
    public void Samplers_that_do_not_synthesise_have_no_provenance()
    {
        var (x, y) = Overlapping();
        new RandomOverSampler { RandomState = 0 }.FitResample(x, y).Provenance.Should().BeNull();
        new Imbalance.UnderSampling.RandomUnderSampler { RandomState = 0 }.FitResample(x, y).Provenance.Should().BeNull();
    }

    [Fact]
    public void The_danger_and_noise_rule_follows_imblearn()
    {
        DangerNoise.IsDanger(5, 10).Should().BeTrue();
        DangerNoise.IsDanger(9, 10).Should().BeTrue();
        DangerNoise.IsDanger(4, 10).Should().BeFalse();
        DangerNoise.IsDanger(10, 10).Should().BeFalse();
        DangerNoise.IsDanger(2, 5).Should().BeFalse("2 < 5 / 2 = 2.5");
        DangerNoise.IsDanger(3, 5).Should().BeTrue();
        DangerNoise.IsNoise(10, 10).Should().BeTrue();
        DangerNoise.IsNoise(9, 10).Should().BeFalse();
    }

    [Fact]
    public void ToString_names_the_parameters()
    {
        new Smote { RandomState = 1, KNeighbors = 3 }.ToString().Should().Be("Smote(SamplingStrategy=auto, RandomState=1, KNeighbors=3)");
        new BorderlineSmote().ToString().Should().Be("BorderlineSmote(SamplingStrategy=auto, RandomState=null, KNeighbors=5, MNeighbors=10, Kind=Borderline1)");
        new Adasyn().ToString().Should().Be("Adasyn(SamplingStrategy=auto, RandomState=null, NNeighbors=5)");
        new SmoteN().ToString().Should().Be("SmoteN(SamplingStrategy=auto, RandomState=null, KNeighbors=5)");
        new SmoteNc { CategoricalFeatures = CategoricalFeatures.Indices(1) }.ToString().Should().Be("SmoteNc(CategoricalFeatures=[1], SamplingStrategy=auto, RandomState=null, KNeighbors=5)");
    }

    [Fact]
    public void Introselect_partitions_like_a_selection_at_every_kth()
    {
        var rng = new RandomState(4);
        for (var n = 1; n <= 70; n += 3)
        {
            var values = rng.RandInt(0, 6, n).Select(v => (double)v).ToArray();
            for (var kth = 0; kth < n; kth++)
            {
                var t = Enumerable.Range(0, n).ToArray();
                PrecomputedNeighbors.Introselect(t, values, kth);
                t.Order().Should().Equal(Enumerable.Range(0, n), "it permutes the indices");
                var pivot = values[t[kth]];
                t.Take(kth).All(i => values[i] <= pivot).Should().BeTrue();
                t.Skip(kth + 1).All(i => values[i] >= pivot).Should().BeTrue();
                pivot.Should().Be(values.Order().ElementAt(kth));
            }
        }
    }

    private static long[] ParityBits(double[,] x) => x.Cast<double>().Select(BitConverter.DoubleToInt64Bits).ToArray();

    private static void Invalid(Func<object> create, string parameter, string message)
    {
        var thrown = create.Should().Throw<ArgumentOutOfRangeException>().Which;
        thrown.ParamName.Should().Be(parameter);
        thrown.Message.Should().StartWith(message);
    }

    private static void Data(Func<object> act, string parameter, string message)
    {
        var thrown = act.Should().Throw<ArgumentException>().Which;
        thrown.ParamName.Should().Be(parameter);
        Parity.ImblearnError.CoreMessage(thrown).Should().Be(message);
    }

    private static Sampler Create(string name, int? seed) => name switch
    {
        "Smote" => new Smote { RandomState = seed },
        "Borderline1" => new BorderlineSmote { RandomState = seed },
        "Borderline2" => new BorderlineSmote { RandomState = seed, Kind = BorderlineSmoteKind.Borderline2 },
        "Adasyn" => new Adasyn { RandomState = seed },
        "SmoteNc" => new SmoteNc { RandomState = seed, CategoricalFeatures = CategoricalFeatures.Indices(1) },
        "SmoteN" => new SmoteN { RandomState = seed },
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    /// <summary>Two overlapping Gaussian classes (60 and 20 rows, 3 features), tie-free.</summary>
    private static (double[,] X, int[] Y) Overlapping()
    {
        var rng = new RandomState(17);
        var y = Enumerable.Range(0, 80).Select(i => i % 4 == 1 ? 1 : 0).ToArray();
        var x = new double[80, 3];
        for (var i = 0; i < 80; i++)
        {
            for (var j = 0; j < 3; j++)
            {
                x[i, j] = rng.StandardNormal() + (0.8 * y[i]);
            }
        }

        return (x, y);
    }

    /// <summary>The overlapping data, with feature 1 made categorical for SMOTE-NC and every feature for SMOTE-N.</summary>
    private static (double[,] X, int[] Y) Categorical(string name)
    {
        var (x, y) = Overlapping();
        for (var i = 0; i < y.Length; i++)
        {
            for (var j = 0; j < 3; j++)
            {
                if ((name == "SmoteNc" && j == 1) || name == "SmoteN")
                {
                    x[i, j] = Math.Round(x[i, j]);
                }
            }
        }

        return (x, y);
    }
}
