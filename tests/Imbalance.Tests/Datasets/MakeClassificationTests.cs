using Imbalance.Datasets;

namespace Imbalance.Tests.Datasets;

public class MakeClassificationTests
{
    private static readonly MakeClassificationOptions Base = new() { NSamples = 60, NFeatures = 8, RandomState = 3 };

    public static TheoryData<string, MakeClassificationOptions, Type, string> InvalidCases() => new()
    {
        { "n_samples 0", Base with { NSamples = 0 }, typeof(ArgumentOutOfRangeException), "nSamples" },
        { "n_features 0", Base with { NFeatures = 0 }, typeof(ArgumentOutOfRangeException), "nFeatures" },
        { "n_informative 0", Base with { NInformative = 0, NClasses = 1, NClustersPerClass = 1 }, typeof(ArgumentOutOfRangeException), "nInformative" },
        { "n_redundant -1", Base with { NRedundant = -1 }, typeof(ArgumentOutOfRangeException), "nRedundant" },
        { "n_repeated -1", Base with { NRepeated = -1 }, typeof(ArgumentOutOfRangeException), "nRepeated" },
        { "n_classes 0", Base with { NClasses = 0 }, typeof(ArgumentOutOfRangeException), "nClasses" },
        { "n_clusters_per_class 0", Base with { NClustersPerClass = 0 }, typeof(ArgumentOutOfRangeException), "nClustersPerClass" },
        { "flip_y negative", Base with { FlipY = -0.01 }, typeof(ArgumentOutOfRangeException), "flipY" },
        { "flip_y above 1", Base with { FlipY = 1.01 }, typeof(ArgumentOutOfRangeException), "flipY" },
        { "flip_y NaN", Base with { FlipY = double.NaN }, typeof(ArgumentOutOfRangeException), "flipY" },
        { "class_sep 0", Base with { ClassSep = 0.0 }, typeof(ArgumentOutOfRangeException), "classSep" },
        { "class_sep negative", Base with { ClassSep = -1.0 }, typeof(ArgumentOutOfRangeException), "classSep" },
        { "class_sep infinite", Base with { ClassSep = double.PositiveInfinity }, typeof(ArgumentOutOfRangeException), "classSep" },
        { "random_state negative", Base with { RandomState = -1 }, typeof(ArgumentOutOfRangeException), "randomState" },
        { "too many special features", Base with { NFeatures = 4, NRedundant = 2, NRepeated = 1 }, typeof(ArgumentException), "nFeatures" },
        { "too many clusters", Base with { NClasses = 3 }, typeof(ArgumentException), "nInformative" },
        { "too many clusters beyond 30 bits", Base with { NFeatures = 40, NInformative = 40, NRedundant = 0, NClasses = 1 << 16, NClustersPerClass = 1 << 15 }, typeof(ArgumentOutOfRangeException), "nClustersPerClass" },
        { "X too large", Base with { NSamples = int.MaxValue, NFeatures = 2, NRedundant = 0 }, typeof(ArgumentOutOfRangeException), "nSamples" },
        { "weights too long", Base with { Weights = [0.2, 0.3, 0.5] }, typeof(ArgumentException), "weights" },
        { "weights empty", Base with { Weights = [] }, typeof(ArgumentException), "weights" },
        { "weights negative", Base with { Weights = [-0.1, 1.1] }, typeof(ArgumentException), "weights" },
        { "weights NaN", Base with { Weights = [double.NaN] }, typeof(ArgumentException), "weights" },
        { "weights infinite", Base with { Weights = [double.PositiveInfinity, 0.5] }, typeof(ArgumentException), "weights" },
        { "implied last weight negative", Base with { NInformative = 3, NClasses = 3, Weights = [0.7, 0.5] }, typeof(ArgumentException), "weights" },
        { "shift of wrong length", Base with { Shift = [1.0, 2.0] }, typeof(ArgumentException), "shift" },
        { "shift NaN", Base with { Shift = [double.NaN] }, typeof(ArgumentException), "shift" },
        { "scale 0", Base with { Scale = [0.0] }, typeof(ArgumentException), "scale" },
        { "scale negative per feature", Base with { Scale = [1, 1, 1, 1, 1, 1, 1, -2] }, typeof(ArgumentException), "scale" },
        { "scale infinite", Base with { Scale = [double.PositiveInfinity] }, typeof(ArgumentException), "scale" },
    };

    [Theory]
    [MemberData(nameof(InvalidCases))]
    public void Invalid_arguments_are_rejected_naming_the_parameter(string because, MakeClassificationOptions options, Type type, string parameter)
    {
        var act = () => DataGenerators.MakeClassification(options);

        var thrown = act.Should().Throw<ArgumentException>(because).Which;
        thrown.GetType().Should().Be(type, because);
        thrown.ParamName.Should().Be(parameter, because);
    }

