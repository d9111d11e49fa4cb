namespace Imbalance.Learning;

/// <summary>The settings of one CART fit, resolved against the data (scikit-learn's values after <c>fit</c>'s checks).</summary>
internal readonly record struct CartSettings(
    bool Entropy, int MaxFeatures, int MaxDepth, int MinSamplesSplit, int MinSamplesLeaf, double MinWeightLeaf);

/// <summary>
/// Grows one CART classification tree depth first, following scikit-learn 1.2.1's <c>DepthFirstTreeBuilder</c>,
/// <c>BestSplitter</c> and <c>ClassificationCriterion</c> step by step, so that on tie-free data the tree is the one
/// scikit-learn grows for the same seed: candidate features drawn by the same Fisher-Yates walk on scikit-learn's
/// <c>rand_r</c> xorshift generator (seeded, as there, by <c>randint(0, 2**31 - 1)</c> from the tree's
/// <c>check_random_state</c>), features compared in float32, thresholds at midpoints, statistics updated in the same
/// order so that sums of non-integer weights round alike.
/// </summary>
/// <remarks>
/// <para>Rows with tied feature values are sorted by row index, not in the order scikit-learn's introsort leaves
/// them: the candidate splits are the same, but sums of non-integer weights may round differently and so, rarely,
/// decide between two equally good splits differently.</para>
/// <para>How a node gets its rows in (value, row) order is a matter of speed only: with few features per draw
/// (<see cref="UseSortedLists"/>) every feature's sorted list is kept and partitioned stably at each split, otherwise
/// the drawn features are sorted (radix sort on the float bits, or on <see cref="Ranks"/>). Either way the node sees
/// the same order, the node's <c>samples</c> are left in the order of the last feature examined and then split by
/// the same in-place partition, so every sum is added in the same order and every tree is the same to the bit
/// (<c>SortedListsTests</c>). With whole weights (no weights, or bootstrap multiplicities without class weights) every
/// sum of weights is exact in any order, so the rows are split in a cheaper order instead (the best feature's sorted
/// list, or a branch-free stable partition), and lists whose children are both leaves are not partitioned
/// (<c>WholeWeightPartitionTests</c>).</para>
/// </remarks>
internal sealed class CartBuilder
{
    private const float FeatureThreshold = 1e-7f;
    private const double Epsilon = 2.220446049250313e-16;
    private static readonly double Ln2 = Math.Log(2.0);

    private readonly float[] _columns; // feature-major: _columns[f * _n + i]
    private readonly int _n;
    private readonly int _d;
    private readonly int _k;
    private readonly int[] _y;
    private readonly double[]? _w;
    private readonly CartSettings _s;
    private uint _rand;

    private readonly int[] _samples;
    private readonly int _nSamples;
    private readonly double _weightedNSamples;
    private readonly int[] _features;
    private readonly int[] _constantFeatures;
    private readonly float[] _xf;
    private readonly ulong[] _keys;

    // Criterion state (scikit-learn's ClassificationCriterion with one output).
    private readonly double[] _sumTotal;
    private readonly double[] _sumLeft;
    private readonly double[] _sumRight;
    private double _wNode;
    private double _wLeft;
    private double _wRight;
    private int _start;
    private int _end;
    private int _pos;

    private const int RadixThreshold = 256;

    // Sorted lists are kept when partitioning all d of them per split costs less than sorting the features a node
    // visits (about MaxFeatures of them, each several passes over its rows).
    private const int SortedListFactor = 8;
    private readonly int[]? _presorted;
    private readonly int[]? _ranks;
    private readonly ulong[] _radixBuffer;

    // Sorted-list mode: per feature the node's rows in (value, row) order, feature-major like the columns; a split
    // partitions every list stably, so each child's segment stays sorted and no node sorts.
    private readonly int[]? _lists;
    private readonly byte[] _goesLeft = [];
    private readonly int[] _listBuffer = [];
    private readonly bool[] _constant = [];

    // The class and weight of the row at each sorted position, for the split scan.
    // Whether every weight is a whole number (bootstrap multiplicities, no class weights) with a total below 2^53:
    // every sum of weights is then exact in any order, so the rows of a node may be split in any order.
    private readonly bool _integerWeights;
    private readonly bool _referencePartition;

