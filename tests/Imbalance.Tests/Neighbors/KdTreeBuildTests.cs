using Imbalance.Neighbors;
using Imbalance.Randomness;

namespace Imbalance.Tests.Neighbors;

/// <summary>
/// The KD-tree's construction (feature-major columns, branch-free three-way quickselect, large subtrees on their own
/// threads) and the seeded blocked search: the median selection (then a stable partition) is a correct selection on duplicate-heavy and sorted
/// columns, and trees built with one or two threads, over the parallel-build threshold, answer exactly the brute-force
/// reference (indices, order and distances bit for bit) on ties and duplicates; fitted rows queried by index answer
/// exactly as a copy of them does.
/// </summary>
public class KdTreeBuildTests
{
    public static TheoryData<string> Columns() => new() { "gaussian", "few-values", "constant", "sorted", "reversed", "organ-pipe" };

    [Theory]
    [MemberData(nameof(Columns))]
    public void Select_puts_the_nth_value_in_place_with_no_larger_before_and_no_smaller_after(string shape)
    {
        var rng = new RandomState(11);
        foreach (var m in new[] { 1, 2, 3, 16, 17, 18, 100, 1000, 5001 })
        {
            var original = new double[m];
            for (var i = 0; i < m; i++)
            {
                original[i] = shape switch
                {
                    "gaussian" => rng.StandardNormal(),
                    "few-values" => rng.RandInt(0, 3),
                    "constant" => 2.5,
                    "sorted" => i,
                    "reversed" => m - i,
                    _ => Math.Min(i, m - i),
                };
            }

            var sorted = original.Order().ToArray();
            foreach (var nth in new[] { 0, m / 2, m - 1, rng.RandInt(0, m) })
            {
                var keys = (double[])original.Clone();
                KdTree.Select(keys, nth).Should().Be(sorted[nth], $"{shape} m={m} nth={nth}");
                keys[nth].Should().Be(sorted[nth]);
                var value = keys[nth];
                keys.Take(nth).All(v => v <= value).Should().BeTrue("no larger value comes before the nth");
                keys.Skip(nth + 1).All(v => v >= value).Should().BeTrue("no smaller value comes after the nth");
                keys.Order().Should().Equal(sorted, "the keys are only reordered");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Columns))]
    public void Narrow_and_wide_min_max_return_the_same_bits_as_a_scalar_scan(string shape)
    {
        // Trees of fewer than KdTree.WideMinMaxRows rows take the precompiled Vector256 MinMaxNarrow, larger ones the
        // JIT'd Vector512 MinMaxWide: both must give exactly the bits of a scalar Math.Min / Math.Max scan, signed zeros
        // included, for every length around the vector widths.
        var rng = new RandomState(23);
        var lengths = new List<int> { 0, 1, 2, 3, 4, 5, 7, 8, 9, 15, 16, 17, 31, 32, 33, 100, 1000, 1001 };
        lengths.AddRange(new[] { 4095, 4096, 4099 });
        foreach (var m in lengths)
        {
            for (var trial = 0; trial < 4; trial++)
            {
                var values = new double[m];
                for (var i = 0; i < m; i++)
                {
                    values[i] = shape switch
                    {
                        "gaussian" => rng.StandardNormal(),
                        "few-values" => trial % 2 == 0 ? rng.RandInt(-1, 2) * 0.0 * (rng.RandInt(0, 2) == 0 ? -1.0 : 1.0) : rng.RandInt(0, 3),
                        "constant" => trial % 2 == 0 ? -0.0 : 2.5,
                        "sorted" => i,
                        "reversed" => m - i,
                        _ => Math.Min(i, m - i),
                    };
                }

                if (m > 0 && trial == 3)
                {
                    // A lone extreme at a random position (first lane, tail, anywhere).
                    values[rng.RandInt(0, m)] = -1e300;
                    values[rng.RandInt(0, m)] = 1e300;
                }

                var original = (double[])values.Clone();
                var min = double.PositiveInfinity;
                var max = double.NegativeInfinity;
                foreach (var v in values)
                {
                    min = Math.Min(min, v);
                    max = Math.Max(max, v);
                }

                var narrow = KdTree.MinMaxNarrow(values);
                var wide = KdTree.MinMaxWide(values);
                BitConverter.DoubleToInt64Bits(narrow.Min).Should().Be(BitConverter.DoubleToInt64Bits(min), $"{shape} m={m} trial={trial} narrow min");
                BitConverter.DoubleToInt64Bits(narrow.Max).Should().Be(BitConverter.DoubleToInt64Bits(max), $"{shape} m={m} trial={trial} narrow max");
                BitConverter.DoubleToInt64Bits(wide.Min).Should().Be(BitConverter.DoubleToInt64Bits(min), $"{shape} m={m} trial={trial} wide min");
                BitConverter.DoubleToInt64Bits(wide.Max).Should().Be(BitConverter.DoubleToInt64Bits(max), $"{shape} m={m} trial={trial} wide max");
                values.Should().Equal(original, "the input is never written to");
            }
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(10)]
    public void Built_trees_are_well_formed_on_ties_duplicates_and_tiny_inputs(int d)
    {
        // The search is exact on any tree, so only a structural check catches a malformed one (it would be slow).
        var rng = new RandomState(80 + d);
        foreach (var n in new[] { 0, 1, 2, 3, 31, 64, 65, 1000, 5000 })
        {
            foreach (var few in new[] { false, true })
            {
                var x = new double[n * d];
                for (var i = 0; i < x.Length; i++)
                {
                    x[i] = few ? rng.RandInt(0, 3) : rng.StandardNormal();
                }

                foreach (var leafSize in new[] { 1, 2, 5, 30 })
                {
                    new KdTree(x, n, d, DistanceMetric.Euclidean, leafSize).Validate().Should().BeNull($"n={n} d={d} few={few} leaf={leafSize}");
                }
            }
        }
    }

    [Theory]
    [InlineData(2, 40000, "grid")]
    [InlineData(3, 36000, "duplicates")]
    [InlineData(5, 33000, "gaussian")]
    public void Trees_built_in_parallel_answer_exactly_the_brute_force_reference(int d, int n, string kind)
    {
        var rng = new RandomState(40 + d);
        var x = new double[n * d];
        for (var i = 0; i < x.Length; i++)
        {
            x[i] = kind == "gaussian" ? rng.StandardNormal() : rng.RandInt(0, 12);
        }

        if (kind == "duplicates")
        {
            for (var i = 100; i < n; i++)
            {
                Array.Copy(x, rng.RandInt(0, 100) * d, x, i * d, d);
            }
        }

        // Queries: every 199th fitted row (97th in the long run; self matches, duplicates) and fresh rows near the data.
        var picks = Enumerable.Range(0, n).Where(i => i % LongRuns.Pick(199, 97) == 0).ToArray();
        var m = picks.Length + 60;
        var q = new double[m * d];
        for (var j = 0; j < picks.Length; j++)
        {
            Array.Copy(x, picks[j] * d, q, j * d, d);
        }

        for (var i = picks.Length * d; i < q.Length; i++)
        {
            q[i] = kind == "gaussian" ? rng.StandardNormal() : rng.RandInt(0, 12) + 0.5;
        }

        foreach (var metric in new[] { DistanceMetric.Euclidean, DistanceMetric.Manhattan, DistanceMetric.Chebyshev })
        {
            var serial = new KdTree(x, n, d, metric, 30, maxDegreeOfParallelism: 1);
            var parallel = new KdTree(x, n, d, metric, 30, maxDegreeOfParallelism: 2);
            serial.Validate().Should().BeNull();
            parallel.Validate().Should().BeNull();
            const int kMax = 9;
            var (allIndices, allDistances) = Reference(x, n, q, m, d, kMax, metric);
            foreach (var k in new[] { 1, 2, 4, 8, kMax })
            {
                var ri = Enumerable.Range(0, m * k).Select(p => allIndices[((p / k) * kMax) + (p % k)]).ToArray();
                var rd = Enumerable.Range(0, m * k).Select(p => allDistances[((p / k) * kMax) + (p % k)]).ToArray();
                foreach (var tree in new[] { serial, parallel })
                {
                    var indices = new int[m * k];
                    var distances = new double[m * k];
                    tree.SearchBlocked(new RowSource(q, m, d), k, indices, distances, 2, CancellationToken.None);
                    indices.Should().Equal(ri, $"{kind} d={d} k={k} {metric}");
                    distances.Should().Equal(rd, $"{kind} d={d} k={k} {metric}");
                }
            }
        }
    }

    [Theory]
    [InlineData(3, 1.0)]
    [InlineData(2, 1.0)]
    [InlineData(7, 1.0)]
    [InlineData(3, 1e200)]
    public void Querying_fitted_rows_by_index_equals_querying_a_copy_of_them(int d, double magnitude)
    {
        // The path of the edited-nearest-neighbour family: some fitted rows (any order, repeats allowed) asked for
        // their neighbours by index instead of by a copy. Grids and duplicates give exact ties; 1e200 takes the
        // rescaled path; Minkowski p = 3 and brute force take the copying fallback.
        var rng = new RandomState(60 + d);
        foreach (var n in LongRuns.Pick(new[] { 1, 5, 40, 300, 900 }, new[] { 1, 5, 40, 700, 2500 }))
        {
            var x = new double[n, d];
            for (var i = 0; i < n; i++)
            {
                for (var t = 0; t < d; t++)
                {
                    x[i, t] = (i % 3 == 0 ? rng.RandInt(0, 4) : rng.StandardNormal()) * magnitude;
                }
            }

            for (var i = 5; i < n; i += 7)
            {
                for (var t = 0; t < d; t++)
                {
                    x[i, t] = x[i - 5, t];
                }
            }

            var rows = Enumerable.Range(0, n).Where(_ => rng.RandInt(0, 3) != 0).Concat(new[] { n - 1, 0, n - 1 }).ToArray();
            var flat = new double[rows.Length * d];
            for (var q = 0; q < rows.Length; q++)
            {
                for (var t = 0; t < d; t++)
                {
                    flat[(q * d) + t] = x[rows[q], t];
                }
            }

            foreach (var (algorithm, metric) in new[]
            {
                (NeighborsAlgorithm.KdTree, DistanceMetric.Euclidean),
                (NeighborsAlgorithm.KdTree, DistanceMetric.Manhattan),
                (NeighborsAlgorithm.KdTree, DistanceMetric.Chebyshev),
                (NeighborsAlgorithm.KdTree, DistanceMetric.Minkowski(3)),
                (NeighborsAlgorithm.Brute, DistanceMetric.Euclidean),
            })
            {
                foreach (var k in new[] { 1, 2, 4, 6, 20 }.Where(k => k <= n))
                {
                    var index = new NearestNeighbors { NNeighbors = k, Algorithm = algorithm, Metric = metric, LeafSize = 1 + rng.RandInt(0, 30) }.Fit(x);
                    var viaCopy = index.KNeighbors(flat, rows.Length, k);
                    var viaIndex = index.KNeighborsOfFitted(rows, k);
                    viaIndex.AllIndices.ToArray().Should().Equal(viaCopy.AllIndices.ToArray(), $"n={n} d={d} k={k} {algorithm} {metric}");
                    viaIndex.AllDistances.ToArray().Should().Equal(viaCopy.AllDistances.ToArray(), $"n={n} d={d} k={k} {algorithm} {metric}");
                }
            }
        }
    }

    /// <summary>The specification, by a scalar scan: the k smallest (direct-sum distance, index) pairs.</summary>
    private static (int[] Indices, double[] Distances) Reference(double[] x, int n, double[] q, int m, int d, int k, DistanceMetric metric)
    {
        var indices = new int[m * k];
        var distances = new double[m * k];
        var best = new (double R, int J)[k];
        for (var i = 0; i < m; i++)
        {
            Array.Fill(best, (double.PositiveInfinity, int.MaxValue));
            for (var j = 0; j < n; j++)
            {
                var r = 0.0;
                for (var t = 0; t < d; t++)
                {
                    var diff = Math.Abs(q[(i * d) + t] - x[(j * d) + t]);
                    r = metric.Name switch
                    {
                        "euclidean" => r + (diff * diff),
                        "manhattan" => r + diff,
                        _ => Math.Max(r, diff),
                    };
                }

                // Insert (r, j) into the sorted list when it comes before the last entry (lower index wins ties).
                var p = k - 1;
                if (r < best[p].R || (r == best[p].R && j < best[p].J))
                {
                    while (p > 0 && (r < best[p - 1].R || (r == best[p - 1].R && j < best[p - 1].J)))
                    {
                        best[p] = best[p - 1];
                        p--;
                    }

                    best[p] = (r, j);
                }
            }

            for (var j = 0; j < k; j++)
            {
                indices[(i * k) + j] = best[j].J;
                distances[(i * k) + j] = metric.Name == "euclidean" ? Math.Sqrt(best[j].R) : best[j].R;
            }
        }

        return (indices, distances);
    }
}
