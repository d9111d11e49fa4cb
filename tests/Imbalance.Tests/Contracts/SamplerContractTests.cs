using Imbalance.Interop;
using Imbalance.Sampling;

namespace Imbalance.Tests.Contracts;

/// <summary>The behaviour every sampler in <see cref="SamplerRegistry"/> must show on valid input.</summary>
public class SamplerContractTests
{
    public static TheoryData<string> Cases => SamplerRegistry.CaseNames;

    /// <summary>(case, strategy) pairs: the strategies each kind accepts.</summary>
    public static TheoryData<string, string> CasesWithStrategies
    {
        get
        {
            var data = new TheoryData<string, string>();
            foreach (var c in SamplerRegistry.Cases)
            {
                foreach (var strategy in StrategiesFor(c.Kind).Keys)
                {
                    data.Add(c.Name, strategy);
                }
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Default_strategy_gives_the_counts_of_the_samplers_kind(string name)
    {
        var c = SamplerRegistry.Get(name);
        var (x, y) = ContractData.Multiclass();
        var sampler = c.Build();
        sampler.SamplingStrategy.Should().BeSameAs(SamplingStrategy.Auto, "imblearn's default sampling_strategy is 'auto'");

        var result = sampler.FitResample(x, y);

        SamplerInvariants.Check(c, x, y, result);
        var after = ContractData.CountsOf(result.Y, 3);
        switch (c.Kind)
        {
            case SamplerKind.Over:
                // 'auto' = 'not majority': classes 1 and 2 grow to the majority's 60.
                result.ResolvedStrategy.Should().Equal(new Dictionary<int, int> { [1] = 35, [2] = 45 });
                if (c.Relaxation is null)
                {
                    after.Should().Equal(60, 60, 60);
                }

                break;
            case SamplerKind.Under:
                // 'auto' = 'not minority': classes 0 and 1 shrink to the minority's 15.
                result.ResolvedStrategy.Should().Equal(new Dictionary<int, int> { [0] = 15, [1] = 15 });
                if (c.Relaxation is null)
                {
                    after.Should().Equal(15, 15, 15);
                }

                break;
            case SamplerKind.Cleaning:
                // 'auto' = 'not minority'; the stored value is the minority count, as in imblearn.
                result.ResolvedStrategy.Should().Equal(new Dictionary<int, int> { [0] = 15, [1] = 15 });
                after[0].Should().BeInRange(1, 60);
                after[1].Should().BeInRange(0, 25);
                after[2].Should().Be(15);
                break;
            case SamplerKind.Combined:
                result.ResolvedStrategy.Should().Equal(new Dictionary<int, int> { [1] = 35, [2] = 45 });
                after.Should().OnlyContain(count => count <= 60);
                break;
        }
    }

    [Theory]
    [MemberData(nameof(CasesWithStrategies))]
    public void Counts_follow_every_strategy_the_kind_accepts(string name, string strategyName)
    {
        var c = SamplerRegistry.Get(name);
        var (strategy, binary) = StrategiesFor(c.Kind)[strategyName];
        var (x, y) = binary ? ContractData.Binary() : ContractData.Multiclass();
        var sampler = c.Build(strategy);

        var result = sampler.FitResample(x, y);

        result.ResolvedStrategy.Should().Equal(strategy.Resolve(y, sampler.SamplingType), "the result reports the strategy resolved for the sampler's kind");
        result.ResolvedStrategy.Should().NotBeEmpty();
        SamplerInvariants.Check(c, x, y, result);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Inputs_are_not_modified(string name)
    {
        var c = SamplerRegistry.Get(name);
        var (x, y) = ContractData.Multiclass();
        var xCopy = TestData.Copy(x);
        var yCopy = y.ToArray();
        var yList = new List<string>(TestData.AsStrings(y));
        var yListCopy = yList.ToList();
        var sampler = c.Build();

        var first = sampler.FitResample(x, y);
        var second = sampler.FitResample(x, yList);

        ContractData.BitEqual(x, xCopy).Should().BeTrue("FitResample never writes to X");
        y.Should().Equal(yCopy, "FitResample never writes to y");
        yList.Should().Equal(yListCopy);
        first.X.Should().NotBeSameAs(x, "the result owns new arrays");
        first.Y.Should().NotBeSameAs(y);
        second.X.Should().NotBeSameAs(first.X, "results share nothing");
        if (first.SampleIndices is not null)
        {
            second.SampleIndices.Should().NotBeSameAs(first.SampleIndices);
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Same_seed_gives_identical_output(string name)
    {
        var c = SamplerRegistry.Get(name);
        var (x, y) = ContractData.Multiclass();

        var a = c.Build(seed: 3).FitResample(x, y);
        var sampler = c.Build(seed: 3);
        sampler.FitResample(TestData.ThreeClasses(seed: 11).X, y); // an unrelated call must leave no trace
        var b = sampler.FitResample(x, y);

        ContractData.BitEqual(a.X, b.X).Should().BeTrue();
        a.Y.Should().Equal(b.Y);
        (a.SampleIndices is null).Should().Be(b.SampleIndices is null);
        if (a.SampleIndices is not null)
        {
            a.SampleIndices.Should().Equal(b.SampleIndices);
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Output_does_not_depend_on_the_degree_of_parallelism(string name)
    {
        var c = SamplerRegistry.Get(name);
        var property = c.Type.GetProperty("MaxDegreeOfParallelism");
        var (x, y) = ContractData.Large();

        var reference = c.Build(seed: 9).FitResample(x, y);
        SamplerInvariants.Check(c, x, y, reference);
        if (property is null)
        {
            return; // nothing to vary; the invariants above still ran on the larger data
        }

        property.PropertyType.Should().Be<int?>("MaxDegreeOfParallelism is scikit-learn's n_jobs as an int?");
        foreach (var degree in new int?[] { 1, 2, 4 })
        {
            var result = SamplerRegistry.WithProperty(c.Build(seed: 9), property.Name, degree).FitResample(x, y);
            ContractData.BitEqual(result.X, reference.X).Should().BeTrue($"{name} with MaxDegreeOfParallelism={degree} gives the same rows");
            result.Y.Should().Equal(reference.Y);
            if (reference.SampleIndices is not null)
            {
                result.SampleIndices.Should().Equal(reference.SampleIndices);
            }
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_shared_instance_gives_identical_outputs_on_eight_threads(string name)
    {
        var c = SamplerRegistry.Get(name);
        var (x, y) = ContractData.Multiclass();
        var xCopy = TestData.Copy(x);
        var sampler = c.Build(seed: 5);
        var reference = c.Build(seed: 5).FitResample(x, y);

        const int ThreadCount = 8;
        var results = new ResampleResult<int>?[ThreadCount];
        var errors = new Exception?[ThreadCount];
        using var barrier = new Barrier(ThreadCount);
        var threads = Enumerable.Range(0, ThreadCount).Select(t => new Thread(() =>
        {
            try
            {
                barrier.SignalAndWait();
                for (var repeat = 0; repeat < 3; repeat++)
                {
                    results[t] = sampler.FitResample(x, y);
                }
            }
            catch (Exception e)
            {
                errors[t] = e;
            }
        })).ToArray();
        foreach (var thread in threads)
        {
            thread.Start();
        }

        foreach (var thread in threads)
        {
            thread.Join();
        }

        errors.Should().OnlyContain(e => e == null);
        foreach (var result in results)
        {
            ContractData.BitEqual(result!.X, reference.X).Should().BeTrue($"{name} shares no state between concurrent calls");
            result.Y.Should().Equal(reference.Y);
            if (reference.SampleIndices is not null)
            {
                result.SampleIndices.Should().Equal(reference.SampleIndices);
            }
        }

        ContractData.BitEqual(x, xCopy).Should().BeTrue();
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void String_labels_round_trip_and_give_the_rows_of_int_labels(string name)
    {
        var (x, y) = ContractData.Multiclass();
        CheckSameAsInt(name, x, y, TestData.AsStrings(y));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Strings_sort_by_code_point_as_numpy_does(string name)
    {
        // Code-point order Z (U+005A) < U+FF21 < U+1F600 matches 0 < 1 < 2; UTF-16 ordinal order would put the
        // surrogate pair of U+1F600 before U+FF21 and give other rows.
        var (x, y) = ContractData.Multiclass();
        string[] labels = ["Z", "\uFF21", "\U0001F600"];
        CheckSameAsInt(name, x, y, y.Select(v => labels[v]).ToArray());
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Enum_labels_round_trip_and_give_the_rows_of_int_labels(string name)
    {
        var (x, y) = ContractData.Multiclass();
        CheckSameAsInt(name, x, y, TestData.AsEnum(y));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Long_and_double_labels_give_the_rows_of_int_labels(string name)
    {
        var (x, y) = ContractData.Multiclass();
        CheckSameAsInt(name, x, y, y.Select(v => (v * 1000L) - 7).ToArray());
        CheckSameAsInt(name, x, y, y.Select(v => (v * 2.0) - 1.0).ToArray());
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Bool_labels_round_trip_and_give_the_rows_of_int_labels(string name)
    {
        var (x, y) = ContractData.Binary();
        CheckSameAsInt(name, x, y, y.Select(v => v == 1).ToArray());
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Jagged_and_MathNet_inputs_give_the_result_of_the_rectangular_array(string name)
    {
        var c = SamplerRegistry.Get(name);
        var (x, y) = ContractData.Multiclass();
        var jagged = x.ToJagged();
        var matrix = x.ToMatrix();
        var sampler = c.Build();

        var expected = sampler.FitResample(x, y);
        var fromJagged = sampler.FitResample(jagged, y);
        var fromMatrix = sampler.FitResample(matrix, y);

        foreach (var result in new[] { fromJagged, fromMatrix })
        {
            ContractData.BitEqual(result.X, expected.X).Should().BeTrue();
            result.Y.Should().Equal(expected.Y);
            result.ResolvedStrategy.Should().Equal(expected.ResolvedStrategy);
            if (expected.SampleIndices is not null)
            {
                result.SampleIndices.Should().Equal(expected.SampleIndices);
            }
        }

        jagged.Select(row => row.Length).Should().AllBeEquivalentTo(4);
        ContractData.BitEqual(jagged.ToArray2D(), x).Should().BeTrue("the jagged input is not modified");
        ContractData.BitEqual(matrix.ToArray2D(), x).Should().BeTrue("the matrix input is not modified");
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void The_result_deconstructs_into_X_and_y(string name)
    {
        var c = SamplerRegistry.Get(name);
        var (x, y) = ContractData.Multiclass();
        var result = c.Build().FitResample(x, y);

        var (xRes, yRes) = result;

        xRes.Should().BeSameAs(result.X);
        yRes.Should().BeSameAs(result.Y);
        result.Count.Should().Be(yRes.Length);
        result.ClassCounts().Should().Equal(
            yRes.GroupBy(v => v).OrderBy(g => g.Key).ToDictionary(g => g.Key, g => g.Count()));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_cancelled_token_stops_the_call(string name)
    {
        var c = SamplerRegistry.Get(name);
        var (x, y) = ContractData.Multiclass();
        using var cts = new CancellationTokenSource();
        cts.Cancel();

        var act = () => c.Build().FitResample(x, y, cts.Token);

        act.Should().Throw<OperationCanceledException>();
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void ToString_names_the_sampler_and_its_strategy(string name)
    {
        var c = SamplerRegistry.Get(name);
        var text = c.Build(SamplingStrategy.All).ToString();

        text.Should().StartWith(c.Type.Name + "(").And.Contain("SamplingStrategy=all").And.EndWith(")");
    }

    /// <summary>Runs <paramref name="name"/> on int labels and on <paramref name="mapped"/> (the same classes in the same order).</summary>
    private static void CheckSameAsInt<TLabel>(string name, double[,] x, int[] y, TLabel[] mapped)
        where TLabel : notnull
    {
        var c = SamplerRegistry.Get(name);
        var sampler = c.Build();
        var byCode = Enumerable.Range(0, y.Max() + 1).ToDictionary(k => k, k => mapped[Array.IndexOf(y, k)]);

        var expected = sampler.FitResample(x, y);
        var result = sampler.FitResample(x, mapped);

        ContractData.BitEqual(result.X, expected.X).Should().BeTrue($"{typeof(TLabel).Name} labels in the order of the ints give the same rows");
        result.Y.Should().Equal(expected.Y.Select(k => byCode[k]), "labels decode to the caller's values");
        result.Y.Should().OnlyContain(label => mapped.Contains(label));
        result.ResolvedStrategy.Keys.Should().Equal(expected.ResolvedStrategy.Keys.Select(k => byCode[k]), "classes are in np.unique order");
        result.ResolvedStrategy.Values.Should().Equal(expected.ResolvedStrategy.Values);
        result.ClassCounts().Keys.Should().Equal(expected.ClassCounts().Keys.Select(k => byCode[k]));
        if (expected.SampleIndices is null)
        {
            result.SampleIndices.Should().BeNull();
        }
        else
        {
            result.SampleIndices.Should().Equal(expected.SampleIndices);
        }
    }

    /// <summary>Strategies per kind by display name, with whether they need binary data.</summary>
    private static Dictionary<string, (SamplingStrategy Strategy, bool Binary)> StrategiesFor(SamplerKind kind) => kind switch
    {
        SamplerKind.Over => new()
        {
            ["auto"] = (SamplingStrategy.Auto, false),
            ["minority"] = (SamplingStrategy.Minority, false),
            ["not minority"] = (SamplingStrategy.NotMinority, false),
            ["all"] = (SamplingStrategy.All, false),
            ["counts {1: 50, 2: 30}"] = (SamplingStrategy.Counts(new Dictionary<int, int> { [1] = 50, [2] = 30 }), false),
            ["custom {2: 40}"] = (SamplingStrategy.Custom<int>(_ => new Dictionary<int, int> { [2] = 40 }), false),
            ["ratio 0.8 (binary)"] = (SamplingStrategy.Ratio(0.8), true),
        },
        SamplerKind.Under => new()
        {
            ["auto"] = (SamplingStrategy.Auto, false),
            ["majority"] = (SamplingStrategy.Majority, false),
            ["not majority"] = (SamplingStrategy.NotMajority, false),
            ["all"] = (SamplingStrategy.All, false),
            ["counts {0: 30, 1: 10}"] = (SamplingStrategy.Counts(new Dictionary<int, int> { [0] = 30, [1] = 10 }), false),
            ["custom {0: 20}"] = (SamplingStrategy.Custom<int>(_ => new Dictionary<int, int> { [0] = 20 }), false),
            ["ratio 0.5 (binary)"] = (SamplingStrategy.Ratio(0.5), true),
        },
        SamplerKind.Cleaning => new()
        {
            ["auto"] = (SamplingStrategy.Auto, false),
            ["majority"] = (SamplingStrategy.Majority, false),
            ["not majority"] = (SamplingStrategy.NotMajority, false),
            ["all"] = (SamplingStrategy.All, false),
            ["classes [0]"] = (SamplingStrategy.Classes([0]), false),
            ["classes [0, 2]"] = (SamplingStrategy.Classes([0, 2]), false),
        },
        _ => new()
        {
            ["auto"] = (SamplingStrategy.Auto, false),
            ["minority"] = (SamplingStrategy.Minority, false),
            ["counts {1: 50, 2: 30}"] = (SamplingStrategy.Counts(new Dictionary<int, int> { [1] = 50, [2] = 30 }), false),
        },
    };
}