    private readonly int[] _posClass;
    private readonly double[] _posWeight;
    private readonly SplitScan? _scan;

    /// <summary>Prepares a tree fit.</summary>
    /// <param name="columns">Feature-major float32 values (<see cref="Columns"/>).</param>
    /// <param name="n">Rows.</param>
    /// <param name="d">Features.</param>
    /// <param name="y">Class code of each row.</param>
    /// <param name="classCount">Number of classes.</param>
    /// <param name="sampleWeight">Row weights (null for all 1); rows weighing 0 are left out.</param>
    /// <param name="settings">The resolved settings.</param>
    /// <param name="randSeed">The seed of scikit-learn's <c>rand_r</c> feature draws.</param>
    /// <param name="presorted">Optional <see cref="Presort"/> of the columns, read at the root.</param>
    /// <param name="referenceScan">Search splits with the position-by-position reference loop instead of
    /// <see cref="SplitScan"/> (same tree; for tests).</param>
    /// <param name="sortedLists">Keep every feature's rows sorted down the tree instead of sorting at each node (same
    /// tree); <see langword="null"/> chooses the cheaper way from the number of features and MaxFeatures.</param>
    /// <param name="scratch">Working arrays to reuse (<see cref="CartScratch.For"/>), or null to allocate.</param>
    /// <param name="ranks">Optional <see cref="Ranks"/> of the columns: the sorts then key on the ranks, which take
    /// fewer radix passes than the float bits and give the same order.</param>
    /// <param name="referencePartition">Always split a node's rows with scikit-learn's in-place partition and
    /// partition the sorted lists at every split, even when whole weights or leaf children make it unnecessary (same
    /// tree; for tests).</param>
    public CartBuilder(float[] columns, int n, int d, int[] y, int classCount, double[]? sampleWeight, CartSettings settings, uint randSeed, int[]? presorted = null, bool referenceScan = false, bool? sortedLists = null, CartScratch? scratch = null, int[]? ranks = null, bool referencePartition = false)
    {
        _referencePartition = referencePartition;
        _ranks = ranks;
        var lists = sortedLists ?? UseSortedLists(d, settings.MaxFeatures);
        scratch = CartScratch.For(scratch, n, d, classCount, settings, lists);
        _presorted = presorted;
        _columns = columns;
        _n = n;
        _d = d;
        _k = classCount;
        _y = y;
        _w = sampleWeight;
        _s = settings;
        _rand = randSeed;
        _samples = scratch.Samples;
        var j = 0;
        var total = 0.0;
        for (var i = 0; i < n; i++)
        {
            // Only positively weighted rows take part (zero weight = not in the bootstrap sample); branch-free.
            _samples[j] = i;
            j += sampleWeight is null || sampleWeight[i] != 0.0 ? 1 : 0;

            total += sampleWeight is null ? 1.0 : sampleWeight[i];
        }

        _nSamples = j;
        _weightedNSamples = total;
        _integerWeights = !referencePartition && IntegerWeights(sampleWeight, n, total);
        _features = new int[d];
        for (var f = 0; f < d; f++)
        {
            _features[f] = f;
        }

        _constantFeatures = new int[d];
        _xf = scratch.Xf;
        _keys = scratch.Keys;
        _radixBuffer = scratch.RadixBuffer;
        if (lists)
        {
            presorted ??= Presort(columns, n, d);
            _lists = scratch.SortedLists;
            for (var f = 0; f < d; f++)
            {
                var order = presorted.AsSpan(f * n, n);
                var list = _lists.AsSpan(f * n, n);
                if (sampleWeight is null)
                {
                    order.CopyTo(list);
                    continue;
                }

                // Branch-free (about a third of a bootstrap's rows weigh 0, at random): write every row, keep the
                // positively weighted ones.
                var p = 0;
                foreach (var i in order)
                {
                    list[p] = i;
                    p += sampleWeight[i] != 0.0 ? 1 : 0;
                }
            }

            _goesLeft = scratch.GoesLeft;
            _constant = new bool[d];
        }

        _listBuffer = scratch.ListBuffer;

        _posClass = scratch.PosClass;
        _posWeight = scratch.PosWeight;
        _scan = referenceScan ? null : scratch.Scan;
        _sumTotal = new double[classCount];
        _sumLeft = new double[classCount];
        _sumRight = new double[classCount];
    }