    [Fact]
    public void Optional_parameter_overload_names_its_parameters()
    {
        FluentActions.Invoking(() => DataGenerators.MakeClassification(nSamples: -5))
            .Should().ThrowExactly<ArgumentOutOfRangeException>().Which.ParamName.Should().Be("nSamples");
        FluentActions.Invoking(() => DataGenerators.MakeClassification(scale: -1.0))
            .Should().ThrowExactly<ArgumentException>().Which.ParamName.Should().Be("scale");
        FluentActions.Invoking(() => DataGenerators.MakeClassification(null!))
            .Should().ThrowExactly<ArgumentNullException>().Which.ParamName.Should().Be("options");
    }

    [Fact]
    public void Error_messages_use_sklearn_wording()
    {
        FluentActions.Invoking(() => DataGenerators.MakeClassification(nClasses: 3, nInformative: 2))
            .Should().Throw<ArgumentException>()
            .WithMessage("n_classes(3) * n_clusters_per_class(2) must be smaller or equal 2**n_informative(2)=4*");
        FluentActions.Invoking(() => DataGenerators.MakeClassification(nFeatures: 3))
            .Should().Throw<ArgumentException>()
            .WithMessage("Number of informative, redundant and repeated features must sum to less than the number of total features*");
        FluentActions.Invoking(() => DataGenerators.MakeClassification(weights: [0.1, 0.2, 0.7]))
            .Should().Throw<ArgumentException>()
            .WithMessage("Weights specified but incompatible with number of classes.*");
    }

    [Fact]
    public void Boundary_values_are_accepted()
    {
        var (x, y) = DataGenerators.MakeClassification(
            nSamples: 1, nFeatures: 1, nInformative: 1, nRedundant: 0, nClasses: 1, nClustersPerClass: 1, flipY: 1.0, randomState: 0);

        x.GetLength(0).Should().Be(1);
        x.GetLength(1).Should().Be(1);
        y.Should().Equal(0);
    }

    [Theory]
    [InlineData(new[] { 0.95, 0.05 })]
    [InlineData(new[] { 0.95 })]
    public void Weights_without_label_noise_give_exact_class_sizes(double[] weights)
    {
        var (_, y) = DataGenerators.MakeClassification(
            nSamples: 10_000, nFeatures: 5, weights: weights, flipY: 0.0, randomState: 11);

        // int(10000 * 0.95 / 2) = 4750 rows per majority cluster, int(10000 * 0.05 / 2) = 250 per minority cluster.
        y.Count(v => v == 0).Should().Be(9_500);
        y.Count(v => v == 1).Should().Be(500);
    }

    [Fact]
    public void Three_class_weights_with_implied_last_give_exact_class_sizes()
    {
        var (_, y) = DataGenerators.MakeClassification(
            nSamples: 1_000, nFeatures: 6, nInformative: 3, nClasses: 3, weights: [0.2, 0.3], flipY: 0.0, randomState: 5);

        y.GroupBy(v => v).OrderBy(g => g.Key).Select(g => g.Count()).Should().Equal(200, 300, 500);
    }

    [Fact]
    public void Label_noise_moves_proportions_by_about_flip_y()
    {
        const int n = 20_000;
        var (_, clean) = DataGenerators.MakeClassification(nSamples: n, nFeatures: 4, weights: [0.95, 0.05], flipY: 0.0, randomState: 21);
        var (_, noisy) = DataGenerators.MakeClassification(nSamples: n, nFeatures: 4, weights: [0.95, 0.05], flipY: 0.1, randomState: 21);

        clean.Count(v => v == 1).Should().Be(1_000);

        // Expected minority share: 0.05 * (1 - 0.1) + 0.1 / 2 = 0.095.
        var share = noisy.Count(v => v == 1) / (double)n;
        share.Should().BeApproximately(0.095, 0.01);
    }

    [Fact]
    public void Remainder_rows_go_to_the_first_clusters_in_order()
    {
        // int(7 * 0.5 / 2) = 1 row per cluster, the 3 left over go to clusters 0, 1, 2: sizes 2, 2, 2, 1 with labels
        // 0, 1, 0, 1.
        var (_, y) = DataGenerators.MakeClassification(nSamples: 7, nFeatures: 4, flipY: 0.0, shuffle: false, randomState: 0);

        y.Should().Equal(0, 0, 1, 1, 0, 0, 1);
    }

    [Fact]
    public void Weights_summing_above_one_cut_the_last_clusters_short()
    {
        // int(10 * 0.6 / 2) = 3 and int(10 * 0.7 / 2) = 3 rows per cluster: 3, 3, 3, 3 -> the last cluster keeps 1.
        var (_, y) = DataGenerators.MakeClassification(
            nSamples: 10, nFeatures: 4, weights: [0.6, 0.7], flipY: 0.0, shuffle: false, randomState: 0);

        y.Should().Equal(0, 0, 0, 1, 1, 1, 0, 0, 0, 1);
    }

