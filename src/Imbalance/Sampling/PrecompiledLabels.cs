namespace Imbalance.Sampling;

/// <summary>
/// Names the label types users pass most, so that the package's ReadyToRun images (build/ReadyToRun.targets) carry
/// precompiled code for <see cref="Sampler.FitResample{TLabel}(double[,], IReadOnlyList{TLabel}, CancellationToken)"/>
/// and the generic plumbing under it (label encoder, strategy dictionary, result) for each of them.
/// </summary>
/// <remarks>
/// crossgen2 compiles a generic method for the instantiations it can see in the library's own code. The caller's
/// instantiation (<c>FitResample&lt;int&gt;</c> from the user's program) is not visible to it, so without these
/// calls the first <c>FitResample</c> of a process JIT-compiles that plumbing. Reference-type labels share one
/// compiled body (<see cref="string"/> stands for all of them); value-type labels need one each. Never called.
/// </remarks>
internal static class PrecompiledLabels
{
    /// <summary>Calls each rooted instantiation; exists only to be compiled.</summary>
    internal static void Root(Sampler sampler, double[,] x, CancellationToken cancellationToken)
    {
        _ = sampler.FitResample(x, Array.Empty<int>(), cancellationToken);
        _ = sampler.FitResample(x, Array.Empty<long>(), cancellationToken);
        _ = sampler.FitResample(x, Array.Empty<bool>(), cancellationToken);
        _ = sampler.FitResample(x, Array.Empty<double>(), cancellationToken);
        _ = sampler.FitResample(x, Array.Empty<string>(), cancellationToken);
        _ = sampler.FitResample(x, Array.Empty<int>(), null, cancellationToken);
        _ = sampler.FitResample(x, Array.Empty<long>(), null, cancellationToken);
        _ = sampler.FitResample(x, Array.Empty<bool>(), null, cancellationToken);
        _ = sampler.FitResample(x, Array.Empty<double>(), null, cancellationToken);
        _ = sampler.FitResample(x, Array.Empty<string>(), null, cancellationToken);
    }
}