    /// <summary>Whether a fit on <paramref name="d"/> features drawing <paramref name="maxFeatures"/> per node keeps
    /// sorted lists (<see cref="Presort"/> once, a stable partition of every list per split) rather than sorting the
    /// drawn features at every node: the lists win unless the features far outnumber the draws.</summary>
    public static bool UseSortedLists(int d, int maxFeatures) => d <= SortedListFactor * maxFeatures;

    /// <summary>Converts row-major rows to the feature-major float32 layout the builder reads.</summary>
    public static float[] Columns(ReadOnlySpan<double> rows, int n, int d)
    {
        var columns = new float[n * d];
        for (var i = 0; i < n; i++)
        {
            for (var f = 0; f < d; f++)
            {
                columns[(f * n) + i] = (float)rows[(i * d) + f];
            }
        }

        return columns;
    }

    /// <summary>Every row sorted by each feature (feature-major), in the order <c>SortByFeature</c> leaves them: by
    /// float32 value, ties by row index. Boosting reuses it for the root of every round's tree.</summary>
    public static int[] Presort(float[] columns, int n, int d)
    {
        var order = new int[n * d];
        var keys = new ulong[n];
        for (var f = 0; f < d; f++)
        {
            var column = columns.AsSpan(f * n, n);
            for (var i = 0; i < n; i++)
            {
                var bits = BitConverter.SingleToUInt32Bits(column[i]);
                var ordered = (bits & 0x80000000u) != 0 ? ~bits : bits | 0x80000000u;
                keys[i] = ((ulong)ordered << 32) | (uint)i;
            }

            Array.Sort(keys);
            for (var i = 0; i < n; i++)
            {
                order[(f * n) + i] = (int)(uint)keys[i];
            }
        }

        return order;
    }

    /// <summary>
    /// Each value's dense rank in its feature (feature-major, from <see cref="Presort"/>'s order): equal float32 bit
    /// patterns share a rank and a larger pattern in the order the sort keys use has a larger rank, so sorting by
    /// (rank, row) gives exactly the (value, row) order, with ranks below the row count.
    /// </summary>
    public static int[] Ranks(float[] columns, int[] presorted, int n, int d)
    {
        var ranks = new int[n * d];
        for (var f = 0; f < d; f++)
        {
            var column = columns.AsSpan(f * n, n);
            var order = presorted.AsSpan(f * n, n);
            var rank = ranks.AsSpan(f * n, n);
            var current = -1;
            var previous = 0u;
            for (var p = 0; p < n; p++)
            {
                var i = order[p];
                var bits = BitConverter.SingleToUInt32Bits(column[i]);
                if (p == 0 || bits != previous)
                {
                    current++;
                    previous = bits;
                }

                rank[i] = current;
            }
        }

        return ranks;
    }

    /// <summary>Grows the tree (scikit-learn's <c>DepthFirstTreeBuilder.build</c>).</summary>
    public CartTree Build(CancellationToken cancellationToken) => Grow(null, cancellationToken)!;

    /// <summary>
    /// Grows the tree and writes, for each of <paramref name="m"/> rows, the class fractions of the leaf the row falls
    /// in (what <see cref="CartTree.AccumulateProba"/> writes with <c>add: false</c>): the rows are split along with
    /// the training rows, by the same float32-against-threshold comparison, instead of walking the finished tree once
    /// per row. The tree itself is not kept (nothing is allocated per node).
    /// </summary>
    /// <param name="rows">The rows, row-major float32 (<see cref="CartTree.ToFloat32"/>), with the training width.</param>
    /// <param name="m">Number of rows.</param>
    /// <param name="fractions">Receives <c>m x classes</c> fractions.</param>
    /// <param name="order">Working space of at least <paramref name="m"/> entries.</param>
    /// <param name="cancellationToken">Cancels between nodes.</param>
    public void BuildAndPredict(float[] rows, int m, double[] fractions, int[] order, CancellationToken cancellationToken)
    {
        for (var i = 0; i < m; i++)
        {
            order[i] = i;
        }

        Grow(new Route(rows, m, fractions, order), cancellationToken);
    }

