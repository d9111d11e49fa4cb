using Imbalance.Sampling;

namespace Imbalance.Tests.Contracts;

/// <summary>
/// The structural contract of one resampling result, for every sampler kind: the class counts the resolved strategy
/// asks for, the documented row layout of the kind, and consistent <see cref="ResampleResult{TLabel}.SampleIndices"/>.
/// </summary>
public static class SamplerInvariants
{
    /// <summary>Checks <paramref name="result"/> of <paramref name="sampler"/> on int labels 0..K-1.</summary>
    public static void Check(SamplerCase sampler, double[,] x, int[] y, ResampleResult<int> result)
    {
        var n = y.Length;
        var d = x.GetLength(1);
        var classCount = y.Max() + 1;
        var because = $"{sampler.Name} must honour the sampler contract";

        result.X.GetLength(0).Should().Be(result.Count, because);
        result.Y.Length.Should().Be(result.Count, because);
        result.X.GetLength(1).Should().Be(d, because);
        MatrixRows.Of(result.X).ToArray().All(double.IsFinite).Should().BeTrue(because + "; no NaN or infinity in the output");
        result.Y.All(label => label >= 0 && label < classCount).Should().BeTrue(because + "; only input labels in the output");

        var resolved = result.ResolvedStrategy;
        resolved.Keys.Should().BeInAscendingOrder(because);
        var before = ContractData.CountsOf(y, classCount);
        // A configuration documented to repeat rows obeys the cleaning rule on its distinct rows.
        var after = sampler.RepeatsRows && result.SampleIndices is { } repeated
            ? ContractData.CountsOf(repeated.Distinct().Select(i => y[i]).ToArray(), classCount)
            : ContractData.CountsOf(result.Y, classCount);
        for (var k = 0; k < classCount; k++)
        {
            CheckClassCount(sampler, k, before[k], resolved.TryGetValue(k, out var t) ? t : null, after[k]);
        }

        switch (sampler.Kind)
        {
            case SamplerKind.Over:
                CheckOverLayout(sampler, x, y, result);
                break;
            case SamplerKind.Under:
                CheckUnderLayout(sampler, x, y, result);
                break;
            case SamplerKind.Cleaning:
                CheckCleaningLayout(sampler, y, result);
                break;
            case SamplerKind.Combined:
                break;
        }

        CheckSampleIndices(sampler, x, y, result, n);
    }

    private static void CheckClassCount(SamplerCase sampler, int label, int before, int? target, int after)
    {
        var because = $"{sampler.Name} ({sampler.Kind}) resolved class {label} to {target?.ToString() ?? "untargeted"} with {before} rows and produced {after}";
        if (target is not { } goal)
        {
            if (sampler.Kind == SamplerKind.Combined || sampler.Reresolves)
            {
                // The cleaning step of a combined sampler may clean every class.
                after.Should().BeInRange(0, before, because);
            }
            else
            {
                after.Should().Be(before, because + "; untargeted classes are left alone");
            }

            return;
        }

        var measured = sampler.Kind == SamplerKind.Over ? after - before : after;
        if (sampler.Relaxation is { } relaxation)
        {
            relaxation.AcceptsCount(before, goal, measured).Should().BeTrue(because + "; relaxation: " + relaxation.Reason);
            return;
        }

        switch (sampler.Kind)
        {
            case SamplerKind.Over:
                (after - before).Should().Be(goal, because + "; an over-sampler adds exactly the resolved count");
                break;
            case SamplerKind.Under:
                after.Should().Be(goal, because + "; an under-sampler keeps exactly the resolved count");
                break;
            case SamplerKind.Cleaning:
                after.Should().BeInRange(0, before, because + "; a cleaning sampler never grows a class");
                break;
            case SamplerKind.Combined:
                after.Should().BeInRange(0, before + goal, because + "; over-sampling then cleaning cannot exceed the over-sampled size");
                break;
        }
    }

    private static void CheckOverLayout(SamplerCase sampler, double[,] x, int[] y, ResampleResult<int> result)
    {
        var n = y.Length;
        for (var i = 0; i < n; i++)
        {
            if (!ContractData.RowBitEqual(result.X, i, x, i) || result.Y[i] != y[i])
            {
                throw new Xunit.Sdk.XunitException($"{sampler.Name}: output row {i} is not input row {i}; an over-sampler keeps the original rows first, in order.");
            }
        }

        var appended = result.Y.Skip(n).ToArray();
        appended.Should().BeInAscendingOrder($"{sampler.Name} appends the new rows class by class in sorted label order");
        appended.All(label => result.ResolvedStrategy.ContainsKey(label)).Should().BeTrue($"{sampler.Name} only adds rows to targeted classes");
    }

    private static void CheckUnderLayout(SamplerCase sampler, double[,] x, int[] y, ResampleResult<int> result)
    {
        result.Y.Should().BeInAscendingOrder($"{sampler.Name} groups its output by class in sorted label order");
        for (var k = 0; k <= y.Max(); k++)
        {
            if (result.ResolvedStrategy.ContainsKey(k))
            {
                continue;
            }

            var input = Enumerable.Range(0, y.Length).Where(i => y[i] == k).ToArray();
            var output = Enumerable.Range(0, result.Count).Where(i => result.Y[i] == k).ToArray();
            output.Length.Should().Be(input.Length);
            for (var r = 0; r < input.Length; r++)
            {
                ContractData.RowBitEqual(result.X, output[r], x, input[r]).Should().BeTrue(
                    $"{sampler.Name} keeps every row of untargeted class {k} in its original order (row {r} of the class)");
            }
        }
    }

    private static void CheckCleaningLayout(SamplerCase sampler, int[] y, ResampleResult<int> result)
    {
        result.SampleIndices.Should().NotBeNull($"{sampler.Name} selects rows, so it reports sample_indices_ like imblearn's cleaning samplers");
        if (!sampler.RepeatsRows)
        {
            result.SampleIndices.Should().OnlyHaveUniqueItems($"{sampler.Name} removes rows and never repeats one");
        }
        var kept = result.SampleIndices!.ToHashSet();
        for (var i = 0; i < y.Length; i++)
        {
            if (!sampler.Reresolves && !result.ResolvedStrategy.ContainsKey(y[i]) && !kept.Contains(i))
            {
                throw new Xunit.Sdk.XunitException($"{sampler.Name} removed row {i} of untargeted class {y[i]}.");
            }
        }
    }

    private static void CheckSampleIndices(SamplerCase sampler, double[,] x, int[] y, ResampleResult<int> result, int n)
    {
        if (result.SampleIndices is not { } indices)
        {
            return;
        }

        indices.Length.Should().Be(result.Count, $"{sampler.Name} reports one source row per output row");
        indices.All(i => i >= 0 && i < n).Should().BeTrue($"{sampler.Name} reports source rows of the input");
        if (sampler.Kind == SamplerKind.Over)
        {
            indices.Take(n).Should().Equal(Enumerable.Range(0, n), $"{sampler.Name} keeps the original rows first");
        }

        for (var r = 0; r < indices.Length; r++)
        {
            if (result.Y[r] != y[indices[r]])
            {
                throw new Xunit.Sdk.XunitException($"{sampler.Name}: output row {r} has label {result.Y[r]} but its source row {indices[r]} has {y[indices[r]]}.");
            }

            if (!sampler.IndicesArePerturbedSources && !ContractData.RowBitEqual(result.X, r, x, indices[r]))
            {
                throw new Xunit.Sdk.XunitException($"{sampler.Name}: output row {r} differs from its source row {indices[r]}.");
            }
        }
    }
}
