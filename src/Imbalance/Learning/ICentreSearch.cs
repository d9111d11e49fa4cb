namespace Imbalance.Learning;

/// <summary>The exact nearest-centre step of <see cref="KMeans"/>'s Lloyd iterations, with bounds that skip work
/// whose result is provably unchanged (<see cref="CentreSearch"/>: Hamerly; <see cref="GroupedCentreSearch"/>:
/// Yinyang). Every implementation gives the labels of a full scan (direct-sum distances, ties to the lower centre).</summary>
internal interface ICentreSearch
{
    /// <summary>Records how far centre <paramref name="centre"/> moved in the update.</summary>
    void Moved(int centre, double distance);

    /// <summary>
    /// Assigns every row to its nearest centre and returns whether a label changed. <paramref name="first"/> searches
    /// every row (the bounds are not set yet). When <paramref name="exact"/> is given it receives every row's
    /// direct-sum squared distance to its centre.
    /// </summary>
    bool Assign(double[] rows, double[] centres, int[] labels, bool first, double[]? exact, CancellationToken cancellationToken);
}
