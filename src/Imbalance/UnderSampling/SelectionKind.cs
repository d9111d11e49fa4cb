namespace Imbalance.UnderSampling;

/// <summary>
/// How the edited-nearest-neighbour rule decides that a sample disagrees with its neighbourhood (imblearn's
/// <c>kind_sel</c>).
/// </summary>
public enum SelectionKind
{
    /// <summary>
    /// imblearn's <c>"all"</c> (the default): a sample is kept only if all of its neighbours belong to its class, so
    /// more samples are removed than with <see cref="Mode"/>.
    /// </summary>
    All,

    /// <summary>
    /// imblearn's <c>"mode"</c>: a sample is kept if the most common class among its neighbours (ties go to the
    /// smallest label, as <c>scipy.stats.mode</c>) is its own class.
    /// </summary>
    Mode,
}
