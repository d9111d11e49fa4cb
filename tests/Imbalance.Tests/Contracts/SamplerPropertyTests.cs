using Imbalance.OverSampling;
using Imbalance.Sampling;

namespace Imbalance.Tests.Contracts;

/// <summary>
/// Property-based checks of every sampler in <see cref="SamplerRegistry"/> (found by reflection) on random small data
/// sets (<see cref="PropertyRecipe"/>: 2..300 rows, 1..20 features, integer features with many exact ties, duplicated
/// rows, extreme imbalance, equal class counts) with random valid parameters (<see cref="PropertyParameters"/>).
/// </summary>
/// <remarks>
/// <para>Invariants, for every case: the sampler either returns or throws an <see cref="ArgumentException"/> naming a
/// parameter (the only documented failure on valid-looking data, e.g. more neighbours than rows); the input is not
/// modified; the result honours <see cref="SamplerInvariants"/> (class counts as <c>ResolvedStrategy</c> says for the
/// kind, selected rows equal the input rows at <c>SampleIndices</c>, no NaN or infinity); every synthetic row lies
/// on the segment between the two rows its <c>Provenance</c> names; the same seed gives the same output.</para>
/// <para>The normal run checks <see cref="NormalIterations"/> reproducible cases per sampler; set
/// <c>IMBALANCE_PROPERTY_ITERATIONS</c> (e.g. 5000) for a long run. A failure is shrunk by CsCheck.</para>
/// </remarks>
public class SamplerPropertyTests
{
    /// <summary>Cases per sampler in the normal test run.</summary>
    public const int NormalIterations = 150;

    /// <summary>
    /// Fewer cases in the normal run for the samplers that fit a model per case (100 trees in 5 folds for instance
    /// hardness, k-means for cluster centroids), so the whole suite stays well under a minute; the long run
    /// (<c>IMBALANCE_PROPERTY_ITERATIONS</c>) runs them as often as every other sampler.
    /// </summary>
    private static readonly Dictionary<string, int> SlowCases = new(StringComparer.Ordinal)
    {
        ["InstanceHardnessThreshold"] = 25,
        ["ClusterCentroids"] = 40,
    };

    public static TheoryData<string> Cases => SamplerRegistry.CaseNames;

    [Theory]
    [MemberData(nameof(Cases))]
    public void Random_data_and_parameters_keep_every_invariant(string name)
    {
        var c = SamplerRegistry.Get(name);

        var ran = PropertyRunner.Run(PropertyRecipe.Gen, recipe => Check(c, recipe), "sampler:" + name, PropertyRunner.Iterations(SlowCases.GetValueOrDefault(c.Type.Name, NormalIterations)), recipe => Describe(c, recipe));

        ran.Should().BePositive();
    }

    /// <summary>One case: every invariant, or a named <see cref="ArgumentException"/>.</summary>
    internal static void Check(SamplerCase c, PropertyRecipe recipe)
    {
        var (x, y) = recipe.Build();
        var xCopy = TestData.Copy(x);
        var (sampler, description) = PropertyParameters.Build(c, recipe.Seed % 1000, recipe.ParameterSeed, y, recipe.Features);
        ResampleResult<int> result;
        try
        {
            result = sampler.FitResample(x, y);
        }
        catch (ArgumentException e) when (!string.IsNullOrEmpty(e.ParamName))
        {
            ContractData.BitEqual(x, xCopy).Should().BeTrue($"{description} must not modify X even when it rejects it");
            return;
        }
        catch (Exception e)
        {
            throw new Xunit.Sdk.XunitException($"{description} threw {e.GetType().Name}, not a named ArgumentException: {e}");
        }

        ContractData.BitEqual(x, xCopy).Should().BeTrue($"{description} must not modify X");
        SamplerInvariants.Check(c, x, y, result);
        CheckSyntheticRowsLieOnTheirSegment(description, sampler, x, y, result);

        var again = PropertyParameters.Build(c, recipe.Seed % 1000, recipe.ParameterSeed, y, recipe.Features).Sampler.FitResample(x, y);
        ContractData.BitEqual(again.X, result.X).Should().BeTrue($"{description}: the same seed gives the same rows");
        again.Y.Should().Equal(result.Y, $"{description}: the same seed gives the same labels");
        (again.SampleIndices ?? []).Should().Equal(result.SampleIndices ?? [], $"{description}: the same seed gives the same indices");
    }

    /// <summary>
    /// Every synthetic row is rebuilt bit for bit from the rows its provenance names, with a step in [0, 1] (or,
    /// for SVM-SMOTE's extrapolation, in [-1, 0]); SMOTE-NC's categorical features and SMOTE-N's votes are values the
    /// input holds in that column.
    /// </summary>
    private static void CheckSyntheticRowsLieOnTheirSegment(string description, ISampler sampler, double[,] x, int[] y, ResampleResult<int> result)
    {
        if (result.Provenance is not { } p)
        {
            return;
        }

        var d = x.GetLength(1);
        var categorical = sampler is SmoteNc nc ? nc.CategoricalFeatures!.Resolve(d, "CategoricalFeatures").ToHashSet() : [];
        p.FirstRow.Should().Be(y.Length, description);
        p.Count.Should().Be(result.Count - y.Length, description);
        for (var i = 0; i < p.Count; i++)
        {
            var row = p.FirstRow + i;
            var b = p.BaseIndices[i];
            var nb = p.NeighborIndices[i];
            y[b].Should().Be(result.Y[row], $"{description}: synthetic row {row} is built around a row of its class");
            for (var j = 0; j < d; j++)
            {
                if (nb < 0 || categorical.Contains(j))
                {
                    var column = Enumerable.Range(0, y.Length).Select(r => x[r, j]);
                    column.Should().Contain(result.X[row, j], $"{description}: voted feature {j} of synthetic row {row} is a value of the input");
                    continue;
                }

                var step = p.Steps[i];
                var extrapolates = sampler is SvmSmote && step < 0;
                if (!(extrapolates ? step >= -1.0 : step is >= 0.0 and <= 1.0))
                {
                    throw new Xunit.Sdk.XunitException($"{description}: synthetic row {row} has step {step}.");
                }

                var expected = x[b, j] + (step * (x[nb, j] - x[b, j]));
                if (BitConverter.DoubleToInt64Bits(result.X[row, j]) != BitConverter.DoubleToInt64Bits(expected))
                {
                    throw new Xunit.Sdk.XunitException(
                        $"{description}: synthetic row {row}, feature {j} is {result.X[row, j]:R}, not x[{b}] + {step:R} * (x[{nb}] - x[{b}]) = {expected:R}.");
                }
            }
        }
    }

    private static string Describe(SamplerCase c, PropertyRecipe recipe)
    {
        try
        {
            var (_, y) = recipe.Build();
            return recipe + " -> " + PropertyParameters.Build(c, recipe.Seed % 1000, recipe.ParameterSeed, y, recipe.Features).Description;
        }
        catch (Exception e)
        {
            return recipe + " (parameters could not be built: " + e.Message + ")";
        }
    }
}
