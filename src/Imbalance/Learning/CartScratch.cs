namespace Imbalance.Learning;

/// <summary>
/// The per-row working arrays of one <see cref="CartBuilder"/>, kept so that the trees of a forest grown one after the
/// other on the same worker reuse them instead of allocating (and leaving to the garbage collector) several arrays of
/// the training size per tree. Every array is written before it is read in each tree, so reuse cannot change a tree.
/// </summary>
internal sealed class CartScratch
{
    private CartScratch(int rows, int features, int classCount, CartSettings settings, bool lists)
    {
        Rows = rows;
        Features = features;
        ClassCount = classCount;
        Settings = settings;
        Lists = lists;
        Samples = new int[rows];
        Xf = new float[rows];
        PosClass = new int[rows];
        PosWeight = new double[rows];
        Weights = new double[rows];
        TrainWeights = new double[rows];
        Counts = new int[rows];
        Scan = classCount > SplitScan.MaxClasses ? null : new SplitScan(rows, classCount, settings);
        if (lists)
        {
            SortedLists = new int[rows * features];
            GoesLeft = new byte[rows];
            ListBuffer = new int[rows];
            Keys = [];
            RadixBuffer = [];
        }
        else
        {
            SortedLists = [];
            GoesLeft = [];
            ListBuffer = new int[rows];
            Keys = new ulong[rows];
            RadixBuffer = new ulong[rows];
        }
    }

    private int[] _routeOrder = [];

    public int Rows { get; }

    public int Features { get; }

    public int ClassCount { get; }

    public CartSettings Settings { get; }

    public bool Lists { get; }

    public int[] Samples { get; }

    public float[] Xf { get; }

    public int[] PosClass { get; }

    public double[] PosWeight { get; }

    /// <summary>A tree's row weights (the bootstrap's), for the caller to fill.</summary>
    public double[] Weights { get; }

    /// <summary>The bootstrap weights of a fold's training rows, before they are spread over all rows.</summary>
    public double[] TrainWeights { get; }

    /// <summary>A tree's bootstrap multiplicities, for the caller to fill.</summary>
    public int[] Counts { get; }

    public SplitScan? Scan { get; }

    public int[] SortedLists { get; }

    public byte[] GoesLeft { get; }

    public int[] ListBuffer { get; }

    public ulong[] Keys { get; }

    public ulong[] RadixBuffer { get; }

    /// <summary>Working space of at least <paramref name="m"/> entries for <see cref="CartBuilder.BuildAndPredict"/>.</summary>
    public int[] RouteOrder(int m)
    {
        if (_routeOrder.Length < m)
        {
            _routeOrder = new int[m];
        }

        return _routeOrder;
    }

    /// <summary>This scratch if it serves a fit of this shape, otherwise a new one.</summary>
    public static CartScratch For(CartScratch? scratch, int rows, int features, int classCount, CartSettings settings, bool lists) =>
        scratch is not null && scratch.Rows >= rows && scratch.Features == features && scratch.ClassCount == classCount
            && scratch.Settings == settings && scratch.Lists == lists
            ? scratch
            : new CartScratch(rows, features, classCount, settings, lists);
}
