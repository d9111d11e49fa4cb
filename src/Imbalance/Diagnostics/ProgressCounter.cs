namespace Imbalance.Diagnostics;

/// <summary>Counts finished units of a long call and reports each to an optional progress sink; thread-safe.</summary>
internal sealed class ProgressCounter(IProgress<ProgressReport>? progress, string source, int total)
{
    private int _completed;

    /// <summary>Marks one unit finished and reports it.</summary>
    public void Step()
    {
        if (progress is null)
        {
            return;
        }

        var completed = Interlocked.Increment(ref _completed);
        progress.Report(new ProgressReport(source, completed, total));
    }
}