    /// <summary>Grows the tree; with a route, predicts the route's rows and returns null instead of the tree.</summary>
    private CartTree? Grow(Route? route, CancellationToken cancellationToken)
    {
        var keep = route is null;
        var feature = new List<int>();
        var threshold = new List<double>();
        var left = new List<int>();
        var right = new List<int>();
        var value = new List<double>();
        var weighted = new List<double>();
        var impurities = new List<double>();
        var nodeCount = 0;
        var maxDepthSeen = 0;
        var stack = new Stack<(int Start, int End, int Depth, int Parent, bool IsLeft, double Impurity, int NConstant, int RouteStart, int RouteEnd)>();
        stack.Push((0, _nSamples, 0, -1, false, double.PositiveInfinity, 0, 0, route?.Count ?? 0));
        var first = true;
        while (stack.Count > 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var (start, end, depth, parent, isLeft, impurity, nConstant, routeStart, routeEnd) = stack.Pop();
            var nNode = end - start;
            InitCriterion(start, end);
            var isLeaf = depth >= _s.MaxDepth
                || nNode < _s.MinSamplesSplit
                || nNode < 2 * _s.MinSamplesLeaf
                || _wNode < 2 * _s.MinWeightLeaf;
            if (first)
            {
                impurity = NodeImpurity();
                first = false;
            }

            isLeaf = isLeaf || impurity <= Epsilon;
            var split = new Split(end, 0, 0.0, double.NegativeInfinity, double.PositiveInfinity, double.PositiveInfinity);
            if (!isLeaf)
            {
                split = NodeSplit(impurity, ref nConstant, depth + 1 < _s.MaxDepth);
                isLeaf = split.Pos >= end || split.Improvement + Epsilon < 0.0;
            }

            var id = nodeCount++;
            if (keep)
            {
                feature.Add(isLeaf ? -2 : split.Feature);
                threshold.Add(isLeaf ? -2.0 : split.Threshold);
                left.Add(-1);
                right.Add(-1);
                if (parent >= 0)
                {
                    if (isLeft)
                    {
                        left[parent] = id;
                    }
                    else
                    {
                        right[parent] = id;
                    }
                }

                // Node value: the weighted class counts of the node (criterion.init left them in _sumTotal).
                value.AddRange(_sumTotal);
                weighted.Add(_wNode);
                impurities.Add(impurity);
            }

            maxDepthSeen = Math.Max(maxDepthSeen, depth);
            var routeMiddle = routeEnd;
            if (route is not null)
            {
                routeMiddle = isLeaf
                    ? route.Leaf(_sumTotal, routeStart, routeEnd)
                    : route.Split(_d, split.Feature, split.Threshold, routeStart, routeEnd);
            }

            if (!isLeaf)
            {
                stack.Push((split.Pos, end, depth + 1, id, false, split.ImpurityRight, nConstant, routeMiddle, routeEnd));
                stack.Push((start, split.Pos, depth + 1, id, true, split.ImpurityLeft, nConstant, routeStart, routeMiddle));
            }
        }

        if (!keep)
        {
            return null;
        }

        return new CartTree(_k, [.. feature], [.. threshold], [.. left], [.. right], [.. value], maxDepthSeen)
        {
            WeightedNodeSamples = [.. weighted],
            Impurity = [.. impurities],
        };
    }

