using Imbalance.Sampling;
using Imbalance.UnderSampling;

namespace Imbalance.Tests.UnderSampling;

/// <summary>
/// Parameters, errors, label types, invariants and composition rules of the prototype-selection under-samplers.
/// </summary>
public class PrototypeSelectionTests
{
    public static TheoryData<string> SamplerNames => new(Samplers.Keys);

    private static readonly Dictionary<string, Func<Sampler>> Samplers = new()
    {
        ["TomekLinks"] = () => new TomekLinks(),
        ["ENN"] = () => new EditedNearestNeighbours(),
        ["ENN mode k5"] = () => new EditedNearestNeighbours { NNeighbors = 5, KindSel = SelectionKind.Mode },
        ["RENN"] = () => new RepeatedEditedNearestNeighbours(),
        ["RENN all"] = () => new RepeatedEditedNearestNeighbours { SamplingStrategy = SamplingStrategy.All, KindSel = SelectionKind.Mode },
        ["AllKnn"] = () => new AllKnn { NNeighbors = 5, AllowMinority = true },
        ["NearMiss1"] = () => new NearMiss(),
        ["NearMiss2"] = () => new NearMiss { Version = 2 },
        ["NearMiss3"] = () => new NearMiss { Version = 3 },
        ["CNN"] = () => new CondensedNearestNeighbour { RandomState = 3 },
        ["CNN k3"] = () => new CondensedNearestNeighbour { RandomState = 3, NNeighbors = 3, NSeedsS = 2 },
        ["OSS"] = () => new OneSidedSelection { RandomState = 4 },
        ["NCR"] = () => new NeighbourhoodCleaningRule(),
        ["NCR mode"] = () => new NeighbourhoodCleaningRule { KindSel = SelectionKind.Mode, ThresholdCleaning = 0.2 },
    };

    [Theory]
    [MemberData(nameof(SamplerNames))]
    public void Output_rows_are_the_input_rows_named_by_SampleIndices(string name)
    {
        var (x, y) = TestData.ThreeClasses();
        var copy = TestData.Copy(x);
        var result = Samplers[name]().FitResample(x, y);

        result.SampleIndices.Should().NotBeNull();
        var indices = result.SampleIndices!;
        indices.Should().OnlyHaveUniqueItems().And.OnlyContain(i => i >= 0 && i < y.Length);
        result.Y.Should().Equal(indices.Select(i => y[i]));
        for (var r = 0; r < indices.Length; r++)
        {
            for (var j = 0; j < x.GetLength(1); j++)
            {
                result.X[r, j].Should().Be(x[indices[r], j]);
            }
        }

        x.Should().BeEquivalentTo(copy, "the input is never modified");
        result.Count.Should().BeLessThan(y.Length, "the data overlaps, so every sampler removes something");
    }

    [Theory]
    [MemberData(nameof(SamplerNames))]
    public void String_and_enum_labels_select_the_same_rows_as_ints(string name)
    {
        var (x, y) = TestData.ThreeClasses(11);
        var ints = Samplers[name]().FitResample(x, y);
        var strings = Samplers[name]().FitResample(x, TestData.AsStrings(y));
        var enums = Samplers[name]().FitResample(x, TestData.AsEnum(y));

        strings.SampleIndices.Should().Equal(ints.SampleIndices);
        enums.SampleIndices.Should().Equal(ints.SampleIndices);
        strings.Y.Should().Equal(TestData.AsStrings(ints.Y));
        enums.Y.Should().Equal(TestData.AsEnum(ints.Y));
    }

    [Theory]
    [MemberData(nameof(SamplerNames))]
    public void A_shared_instance_gives_the_same_answer_from_many_threads(string name)
    {
        var (x, y) = TestData.ThreeClasses(5);
        var sampler = Samplers[name]();
        var expected = sampler.FitResample(x, y).SampleIndices;
        var results = new int[]?[8];
        Parallel.For(0, results.Length, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i => results[i] = sampler.FitResample(x, y).SampleIndices);
        results.Should().AllSatisfy(r => r.Should().Equal(expected));
    }