    [Fact]
    public void Same_seed_same_data_and_different_seed_different_data()
    {
        var a = DataGenerators.MakeClassification(nSamples: 200, randomState: 1);
        var b = DataGenerators.MakeClassification(nSamples: 200, randomState: 1);
        var c = DataGenerators.MakeClassification(nSamples: 200, randomState: 2);

        b.X.Should().BeEquivalentTo(a.X, o => o.WithStrictOrdering());
        b.Y.Should().Equal(a.Y);
        c.X[0, 0].Should().NotBe(a.X[0, 0]);
    }

    [Fact]
    public void Unseeded_calls_have_the_requested_shape_and_labels()
    {
        var (x, y) = DataGenerators.MakeClassification(nSamples: 300, nFeatures: 7, nInformative: 3, nClasses: 4, nClustersPerClass: 2);
        var (x2, _) = DataGenerators.MakeClassification(nSamples: 300, nFeatures: 7, nInformative: 3, nClasses: 4, nClustersPerClass: 2);

        x.GetLength(0).Should().Be(300);
        x.GetLength(1).Should().Be(7);
        y.Should().HaveCount(300).And.OnlyContain(v => v >= 0 && v < 4);
        x.Cast<double>().Should().OnlyContain(v => double.IsFinite(v));
        x2[0, 0].Should().NotBe(x[0, 0]);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Scalar_shift_and_scale_transform_the_same_draws(bool shuffle)
    {
        var (plain, yPlain) = DataGenerators.MakeClassification(nSamples: 50, nFeatures: 6, shuffle: shuffle, randomState: 8);
        var (moved, yMoved) = DataGenerators.MakeClassification(
            nSamples: 50, nFeatures: 6, shift: 1.25, scale: 3.5, shuffle: shuffle, randomState: 8);

        yMoved.Should().Equal(yPlain);
        for (var i = 0; i < 50; i++)
        {
            for (var j = 0; j < 6; j++)
            {
                moved[i, j].Should().Be((plain[i, j] + 1.25) * 3.5);
            }
        }
    }

    [Fact]
    public void Per_feature_shift_and_scale_apply_column_by_column_before_shuffling()
    {
        double[] shift = [0.5, -1.0, 2.0, 0.0, 4.0];
        double[] scale = [1.0, 10.0, 0.25, 3.0, 2.0];
        var options = new MakeClassificationOptions { NSamples = 40, NFeatures = 5, Shuffle = false, RandomState = 4 };
        var (plain, _) = DataGenerators.MakeClassification(options);
        var (moved, _) = DataGenerators.MakeClassification(options with { Shift = shift, Scale = scale });

        for (var i = 0; i < 40; i++)
        {
            for (var j = 0; j < 5; j++)
            {
                moved[i, j].Should().Be((plain[i, j] + shift[j]) * scale[j]);
            }
        }
    }

    [Fact]
    public void Without_shuffle_repeated_columns_copy_informative_or_redundant_ones()
    {
        var (x, _) = DataGenerators.MakeClassification(
            nSamples: 100, nFeatures: 10, nInformative: 3, nRedundant: 2, nRepeated: 3, shuffle: false, randomState: 6);

        for (var r = 5; r < 8; r++)
        {
            var source = Enumerable.Range(0, 5).Where(s => Enumerable.Range(0, 100).All(i => x[i, s] == x[i, r])).ToList();
            source.Should().ContainSingle($"column {r} repeats exactly one of the first five");
        }

        // The useless columns are fresh normals, equal to none of them.
        Enumerable.Range(0, 100).All(i => x[i, 8] == x[i, 0]).Should().BeFalse();
    }

    [Fact]
    public void Without_shuffle_the_centroids_separate_classes_on_the_informative_columns()
    {
        // One cluster per class, two informative columns, hypercube vertices at +-class_sep: class means differ.
        var (x, y) = DataGenerators.MakeClassification(
            nSamples: 2_000, nFeatures: 2, nInformative: 2, nRedundant: 0, nClustersPerClass: 1, flipY: 0.0,
            classSep: 3.0, shuffle: false, randomState: 12);

        double Mean(int label, int column) =>
            Enumerable.Range(0, 2_000).Where(i => y[i] == label).Average(i => x[i, column]);

        var distance = Math.Sqrt(Math.Pow(Mean(0, 0) - Mean(1, 0), 2) + Math.Pow(Mean(0, 1) - Mean(1, 1), 2));
        distance.Should().BeGreaterThan(4.0, "distinct vertices of a cube of side 6 are at least 6 apart up to sampling noise");
    }

    [Fact]
    public void Large_generation_has_exact_weighted_sizes()
    {
        var (x, y) = DataGenerators.MakeClassification(
            nSamples: 100_000, nFeatures: 20, weights: [0.99], flipY: 0.0, randomState: 0);

        x.GetLength(0).Should().Be(100_000);
        y.Count(v => v == 1).Should().Be(1_000);
        x.Cast<double>().Should().OnlyContain(v => double.IsFinite(v));
    }
}
