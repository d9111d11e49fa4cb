namespace Imbalance.UnderSampling;

/// <summary>How <see cref="ClusterCentroids"/> turns cluster centres into rows: imblearn's <c>voting</c> option.</summary>
public enum ClusterCentroidsVoting
{
    /// <summary>imblearn's <c>"auto"</c> (the default): <see cref="Hard"/> for sparse input, <see cref="Soft"/>
    /// otherwise; this library's input is always dense, so it means <see cref="Soft"/>.</summary>
    Auto,

    /// <summary>imblearn's <c>"hard"</c>: each centre is replaced by its nearest row of the class (a 1-nearest-neighbour
    /// query), so the output holds real rows.</summary>
    Hard,

    /// <summary>imblearn's <c>"soft"</c>: the centres themselves become the class's new rows.</summary>
    Soft,
}
