using CsCheck;
using Imbalance.Randomness;

namespace Imbalance.Tests.Contracts;

/// <summary>How the class sizes of a random data set are drawn.</summary>
public enum ClassSizes
{
    /// <summary>Random cut points.</summary>
    Random,

    /// <summary>As equal as the row count allows.</summary>
    Equal,

    /// <summary>One large class, the others of 1 to 3 rows.</summary>
    Extreme,
}

/// <summary>How the feature values of a random data set are drawn.</summary>
public enum FeatureValues
{
    /// <summary>Integers 0..3: many exact ties and duplicate rows.</summary>
    TinyIntegers,

    /// <summary>Integers 0..49.</summary>
    Integers,

    /// <summary>Continuous values (standard normal plus a class offset).</summary>
    Continuous,
}

/// <summary>
/// The recipe of one random data set of the property suite: every field shrinks towards a smaller, simpler data
/// set, and the rows themselves are drawn from <see cref="Seed"/> with the NumPy-compatible generator, so a failing
/// recipe printed by CsCheck rebuilds the same data anywhere.
/// </summary>
/// <param name="Rows">Rows, 2..300.</param>
/// <param name="Features">Features, 1..20.</param>
/// <param name="Classes">Classes, 2..4 (at most <paramref name="Rows"/>).</param>
/// <param name="Sizes">How the class sizes are drawn.</param>
/// <param name="Values">How the feature values are drawn.</param>
/// <param name="Duplicates">Percentage of rows overwritten with a copy of another row.</param>
/// <param name="Seed">Seed of the values, the class sizes and the label order.</param>
/// <param name="ParameterSeed">Seed of the sampler parameters and strategy.</param>
public sealed record PropertyRecipe(int Rows, int Features, int Classes, ClassSizes Sizes, FeatureValues Values, int Duplicates, int Seed, int ParameterSeed)
{
    /// <summary>Recipes skewed towards small data (most cases have under 40 rows and 5 features).</summary>
    public static Gen<PropertyRecipe> Gen { get; } =
        from rows in CsCheck.Gen.Frequency((6, CsCheck.Gen.Int[2, 40]), (3, CsCheck.Gen.Int[41, 120]), (1, CsCheck.Gen.Int[121, 300]))
        from features in CsCheck.Gen.Frequency((4, CsCheck.Gen.Int[1, 5]), (1, CsCheck.Gen.Int[6, 20]))
        from classes in CsCheck.Gen.Int[2, 4]
        from sizes in CsCheck.Gen.Enum<ClassSizes>()
        from values in CsCheck.Gen.Enum<FeatureValues>()
        from duplicates in CsCheck.Gen.Frequency((2, CsCheck.Gen.Const(0)), (1, CsCheck.Gen.Int[1, 60]))
        from seed in CsCheck.Gen.Int[0, 1_000_000]
        from parameterSeed in CsCheck.Gen.Int[0, 1_000_000]
        select new PropertyRecipe(rows, features, Math.Min(classes, rows), sizes, values, duplicates, seed, parameterSeed);

    /// <summary>Builds the data set: labels 0..Classes-1, every class present, shuffled.</summary>
    public (double[,] X, int[] Y) Build()
    {
        var rng = new RandomState(Seed);
        var counts = ClassCounts(rng);
        var y = new int[Rows];
        var at = 0;
        for (var c = 0; c < counts.Length; c++)
        {
            for (var i = 0; i < counts[c]; i++)
            {
                y[at++] = c;
            }
        }

        rng.Shuffle(y.AsSpan());
        var x = new double[Rows, Features];
        for (var i = 0; i < Rows; i++)
        {
            for (var j = 0; j < Features; j++)
            {
                x[i, j] = Values switch
                {
                    FeatureValues.TinyIntegers => rng.RandInt(0, 4),
                    FeatureValues.Integers => rng.RandInt(0, 50) + (5 * y[i]),
                    _ => rng.StandardNormal() + (1.5 * y[i]),
                };
            }
        }

        var copies = Rows * Duplicates / 100;
        for (var c = 0; c < copies; c++)
        {
            var to = rng.RandInt(0, Rows);
            var from = rng.RandInt(0, Rows);
            for (var j = 0; j < Features; j++)
            {
                x[to, j] = x[from, j];
            }
        }

        return (x, y);
    }

    private int[] ClassCounts(RandomState rng)
    {
        var counts = new int[Classes];
        switch (Sizes)
        {
            case ClassSizes.Equal:
                for (var c = 0; c < Classes; c++)
                {
                    counts[c] = (Rows / Classes) + (c < Rows % Classes ? 1 : 0);
                }

                break;
            case ClassSizes.Extreme:
                var rest = Rows;
                for (var c = 1; c < Classes; c++)
                {
                    counts[c] = Math.Min(1 + rng.RandInt(0, 3), rest - (Classes - c));
                    rest -= counts[c];
                }

                counts[0] = rest;
                break;
            default:
                counts.AsSpan().Fill(1);
                for (var i = Classes; i < Rows; i++)
                {
                    counts[rng.RandInt(0, Classes)]++;
                }

                break;
        }

        return counts;
    }
}
