namespace Imbalance.Diagnostics;

/// <summary>
/// A warning returned as data: what scikit-learn or imblearn would report with <c>warnings.warn</c>
/// (<c>ConvergenceWarning</c>, <c>UndefinedMetricWarning</c>, ...) is listed in the <c>Warnings</c> of the model or
/// result it concerns. The library writes nothing to the console and keeps no global state; a pipeline, a
/// cross-validation or a meta-estimator collects the warnings of its steps.
/// </summary>
/// <remarks>Immutable; compares by value.</remarks>
public sealed record Diagnostic
{
    /// <summary>Creates a diagnostic.</summary>
    /// <param name="kind">What happened.</param>
    /// <param name="source">Who reported it: a type name such as <c>"LogisticRegression"</c>, prefixed with the
    /// pipeline step or fold that collected it (<c>"fold 2/logisticregression/LogisticRegression"</c>).</param>
    /// <param name="message">What happened and what to do, naming parameters as the caller writes them.</param>
    /// <exception cref="ArgumentException"><paramref name="source"/> or <paramref name="message"/> is null or empty.</exception>
    public Diagnostic(DiagnosticKind kind, string source, string message)
    {
        ArgumentException.ThrowIfNullOrEmpty(source);
        ArgumentException.ThrowIfNullOrEmpty(message);
        Kind = kind;
        Source = source;
        Message = message;
    }

    /// <summary>What happened (the kind of scikit-learn warning).</summary>
    public DiagnosticKind Kind { get; }

    /// <summary>Who reported it, outermost collector first, separated by <c>/</c>.</summary>
    public string Source { get; }

    /// <summary>The explanation.</summary>
    public string Message { get; }

    /// <summary><c>"Source: Message"</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => $"{Source}: {Message}";

    /// <summary>The same diagnostic as seen from a collector (a pipeline step, a fold).</summary>
    internal Diagnostic Within(string collector) => new(Kind, collector + "/" + Source, Message);

    /// <summary>Every diagnostic of <paramref name="diagnostics"/> seen from <paramref name="collector"/>.</summary>
    internal static Diagnostic[] Within(string collector, IEnumerable<Diagnostic> diagnostics) =>
        diagnostics.Select(d => d.Within(collector)).ToArray();
}