    private Split NodeSplit(double impurity, ref int nConstant, bool childrenMaySplit)
    {
        var start = _start;
        var end = _end;
        var best = new Split(end, 0, 0.0, double.NegativeInfinity, double.PositiveInfinity, double.PositiveInfinity);
        var bestProxy = double.NegativeInfinity;
        var fi = _d;
        var nVisited = 0;
        var nFound = 0;
        var nDrawn = 0;
        var nKnown = nConstant;
        var nTotal = nKnown;
        var features = _features;
        var xf = _xf;
        var samples = _samples;
        while (fi > nTotal && (nVisited < _s.MaxFeatures || nVisited <= nFound + nDrawn))
        {
            nVisited++;
            var fj = RandInt(nDrawn, fi - nFound);
            if (fj < nKnown)
            {
                (features[nDrawn], features[fj]) = (features[fj], features[nDrawn]);
                nDrawn++;
                continue;
            }

            fj += nFound;
            var current = features[fj];
            SortByFeature(current, start, end);
            if (xf[end - 1] <= xf[start] + FeatureThreshold)
            {
                (features[fj], features[nTotal]) = (features[nTotal], features[fj]);
                nFound++;
                nTotal++;
                continue;
            }

            fi--;
            (features[fi], features[fj]) = (features[fj], features[fi]);
            if (_scan is null)
            {
                ReferenceScan(current, ref best, ref bestProxy);
            }
            else
            {
                var (proxy, p) = _scan.BestSplit(_xf, _posClass, _posWeight, start, end, _sumTotal, _wNode);
                if (proxy > bestProxy)
                {
                    bestProxy = proxy;
                    best = best with { Pos = p, Feature = current, Threshold = MidPoint(xf[p - 1], xf[p]) };
                }
            }
        }

        if (best.Pos < end)
        {
            var column = _columns.AsSpan(best.Feature * _n, _n);
            if (_integerWeights && _lists is not null)
            {
                // The best feature's sorted list holds the left rows first: the same sets as the partition below, and
                // with whole weights the order inside each side changes no sum.
                _lists.AsSpan((best.Feature * _n) + start, end - start).CopyTo(samples.AsSpan(start, end - start));
            }
            else if (_integerWeights)
            {
                StablePartition(column, best.Threshold, start, end);
            }
            else
            {
                // scikit-learn's in-place partition: its order decides how later sums of fractional weights round.
                var p = start;
                var partitionEnd = end;
                while (p < partitionEnd)
                {
                    if (column[samples[p]] <= best.Threshold)
                    {
                        p++;
                    }
                    else
                    {
                        partitionEnd--;
                        (samples[p], samples[partitionEnd]) = (samples[partitionEnd], samples[p]);
                    }
                }
            }

            ResetCriterion();
            UpdateCriterion(best.Pos);
            ChildrenImpurity(out var impurityLeft, out var impurityRight);
            var improvement = (_wNode / _weightedNSamples)
                * (impurity - (_wRight / _wNode * impurityRight) - (_wLeft / _wNode * impurityLeft));
            best = best with { ImpurityLeft = impurityLeft, ImpurityRight = impurityRight, Improvement = improvement };
        }

        // Keep the known constant features in their original order for the children; record the new ones.
        Array.Copy(_constantFeatures, 0, features, 0, nKnown);
        Array.Copy(features, nKnown, _constantFeatures, nKnown, nFound);
        nConstant = nTotal;
        if (_lists is not null && childrenMaySplit && best.Pos < end
            && (_referencePartition || !(IsLeafChild(best.Pos - start, best.ImpurityLeft) && IsLeafChild(end - best.Pos, best.ImpurityRight))))
        {
            PartitionLists(best.Pos, nTotal);
        }

        return best;
    }

    /// <summary>Whether a child of <paramref name="count"/> rows and this impurity is certainly a leaf (the tests
    /// <c>Grow</c> makes before splitting, but the weight test, which only makes more leaves): its sorted lists are
    /// never read, so a split whose children are both leaves need not partition them.</summary>
    private bool IsLeafChild(int count, double impurity) =>
        count < _s.MinSamplesSplit || count < 2 * _s.MinSamplesLeaf || impurity <= Epsilon;

