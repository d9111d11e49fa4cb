using Imbalance.Randomness;
using Imbalance.Sampling;

namespace Imbalance.Tests.Sampling;

/// <summary>
/// The class index's two builds (one branch-free pass per class up to <see cref="ClassIndex.PerClassScanLimit"/>
/// classes, count-then-fill above) give every class its rows in ascending order, the counts, majority and minority of
/// a plain reference, on random, sorted, single-class and empty-class codes.
/// </summary>
public class ClassIndexScanTests
{
    public static TheoryData<int, int, int> Cases()
    {
        var data = new TheoryData<int, int, int>();
        var seed = 0;
        foreach (var classes in new[] { 1, 2, 3, 7, 8, 9, 12 })
        {
            foreach (var n in new[] { 0, 1, 2, 17, 1000 })
            {
                data.Add(classes, n, seed++);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Positions_counts_and_extremes_equal_a_plain_reference(int classCount, int n, int seed)
    {
        var rng = new RandomState(seed);
        var random = n == 0 ? [] : rng.RandInt(0, classCount, n);
        var skewed = Enumerable.Range(0, n).Select(i => rng.RandomSample() < 0.95 ? 0 : classCount - 1).ToArray();
        var sorted = random.Order().ToArray();
        var missingMiddle = random.Select(c => c == classCount / 2 && classCount > 2 ? 0 : c).ToArray();
        foreach (var codes in new[] { random, skewed, sorted, missingMiddle })
        {
            var index = new ClassIndex(codes, classCount);
            index.ClassCount.Should().Be(classCount);
            index.SampleCount.Should().Be(n);
            index.Codes.Should().BeSameAs(codes);
            var counts = new int[classCount];
            for (var c = 0; c < classCount; c++)
            {
                var expected = Enumerable.Range(0, n).Where(i => codes[i] == c).ToArray();
                index.Positions(c).ToArray().Should().Equal(expected, $"class {c} of {classCount}, n={n}");
                counts[c] = expected.Length;
            }

            index.Counts.Should().Equal(counts);
            ClassIndex.CountCodes(codes, classCount).Should().Equal(counts);
            index.Majority.Should().Be(Array.IndexOf(counts, counts.Max()));
            index.Minority.Should().Be(Array.IndexOf(counts, counts.Min()));
        }
    }
}