    [Fact]
    public void The_thread_count_does_not_change_the_result()
    {
        var (x, y) = TestData.ThreeClasses(9);
        new RepeatedEditedNearestNeighbours { MaxDegreeOfParallelism = 1 }.FitResample(x, y).SampleIndices
            .Should().Equal(new RepeatedEditedNearestNeighbours().FitResample(x, y).SampleIndices);
        new NearMiss { Version = 2, MaxDegreeOfParallelism = 1 }.FitResample(x, y).SampleIndices
            .Should().Equal(new NearMiss { Version = 2 }.FitResample(x, y).SampleIndices);
        new TomekLinks { MaxDegreeOfParallelism = 1 }.FitResample(x, y).SampleIndices
            .Should().Equal(new TomekLinks().FitResample(x, y).SampleIndices);
    }

    [Fact]
    public void Repeated_enn_with_one_pass_and_allknn_with_k1_are_plain_enn()
    {
        var (x, y) = TestData.ThreeClasses(13);
        new RepeatedEditedNearestNeighbours { MaxIter = 1 }.FitResample(x, y).SampleIndices
            .Should().Equal(new EditedNearestNeighbours().FitResample(x, y).SampleIndices);
        new AllKnn { NNeighbors = 1 }.FitResample(x, y).SampleIndices
            .Should().Equal(new EditedNearestNeighbours { NNeighbors = 1 }.FitResample(x, y).SampleIndices);
    }

    [Fact]
    public void Cleaning_samplers_report_the_minority_count_for_each_cleaned_class()
    {
        var (x, y) = TestData.ThreeClasses();
        var result = new EditedNearestNeighbours().FitResample(x, y);
        result.ResolvedStrategy.Should().Equal(new Dictionary<int, int> { [0] = 15, [1] = 15 });
        new TomekLinks().SamplingType.Should().Be(SamplingType.CleanSampling);
        new NearMiss().SamplingType.Should().Be(SamplingType.UnderSampling);
        new CondensedNearestNeighbour().SamplingType.Should().Be(SamplingType.CleanSampling);
    }

    [Fact]
    public void NearMiss_keeps_exactly_the_requested_counts_in_score_order()
    {
        var (x, y) = TestData.ThreeClasses();
        foreach (var version in new[] { 1, 2 })
        {
            var result = new NearMiss { Version = version }.FitResample(x, y);
            result.ClassCounts().Should().Equal(new Dictionary<int, int> { [0] = 15, [1] = 15, [2] = 15 });
            result.SampleIndices![30..].Should().Equal(Enumerable.Range(0, y.Length).Where(i => y[i] == 2), "the minority is copied in order");
        }
    }

    [Fact]
    public void Seeded_samplers_repeat_for_the_same_seed()
    {
        var (x, y) = TestData.ThreeClasses(17);
        new CondensedNearestNeighbour { RandomState = 8 }.FitResample(x, y).SampleIndices
            .Should().Equal(new CondensedNearestNeighbour { RandomState = 8 }.FitResample(x, y).SampleIndices);
        new OneSidedSelection { RandomState = 8 }.FitResample(x, y).SampleIndices
            .Should().Equal(new OneSidedSelection { RandomState = 8 }.FitResample(x, y).SampleIndices);
        new OneSidedSelection().FitResample(x, y).ClassCounts()[2].Should().Be(15, "the minority is never cleaned");
    }

