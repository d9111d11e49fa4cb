namespace Imbalance.Learning;

/// <summary>Which implementation of <see cref="KMeans"/>'s seeding and Lloyd steps (and of
/// <see cref="MiniBatchKMeans"/>'s distance kernels) runs. Every path gives the same labels, centres and inertia bit
/// for bit; they differ only in speed.</summary>
internal enum KMeansPath
{
    /// <summary>Chosen from the shape (the default).</summary>
    Auto,

    /// <summary>The KD-tree seeding with bounding-box pruning and the k-NN engine's nearest-centre queries.</summary>
    Reference,

    /// <summary>The seeding pruned by each row's closest centre (triangle inequality) with SIMD distances, and the
    /// SIMD centre scan with Hamerly's bounds.</summary>
    Fast,

    /// <summary>The seeding of <see cref="Fast"/>, and the SIMD centre scan with Yinyang's group bounds.</summary>
    Grouped,
}