    /// <summary>Whether every weight is a whole number and their total below 2^53 (so that every partial sum is exact).</summary>
    private static bool IntegerWeights(double[]? sampleWeight, int n, double total)
    {
        if (!(total < 9007199254740992.0))
        {
            return false;
        }

        if (sampleWeight is null)
        {
            return true;
        }

        for (var i = 0; i < n; i++)
        {
            if (sampleWeight[i] != Math.Floor(sampleWeight[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Splits <c>_samples[start..end)</c> into the rows with <c>column[row] &lt;= threshold</c> and the others, keeping
    /// the order inside each side, branch-free: the same sets as scikit-learn's in-place partition, in another order
    /// (used only with whole weights, where no sum depends on the order).
    /// </summary>
    private void StablePartition(ReadOnlySpan<float> column, double threshold, int start, int end)
    {
        var samples = _samples.AsSpan(start, end - start);
        var buffer = _listBuffer;
        var l = 0;
        var r = 0;
        foreach (var i in samples)
        {
            var left = column[i] <= threshold ? 1 : 0;
            samples[l] = i;
            buffer[r] = i;
            l += left;
            r += 1 - left;
        }

        buffer.AsSpan(0, r).CopyTo(samples[l..]);
    }

    /// <summary>
    /// Splits every feature's sorted list of the node at the rows <c>samples[start..pos)</c> that go left, keeping the
    /// (value, row) order inside each side: the children's segments are then exactly what sorting them would give.
    /// The node's constant features (the first <paramref name="nConstant"/> of <c>_constantFeatures</c>: the known ones
    /// and those just found) are known constants of every descendant, which never sorts them again, so their lists are
    /// left as they are.
    /// </summary>
    private void PartitionLists(int pos, int nConstant)
    {
        var start = _start;
        var end = _end;
        var goesLeft = _goesLeft;
        var samples = _samples;
        for (var p = start; p < pos; p++)
        {
            goesLeft[samples[p]] = 1;
        }

        for (var p = pos; p < end; p++)
        {
            goesLeft[samples[p]] = 0;
        }

        var constant = _constant;
        Array.Clear(constant);
        for (var c = 0; c < nConstant; c++)
        {
            constant[_constantFeatures[c]] = true;
        }

        var lists = _lists!;
        var buffer = _listBuffer;
        for (var f = 0; f < _d; f++)
        {
            if (constant[f])
            {
                continue;
            }

            // Branch-free: every row is written to both sides and only its own side's cursor moves.
            var list = lists.AsSpan((f * _n) + start, end - start);
            var l = 0;
            var r = 0;
            foreach (var i in list)
            {
                var left = goesLeft[i];
                list[l] = i;
                buffer[r] = i;
                l += left;
                r += 1 - left;
            }

            buffer.AsSpan(0, r).CopyTo(list[l..]);
        }
    }

    /// <summary>
    /// The split search on one sorted feature as scikit-learn writes it (the criterion's <c>reset</c> and <c>update</c>
    /// at every candidate position): the reference <see cref="SplitScan"/> reproduces bit for bit.
    /// </summary>
    private void ReferenceScan(int current, ref Split best, ref double bestProxy)
    {
        var start = _start;
        var end = _end;
        var xf = _xf;
        ResetCriterion();
        var p = start;
        while (p < end)
        {
            while (p + 1 < end && xf[p + 1] <= xf[p] + FeatureThreshold)
            {
                p++;
            }

            p++;
            if (p >= end)
            {
                continue;
            }

            if (p - start < _s.MinSamplesLeaf || end - p < _s.MinSamplesLeaf)
            {
                continue;
            }

            UpdateCriterion(p);
            if (_wLeft < _s.MinWeightLeaf || _wRight < _s.MinWeightLeaf)
            {
                continue;
            }

            var proxy = ProxyImprovement();
            if (proxy > bestProxy)
            {
                bestProxy = proxy;
                best = best with { Pos = p, Feature = current, Threshold = MidPoint(xf[p - 1], xf[p]) };
            }
        }
    }

    /// <summary>The threshold between two neighbouring sorted values: the sum of halves (no overflow); a midpoint
    /// that rounds onto the upper value falls back to the lower.</summary>
    private static double MidPoint(float lower, float upper)
    {
        var t = (lower / 2.0) + (upper / 2.0);
        return t == upper || double.IsInfinity(t) ? lower : t;
    }

    /// <summary>
    /// Sorts <c>samples[start..end)</c> by the float32 value of <paramref name="feature"/> and writes the sorted values
    /// to <c>_xf</c>. Values and row indices are packed into one 64-bit key (an order-preserving image of the float
    /// above the row index), so one primitive sort does the work and tied values come out by row index.
    /// </summary>
    private void SortByFeature(int feature, int start, int end)
    {
        var column = _columns.AsSpan(feature * _n, _n);
        if (_lists is not null)
        {
            // The node's segment of the feature's list is already in (value, row) order.
            var list = _lists.AsSpan((feature * _n) + start, end - start);
            for (var p = 0; p < list.Length; p++)
            {
                var i = list[p];
                _samples[start + p] = i;
                _xf[start + p] = column[i];
                _posClass[start + p] = _y[i];
                _posWeight[start + p] = _w is null ? 1.0 : _w[i];
            }

            return;
        }

        if (_presorted is not null && start == 0 && end == _nSamples)
        {
            // The root holds every positively weighted row: read them off the presorted order (same order as the sort).
            var order = _presorted.AsSpan(feature * _n, _n);
            var p = 0;
            foreach (var i in order)
            {
                if (_w is null || _w[i] != 0.0)
                {
                    _samples[p] = i;
                    _xf[p] = column[i];
                    _posClass[p] = _y[i];
                    _posWeight[p] = _w is null ? 1.0 : _w[i];
                    p++;
                }
            }

            return;
        }

        var keys = _keys.AsSpan(start, end - start);
        if (_ranks is not null)
        {
            var rank = _ranks.AsSpan(feature * _n, _n);
            for (var p = 0; p < keys.Length; p++)
            {
                var i = _samples[start + p];
                keys[p] = ((ulong)(uint)rank[i] << 32) | (uint)i;
            }
        }
        else
        {
            for (var p = 0; p < keys.Length; p++)
            {
                var i = _samples[start + p];
                var bits = BitConverter.SingleToUInt32Bits(column[i]);
                var ordered = (bits & 0x80000000u) != 0 ? ~bits : bits | 0x80000000u;
                keys[p] = ((ulong)ordered << 32) | (uint)i;
            }
        }

        if (keys.Length >= RadixThreshold)
        {
            keys = RadixSort(keys, _radixBuffer.AsSpan(start, end - start));
        }
        else
        {
            keys.Sort();
        }

        for (var p = 0; p < keys.Length; p++)
        {
            var key = keys[p];
            var i = (int)(uint)key;
            _samples[start + p] = i;
            _xf[start + p] = column[i];
            _posClass[start + p] = _y[i];
            _posWeight[start + p] = _w is null ? 1.0 : _w[i];
        }
    }

    /// <summary>
    /// Sorts packed (value, row) keys like <c>keys.Sort()</c> does: a stable least-significant-digit radix sort on the
    /// value half (bytes that are equal across all keys are skipped), then each run of equal values sorted by row.
    /// Returns whichever of the two buffers holds the result.
    /// </summary>
    private static Span<ulong> RadixSort(Span<ulong> keys, Span<ulong> buffer)
    {
        Span<int> counts = stackalloc int[4 * 256];
        counts.Clear();
        foreach (var key in keys)
        {
            counts[(int)((key >> 32) & 0xFF)]++;
            counts[256 + (int)((key >> 40) & 0xFF)]++;
            counts[512 + (int)((key >> 48) & 0xFF)]++;
            counts[768 + (int)(key >> 56)]++;
        }

        var source = keys;
        var dest = buffer;
        for (var pass = 0; pass < 4; pass++)
        {
            var histogram = counts.Slice(pass * 256, 256);
            var shift = 32 + (8 * pass);
            if (histogram[(int)((source[0] >> shift) & 0xFF)] == source.Length)
            {
                continue;
            }

            var offset = 0;
            for (var b = 0; b < 256; b++)
            {
                var c = histogram[b];
                histogram[b] = offset;
                offset += c;
            }

            foreach (var key in source)
            {
                dest[histogram[(int)((key >> shift) & 0xFF)]++] = key;
            }

            var swap = source;
            source = dest;
            dest = swap;
        }

        // Runs of equal values are in input order: put them in row order, as the comparison sort does.
        var runStart = 0;
        for (var p = 1; p <= source.Length; p++)
        {
            if (p == source.Length || (source[p] >> 32) != (source[runStart] >> 32))
            {
                if (p - runStart > 1)
                {
                    source[runStart..p].Sort();
                }

                runStart = p;
            }
        }

        return source;
    }

    private void InitCriterion(int start, int end)
    {
        _start = start;
        _end = end;
        Array.Clear(_sumTotal);
        _wNode = 0.0;
        for (var p = start; p < end; p++)
        {
            var i = _samples[p];
            var w = _w is null ? 1.0 : _w[i];
            _sumTotal[_y[i]] += w;
            _wNode += w;
        }

        ResetCriterion();
    }

    private void ResetCriterion()
    {
        _pos = _start;
        _wLeft = 0.0;
        _wRight = _wNode;
        Array.Clear(_sumLeft);
        _sumTotal.CopyTo(_sumRight, 0);
    }

    private void ReverseResetCriterion()
    {
        _pos = _end;
        _wLeft = _wNode;
        _wRight = 0.0;
        _sumTotal.CopyTo(_sumLeft, 0);
        Array.Clear(_sumRight);
    }

    private void UpdateCriterion(int newPos)
    {
        // Move rows to the left child from whichever end needs fewer steps, as scikit-learn does.
        if (newPos - _pos <= _end - newPos)
        {
            for (var p = _pos; p < newPos; p++)
            {
                var i = _samples[p];
                var w = _w is null ? 1.0 : _w[i];
                _sumLeft[_y[i]] += w;
                _wLeft += w;
            }
        }
        else
        {
            ReverseResetCriterion();
            for (var p = _end - 1; p >= newPos; p--)
            {
                var i = _samples[p];
                var w = _w is null ? 1.0 : _w[i];
                _sumLeft[_y[i]] -= w;
                _wLeft -= w;
            }
        }

        _wRight = _wNode - _wLeft;
        for (var c = 0; c < _k; c++)
        {
            _sumRight[c] = _sumTotal[c] - _sumLeft[c];
        }

        _pos = newPos;
    }

    private double NodeImpurity() => Impurity(_sumTotal, _wNode);

    private void ChildrenImpurity(out double left, out double right)
    {
        left = Impurity(_sumLeft, _wLeft);
        right = Impurity(_sumRight, _wRight);
    }

    private double ProxyImprovement()
    {
        ChildrenImpurity(out var left, out var right);
        return (-_wRight * right) - (_wLeft * left);
    }

    private double Impurity(double[] counts, double weight)
    {
        if (_s.Entropy)
        {
            var entropy = 0.0;
            foreach (var count in counts)
            {
                if (count > 0.0)
                {
                    var p = count / weight;
                    entropy -= p * (Math.Log(p) / Ln2);
                }
            }

            return entropy;
        }

        var sq = 0.0;
        foreach (var count in counts)
        {
            sq += count * count;
        }

        return 1.0 - (sq / (weight * weight));
    }

    /// <summary>scikit-learn's <c>rand_int(low, high, &amp;rand_r_state)</c> on its xorshift <c>our_rand_r</c>.</summary>
    private int RandInt(int low, int high)
    {
        if (_rand == 0)
        {
            _rand = 1;
        }

        _rand ^= _rand << 13;
        _rand ^= _rand >> 17;
        _rand ^= _rand << 5;
        var r = _rand % 0x80000000u;
        return low + (int)(r % (uint)(high - low));
    }

    /// <summary>Rows predicted while the tree grows: <c>order[start..end)</c> are the rows in the current node.</summary>
    private sealed class Route(float[] rows, int count, double[] fractions, int[] order)
    {
        private double[] _leaf = [];

        public int Count => count;

        /// <summary>Moves the node's rows with <c>row[feature] &lt;= threshold</c> (the comparison
        /// <see cref="CartTree.Leaf"/> makes) to the front; returns where the right child's rows start.</summary>
        public int Split(int d, int feature, double threshold, int start, int end)
        {
            var p = start;
            var q = end;
            while (p < q)
            {
                if (rows[(order[p] * d) + feature] <= threshold)
                {
                    p++;
                }
                else
                {
                    q--;
                    (order[p], order[q]) = (order[q], order[p]);
                }
            }

            return p;
        }

        /// <summary>Writes the leaf's fractions to its rows.</summary>
        public int Leaf(double[] counts, int start, int end)
        {
            var k = counts.Length;
            if (_leaf.Length != k)
            {
                _leaf = new double[k];
            }

            var leaf = _leaf;
            CartTree.LeafFractions(counts, leaf);
            for (var p = start; p < end; p++)
            {
                leaf.CopyTo(fractions.AsSpan(order[p] * k, k));
            }

            return end;
        }
    }

    private readonly record struct Split(int Pos, int Feature, double Threshold, double Improvement, double ImpurityLeft, double ImpurityRight);
}