    [Fact]
    public void Parameters_are_validated_when_set()
    {
        ShouldReject(() => new EditedNearestNeighbours { NNeighbors = 0 }, "NNeighbors");
        ShouldReject(() => new EditedNearestNeighbours { KindSel = (SelectionKind)7 }, "KindSel");
        ShouldReject(() => new EditedNearestNeighbours { MaxDegreeOfParallelism = 0 }, "MaxDegreeOfParallelism");
        ShouldReject(() => new RepeatedEditedNearestNeighbours { MaxIter = 0 }, "MaxIter");
        ShouldReject(() => new RepeatedEditedNearestNeighbours { NNeighbors = -1 }, "NNeighbors");
        ShouldReject(() => new AllKnn { NNeighbors = 0 }, "NNeighbors");
        ShouldReject(() => new AllKnn { KindSel = (SelectionKind)(-1) }, "KindSel");
        ShouldReject(() => new NearMiss { Version = 0 }, "Version");
        ShouldReject(() => new NearMiss { Version = 4 }, "Version");
        ShouldReject(() => new NearMiss { NNeighbors = 0 }, "NNeighbors");
        ShouldReject(() => new NearMiss { NNeighborsVer3 = 0 }, "NNeighborsVer3");
        ShouldReject(() => new CondensedNearestNeighbour { NSeedsS = 0 }, "NSeedsS");
        ShouldReject(() => new CondensedNearestNeighbour { RandomState = -1 }, "RandomState");
        ShouldReject(() => new OneSidedSelection { NNeighbors = 0 }, "NNeighbors");
        ShouldReject(() => new OneSidedSelection { RandomState = -5 }, "RandomState");
        ShouldReject(() => new NeighbourhoodCleaningRule { ThresholdCleaning = 0.0 }, "ThresholdCleaning");
        ShouldReject(() => new NeighbourhoodCleaningRule { ThresholdCleaning = 1.0 }, "ThresholdCleaning");
        ShouldReject(() => new NeighbourhoodCleaningRule { ThresholdCleaning = double.NaN }, "ThresholdCleaning");
        ShouldReject(() => new TomekLinks { MaxDegreeOfParallelism = -2 }, "MaxDegreeOfParallelism");
    }

    [Fact]
    public void Defaults_are_imblearns()
    {
        var enn = new EditedNearestNeighbours();
        (enn.NNeighbors, enn.KindSel).Should().Be((3, SelectionKind.All));
        var renn = new RepeatedEditedNearestNeighbours();
        (renn.NNeighbors, renn.MaxIter, renn.KindSel).Should().Be((3, 100, SelectionKind.All));
        var allKnn = new AllKnn();
        (allKnn.NNeighbors, allKnn.KindSel, allKnn.AllowMinority).Should().Be((3, SelectionKind.All, false));
        var nearMiss = new NearMiss();
        (nearMiss.Version, nearMiss.NNeighbors, nearMiss.NNeighborsVer3).Should().Be((1, 3, 3));
        var cnn = new CondensedNearestNeighbour();
        (cnn.NNeighbors, cnn.NSeedsS, cnn.RandomState).Should().Be((1, 1, (int?)null));
        var oss = new OneSidedSelection();
        (oss.NNeighbors, oss.NSeedsS, oss.RandomState).Should().Be((1, 1, (int?)null));
        var ncr = new NeighbourhoodCleaningRule();
        (ncr.NNeighbors, ncr.KindSel, ncr.ThresholdCleaning).Should().Be((3, SelectionKind.All, 0.5));
        new NearMiss { Version = 2 }.ToString().Should().Be("NearMiss(SamplingStrategy=auto, Version=2, NNeighbors=3, NNeighborsVer3=3)");
        new AllKnn().ToString().Should().Be("AllKnn(SamplingStrategy=auto, NNeighbors=3, KindSel=All, AllowMinority=False)");
    }

    [Fact]
    public void Neighbourhoods_larger_than_the_data_are_rejected_with_the_parameter_name()
    {
        var (x, y) = TestData.ThreeClasses();
        ShouldFail(() => new EditedNearestNeighbours { NNeighbors = 100 }.FitResample(x, y), "NNeighbors");
        ShouldFail(() => new RepeatedEditedNearestNeighbours { NNeighbors = 100 }.FitResample(x, y), "NNeighbors");
        double[,] six = { { 0.0 }, { 0.1 }, { 0.3 }, { 0.6 }, { 1.0 }, { 9.0 } };
        ShouldFail(() => new AllKnn { NNeighbors = 6, KindSel = SelectionKind.Mode }.FitResample(six, [0, 0, 0, 0, 0, 1]), "NNeighbors");
        new AllKnn { NNeighbors = 5, KindSel = SelectionKind.Mode }.FitResample(six, [0, 0, 0, 0, 0, 1]).Count.Should().Be(6, "the pass with k = 6 is never reached");
        ShouldFail(() => new NeighbourhoodCleaningRule { NNeighbors = 100 }.FitResample(x, y), "NNeighbors");
        ShouldFail(() => new NearMiss { NNeighbors = 16 }.FitResample(x, y), "NNeighbors");
        ShouldFail(() => new NearMiss { Version = 3, NNeighbors = 16 }.FitResample(x, y), "NNeighbors");
        ShouldFail(() => new NearMiss { Version = 3, NNeighborsVer3 = 26 }.FitResample(x, y), "NNeighborsVer3");
        ShouldFail(() => new CondensedNearestNeighbour { NNeighbors = 17 }.FitResample(x, y), "NNeighbors");
        ShouldFail(() => new OneSidedSelection { NNeighbors = 17 }.FitResample(x, y), "NNeighbors");

        // NearMiss-2 takes all minority rows when asked for more, as imblearn does.
        new NearMiss { Version = 2, NNeighbors = 16 }.FitResample(x, y).ClassCounts()[0].Should().Be(15);
    }

    [Fact]
    public void Cleaning_samplers_reject_a_counts_strategy()
    {
        var (x, y) = TestData.ThreeClasses();
        var counts = SamplingStrategy.Counts(new Dictionary<int, int> { [0] = 10 });
        ShouldFail(() => new TomekLinks { SamplingStrategy = counts }.FitResample(x, y), "SamplingStrategy");
        ShouldFail(() => new RepeatedEditedNearestNeighbours { SamplingStrategy = counts }.FitResample(x, y), "SamplingStrategy");
    }

    [Fact]
    public void A_cancelled_token_stops_before_any_work()
    {
        var (x, y) = TestData.ThreeClasses();
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        foreach (var sampler in Samplers.Values)
        {
            var act = () => sampler().FitResample(x, y, cts.Token);
            act.Should().Throw<OperationCanceledException>();
        }
    }

    [Fact]
    public void Tomek_links_remove_only_mutual_nearest_pairs_of_the_cleaned_classes()
    {
        // Rows 0 (class 0) and 1 (class 1) are each other's nearest: a link. Row 2 (class 0) is nearest to row 1
        // but row 1's nearest is row 0: no link. Row 3/4 are a class-0 pair.
        double[,] x = { { 0.0, 0.0 }, { 0.3, 0.0 }, { 0.75, 0.0 }, { 5.0, 0.0 }, { 5.4, 0.0 }, { 9.0, 0.0 }, { 9.2, 0.0 } };
        int[] y = [0, 1, 0, 0, 0, 1, 1];
        new TomekLinks().FitResample(x, y).SampleIndices.Should().Equal(1, 2, 3, 4, 5, 6);
        new TomekLinks { SamplingStrategy = SamplingStrategy.All }.FitResample(x, y).SampleIndices.Should().Equal(2, 3, 4, 5, 6);
    }

    [Fact]
    public void Repeated_enn_stops_when_a_class_disappears()
    {
        // Class 1 (rows 0 and 1) is each row's only same-class neighbour next to class 0: the first pass removes both,
        // and a vanished class ends the loop.
        double[,] x = { { 0.0, 0.0 }, { 0.1, 0.0 }, { 0.5, 0.0 }, { 0.6, 0.0 }, { 0.7, 0.0 }, { 0.55, 0.1 }, { 5.0, 5.0 }, { 5.1, 5.0 }, { 5.0, 5.2 } };
        int[] y = [1, 1, 0, 0, 0, 0, 2, 2, 2];
        var result = new RepeatedEditedNearestNeighbours { NNeighbors = 2, SamplingStrategy = SamplingStrategy.All }.FitResample(x, y);
        result.SampleIndices.Should().Equal(2, 3, 4, 5, 6, 7, 8);
    }

    private static void ShouldReject(Func<object> create, string parameter) =>
        create.Should().Throw<ArgumentOutOfRangeException>().Which.ParamName.Should().Be(parameter);

    private static void ShouldFail(Action act, string parameter) =>
        act.Should().Throw<ArgumentException>().Which.ParamName.Should().Be(parameter);
}
