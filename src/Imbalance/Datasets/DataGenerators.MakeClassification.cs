using System.Globalization;
using Imbalance.Randomness;
using Imbalance.Sampling;

namespace Imbalance.Datasets;

/// <example>
/// <code>
/// var (xs, ys) = DataGenerators.MakeClassification(nSamples: 1_000, weights: [0.9, 0.1], randomState: 0);   // = scikit-learn's
/// var (xCut, yCut) = DataGenerators.MakeImbalance(xs, ys, new Dictionary&lt;int, int&gt; { [1] = 20 }, randomState: 0);
/// </code>
/// </example>
public static partial class DataGenerators
{
    /// <summary>
    /// scikit-learn's <c>make_classification</c>: a random n-class problem made of Gaussian clusters on the vertices
    /// of a hypercube (Guyon's "Madelon" design), with redundant, repeated and useless columns and label noise. For
    /// the same integer seed X and y equal scikit-learn 1.2.1's, bit for bit.
    /// </summary>
    /// <param name="nSamples">The number of rows (<c>n_samples</c>, at least 1).</param>
    /// <param name="nFeatures">The total number of columns (<c>n_features</c>).</param>
    /// <param name="nInformative">The number of informative columns (<c>n_informative</c>, at least 1).</param>
    /// <param name="nRedundant">The number of random linear combinations of the informative columns
    /// (<c>n_redundant</c>).</param>
    /// <param name="nRepeated">The number of columns copied from informative or redundant ones
    /// (<c>n_repeated</c>).</param>
    /// <param name="nClasses">The number of classes (<c>n_classes</c>); labels are <c>0 .. nClasses - 1</c>.</param>
    /// <param name="nClustersPerClass">Gaussian clusters per class (<c>n_clusters_per_class</c>).</param>
    /// <param name="weights">Class proportions before label noise: <paramref name="nClasses"/> values, or one fewer
    /// and the last class gets the rest; <see langword="null"/> for balanced classes.</param>
    /// <param name="flipY">The fraction of labels replaced by a random class (<c>flip_y</c>, in [0, 1]).</param>
    /// <param name="classSep">Half the hypercube's side (<c>class_sep</c>, positive).</param>
    /// <param name="hypercube">Whether cluster centres are the hypercube's vertices rather than a random
    /// polytope.</param>
    /// <param name="shift">Added to every column; <see langword="null"/> (scikit-learn's <c>None</c>) for a random
    /// shift per column.</param>
    /// <param name="scale">Multiplies every column after the shift (positive); <see langword="null"/> for a random
    /// factor in [1, 101) per column.</param>
    /// <param name="shuffle">Whether rows and columns are randomly permuted.</param>
    /// <param name="randomState">The seed; <see langword="null"/> for an unpredictable one.</param>
    /// <returns>X (<paramref name="nSamples"/> x <paramref name="nFeatures"/>) and the label of each row.</returns>
    /// <exception cref="ArgumentException">A parameter is out of range (see
    /// <see cref="MakeClassification(MakeClassificationOptions)"/>); <see cref="ArgumentException.ParamName"/> names
    /// it.</exception>
    /// <inheritdoc cref="MakeClassification(MakeClassificationOptions)" path="/remarks"/>
    public static (double[,] X, int[] Y) MakeClassification(
        int nSamples = 100,
        int nFeatures = 20,
        int nInformative = 2,
        int nRedundant = 2,
        int nRepeated = 0,
        int nClasses = 2,
        int nClustersPerClass = 2,
        IReadOnlyList<double>? weights = null,
        double flipY = 0.01,
        double classSep = 1.0,
        bool hypercube = true,
        double? shift = 0.0,
        double? scale = 1.0,
        bool shuffle = true,
        int? randomState = null) =>
        MakeClassification(new MakeClassificationOptions
        {
            NSamples = nSamples,
            NFeatures = nFeatures,
            NInformative = nInformative,
            NRedundant = nRedundant,
            NRepeated = nRepeated,
            NClasses = nClasses,
            NClustersPerClass = nClustersPerClass,
            Weights = weights,
            FlipY = flipY,
            ClassSep = classSep,
            Hypercube = hypercube,
            Shift = shift is { } s ? [s] : null,
            Scale = scale is { } c ? [c] : null,
            Shuffle = shuffle,
            RandomState = randomState,
        });

    /// <summary>
    /// scikit-learn's <c>make_classification(**options)</c>, including per-column <c>shift</c> and <c>scale</c>. For
    /// the same integer seed X and y equal scikit-learn 1.2.1's, bit for bit.
    /// </summary>
    /// <param name="options">The arguments, with scikit-learn's names and defaults.</param>
    /// <returns>X (<c>NSamples</c> x <c>NFeatures</c>) and the label of each row.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A count is below its minimum (<c>nSamples</c>,
    /// <c>nFeatures</c>, <c>nInformative</c>, <c>nClasses</c>, <c>nClustersPerClass</c> at least 1;
    /// <c>nRedundant</c>, <c>nRepeated</c> at least 0), <c>flipY</c> is outside [0, 1], <c>classSep</c> is not a
    /// positive finite number, <c>randomState</c> is negative, or X would exceed the largest .NET array.</exception>
    /// <exception cref="ArgumentException">Informative, redundant and repeated columns exceed <c>nFeatures</c>;
    /// <c>nClasses * nClustersPerClass</c> exceeds <c>2 ** nInformative</c> (named <c>nInformative</c>); the
    /// weights are not <c>nClasses</c> or <c>nClasses - 1</c> finite non-negative values (including the implied last
    /// one); <c>shift</c> or <c>scale</c> has neither 1 nor <c>nFeatures</c> values, or a value that is not finite
    /// (or, for <c>scale</c>, not positive).</exception>
    /// <remarks>
    /// <para>The random numbers are drawn in scikit-learn's order from one NumPy-legacy <see cref="RandomState"/>:
    /// the hypercube vertices (<c>sample_without_replacement(2 ** n_informative, n_clusters)</c> read as bits, plus
    /// <c>randint(2)</c> for the columns beyond 30), the random-polytope factors when <c>hypercube</c> is false, the
    /// standard normals of the informative columns, one random covariance <c>2 * uniform - 1</c> per cluster, the
    /// redundant mixing matrix, the repeated-column picks, the useless columns, the label-noise uniforms and
    /// classes, the random shift and scale, and the row then column permutations. Matrix products sum left to right
    /// without fused multiply-adds, as NumPy does with the reference BLAS; NumPy linked against OpenBLAS or MKL may
    /// differ in the last bits of the informative and redundant columns (the labels and every draw are
    /// unaffected).</para>
    /// <para>Differences from scikit-learn 1.2.1, which accepts these inputs and then fails obscurely or returns
    /// meaningless data: the parameter ranges of scikit-learn 1.3's validation are enforced (so <c>n_samples = 0</c>,
    /// negative <c>flip_y</c>, non-positive <c>class_sep</c> or <c>scale</c> are rejected), negative, NaN or
    /// infinite weights are rejected, and every <c>shift</c> and <c>scale</c> value is checked, not only a
    /// scalar. Weights summing above 1 behave as in scikit-learn.</para>
    /// <para>With <c>randomState = null</c> the generator is seeded from the operating system, where scikit-learn
    /// would use NumPy's global generator. The work is sequential (the draws must be) and linear in the size of X;
    /// most of it is drawing the standard normals of the informative and useless columns. Rows are shuffled in
    /// place, so the peak memory is X and y plus a few small arrays.</para>
    /// </remarks>
    public static (double[,] X, int[] Y) MakeClassification(MakeClassificationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var weights = ValidateClassification(options);
        var rng = options.RandomState is { } seed ? new RandomState(seed) : RandomState.FromEntropy();
        return new ClassificationGenerator(options, weights, rng).Run();
    }

    /// <summary>Checks every argument and returns the full per-class weights (the last one completed).</summary>
    private static double[] ValidateClassification(MakeClassificationOptions o)
    {
        AtLeast(o.NSamples, 1, "nSamples", "n_samples");
        AtLeast(o.NFeatures, 1, "nFeatures", "n_features");
        AtLeast(o.NInformative, 1, "nInformative", "n_informative");
        AtLeast(o.NRedundant, 0, "nRedundant", "n_redundant");
        AtLeast(o.NRepeated, 0, "nRepeated", "n_repeated");
        AtLeast(o.NClasses, 1, "nClasses", "n_classes");
        AtLeast(o.NClustersPerClass, 1, "nClustersPerClass", "n_clusters_per_class");
        if (!(o.FlipY >= 0.0 && o.FlipY <= 1.0))
        {
            throw OutOfRange("flipY", o.FlipY, Invariant($"The 'flip_y' parameter of make_classification must be a float in the range [0, 1]. Got {o.FlipY} instead."));
        }

        if (!(o.ClassSep > 0.0 && double.IsFinite(o.ClassSep)))
        {
            throw OutOfRange("classSep", o.ClassSep, Invariant($"The 'class_sep' parameter of make_classification must be a float in the range (0, inf). Got {o.ClassSep} instead."));
        }

        if (o.RandomState is < 0)
        {
            throw OutOfRange("randomState", o.RandomState, "Seed must be between 0 and 2**32 - 1");
        }

        if ((long)o.NInformative + o.NRedundant + o.NRepeated > o.NFeatures)
        {
            throw Invalid(
                "Number of informative, redundant and repeated features must sum to less than the number of total features",
                "nFeatures");
        }

        // scikit-learn compares n_informative with log2(n_classes * n_clusters_per_class); in integers that is
        // 2 ** n_informative < n_clusters.
        var clusters = (long)o.NClasses * o.NClustersPerClass;
        if (o.NInformative < 62 && (1L << o.NInformative) < clusters)
        {
            throw Invalid(
                Invariant($"n_classes({o.NClasses}) * n_clusters_per_class({o.NClustersPerClass}) must be smaller or equal 2**n_informative({o.NInformative})={PowerOfTwoText(o.NInformative)}"),
                "nInformative");
        }

        // Past 30 informative columns the vertices are drawn among 2**30 patterns (plus random bits), so more
        // clusters than that cannot be distinct; scikit-learn fails there too.
        if (clusters > 1 << 30)
        {
            throw OutOfRange("nClustersPerClass", o.NClustersPerClass, "n_classes * n_clusters_per_class must be at most 2**30");
        }

        if ((long)o.NSamples * o.NFeatures > Array.MaxLength)
        {
            throw OutOfRange("nSamples", o.NSamples, Invariant($"n_samples * n_features exceeds the largest array ({Array.MaxLength} elements)"));
        }

        var weights = CompleteWeights(o.Weights, o.NClasses);
        CheckFeatureValues(o.Shift, o.NFeatures, positive: false, "shift");
        CheckFeatureValues(o.Scale, o.NFeatures, positive: true, "scale");
        return weights;
    }

    private static double[] CompleteWeights(IReadOnlyList<double>? given, int nClasses)
    {
        var weights = new double[nClasses];
        if (given is null)
        {
            Array.Fill(weights, 1.0 / nClasses);
            return weights;
        }

        if (given.Count != nClasses && given.Count != nClasses - 1)
        {
            throw Invalid("Weights specified but incompatible with number of classes.", "weights");
        }

        // Python's sum(weights): left to right from 0.
        var sum = 0.0;
        for (var i = 0; i < given.Count; i++)
        {
            weights[i] = given[i];
            sum += given[i];
        }

        if (given.Count == nClasses - 1)
        {
            weights[nClasses - 1] = 1.0 - sum;
        }

        foreach (var w in weights)
        {
            if (!(w >= 0.0 && double.IsFinite(w)))
            {
                throw Invalid(
                    Invariant($"Weights must be finite and non-negative (the last one is 1 - sum of the others when omitted); got {w}."),
                    "weights");
            }
        }

        return weights;
    }

    private static void CheckFeatureValues(IReadOnlyList<double>? values, int nFeatures, bool positive, string name)
    {
        if (values is null)
        {
            return;
        }

        if (values.Count != 1 && values.Count != nFeatures)
        {
            throw Invalid(
                Invariant($"{name} must have 1 or n_features ({nFeatures}) values; got {values.Count}."), name);
        }

        foreach (var v in values)
        {
            if (!double.IsFinite(v) || (positive && v <= 0.0))
            {
                throw Invalid(
                    Invariant($"Every {name} value must be finite{(positive ? " and positive" : string.Empty)}; got {v}."), name);
            }
        }
    }

    private static void AtLeast(int value, int minimum, string name, string sklearnName)
    {
        if (value < minimum)
        {
            throw new ArgumentOutOfRangeException(
                name, value, Invariant($"The '{sklearnName}' parameter of make_classification must be an int in the range [{minimum}, inf). Got {value} instead."));
        }
    }

    // The parameter names are those of the optional-parameter overload (and the camel-case property names), not of
    // the validating method, so the exceptions are built here where the analyzer does not expect otherwise.
    private static ArgumentOutOfRangeException OutOfRange(string name, object? value, string message) => new(name, value, message);

    private static ArgumentException Invalid(string message, string name) => new(message, name);

    private static string PowerOfTwoText(int exponent) => System.Numerics.BigInteger.Pow(2, exponent).ToString(CultureInfo.InvariantCulture);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    /// <summary>One <c>make_classification</c> run: scikit-learn's steps in order over one generator.</summary>
    private sealed class ClassificationGenerator(MakeClassificationOptions options, double[] weights, RandomState rng)
    {
        private readonly int _n = options.NSamples;
        private readonly int _features = options.NFeatures;
        private readonly int _informative = options.NInformative;
        private readonly int _redundant = options.NRedundant;
        private readonly int _repeated = options.NRepeated;
        private readonly int _classes = options.NClasses;
        private readonly int _clustersPerClass = options.NClustersPerClass;

        public (double[,] X, int[] Y) Run()
        {
            var clusters = _classes * _clustersPerClass;
            var rowsPerCluster = RowsPerCluster(clusters);
            var x = new double[_n, _features];
            var y = new int[_n];
            var data = MatrixRows.Of(x);

            var centroids = Centroids(clusters);
            FillStandardNormal(data, 0, _informative);
            Clusters(data, y, centroids, rowsPerCluster);
            Redundant(data);
            Repeated(data);
            FillStandardNormal(data, _features - Useless, Useless);
            FlipLabels(y);
            var shift = options.Shift is { } s ? Broadcast(s) : RandomShift();
            var scale = options.Scale is { } c ? Broadcast(c) : RandomScale();
            if (options.Shuffle)
            {
                ShuffleRows(data, y);
                var columns = new int[_features];
                for (var j = 0; j < columns.Length; j++)
                {
                    columns[j] = j;
                }

                rng.Shuffle(columns.AsSpan());
                ShiftScaleAndPermuteColumns(data, shift, scale, columns);
            }
            else
            {
                ShiftScaleAndPermuteColumns(data, shift, scale, null);
            }

            return (x, y);
        }

        private int Useless => _features - _informative - _redundant - _repeated;

        /// <summary>
        /// <c>int(n_samples * weights[k % n_classes] / n_clusters_per_class)</c> per cluster, then the remainder
        /// dealt one row at a time from cluster 0. Counts are capped at n_samples: a cluster never gets more rows
        /// than exist, and capping changes nothing else (the remainder is then non-positive either way).
        /// </summary>
        private int[] RowsPerCluster(int clusters)
        {
            var rows = new int[clusters];
            long total = 0;
            for (var k = 0; k < clusters; k++)
            {
                var count = _n * weights[k % _classes] / _clustersPerClass;
                rows[k] = count >= _n ? _n : (int)count;
                total += rows[k];
            }

            for (long i = 0; i < _n - total; i++)
            {
                rows[i % clusters]++;
            }

            return rows;
        }

        /// <summary>
        /// <c>_generate_hypercube(n_clusters, n_informative)</c> mapped to <c>±class_sep</c>, then the random
        /// polytope factors when <c>hypercube</c> is false. Row-major, <c>clusters x n_informative</c>.
        /// </summary>
        private double[] Centroids(int clusters)
        {
            var d = _informative;
            var centroids = new double[clusters * d];

            // Columns beyond 30 come first, from randint(2, size=(clusters, d - 30)) in row-major order.
            var extra = Math.Max(0, d - 30);
            for (var k = 0; k < clusters; k++)
            {
                for (var j = 0; j < extra; j++)
                {
                    centroids[(k * d) + j] = rng.RandInt(0, 2);
                }
            }

            // The last min(d, 30) columns: the bits of distinct patterns, most significant first.
            var bits = d - extra;
            var patterns = rng.SampleWithoutReplacement(1 << bits, clusters);
            for (var k = 0; k < clusters; k++)
            {
                for (var b = 0; b < bits; b++)
                {
                    centroids[(k * d) + extra + b] = (patterns[k] >> (bits - 1 - b)) & 1;
                }
            }

            var classSep = options.ClassSep;
            var twoSep = 2 * classSep;
            for (var i = 0; i < centroids.Length; i++)
            {
                centroids[i] = (centroids[i] * twoSep) - classSep;
            }

            if (!options.Hypercube)
            {
                // centroids *= uniform(size=(clusters, 1)); centroids *= uniform(size=(1, d)): two roundings.
                var perCluster = rng.RandomSample(clusters);
                var perColumn = rng.RandomSample(d);
                for (var k = 0; k < clusters; k++)
                {
                    for (var j = 0; j < d; j++)
                    {
                        centroids[(k * d) + j] *= perCluster[k];
                    }
                }

                for (var k = 0; k < clusters; k++)
                {
                    for (var j = 0; j < d; j++)
                    {
                        centroids[(k * d) + j] *= perColumn[j];
                    }
                }
            }

            return centroids;
        }

        /// <summary><c>standard_normal(size=(n_samples, count))</c> into columns <c>[first, first + count)</c>.</summary>
        private void FillStandardNormal(Span<double> data, int first, int count)
        {
            if (count == 0)
            {
                return;
            }

            for (var i = 0; i < _n; i++)
            {
                var row = data.Slice((i * _features) + first, count);
                for (var j = 0; j < row.Length; j++)
                {
                    row[j] = rng.StandardNormal();
                }
            }
        }

        /// <summary>
        /// Per cluster: labels <c>k % n_classes</c>, a random covariance <c>A = 2 * uniform(d, d) - 1</c> applied as
        /// <c>X_k = X_k @ A</c>, then the centroid added. Slices past n_samples are cut as NumPy cuts them.
        /// </summary>
        private void Clusters(Span<double> data, int[] y, double[] centroids, int[] rowsPerCluster)
        {
            var d = _informative;
            var a = new double[d * d];
            Span<double> product = d <= 256 ? stackalloc double[d] : new double[d];
            long stop = 0;
            for (var k = 0; k < rowsPerCluster.Length; k++)
            {
                var start = (int)Math.Min(stop, _n);
                stop += rowsPerCluster[k];
                var end = (int)Math.Min(stop, _n);
                y.AsSpan(start, end - start).Fill(k % _classes);
                for (var i = 0; i < a.Length; i++)
                {
                    a[i] = (2 * rng.RandomSample()) - 1;
                }

                var centroid = centroids.AsSpan(k * d, d);
                for (var r = start; r < end; r++)
                {
                    var row = data.Slice(r * _features, d);
                    MultiplyRow(row, a, d, product);
                    for (var j = 0; j < d; j++)
                    {
                        row[j] = product[j] + centroid[j];
                    }
                }
            }
        }

        /// <summary>
        /// <c>X[:, d:d + n_redundant] = X[:, :d] @ B</c> with <c>B = 2 * uniform(d, n_redundant) - 1</c>.
        /// </summary>
        private void Redundant(Span<double> data)
        {
            if (_redundant == 0)
            {
                return;
            }

            var b = new double[_informative * _redundant];
            for (var i = 0; i < b.Length; i++)
            {
                b[i] = (2 * rng.RandomSample()) - 1;
            }

            for (var r = 0; r < _n; r++)
            {
                var row = data.Slice(r * _features, _informative + _redundant);
                MultiplyRow(row[.._informative], b, _redundant, row[_informative..]);
            }
        }

        /// <summary>
        /// <c>result[j] = sum_l row[l] * m[l, j]</c> for a row-major <c>row.Length x columns</c> matrix, summed left to
        /// right from 0 without fused multiply-adds: what the reference BLAS's gemm and gemv compute per element.
        /// </summary>
        private static void MultiplyRow(ReadOnlySpan<double> row, double[] m, int columns, Span<double> result)
        {
            result[..columns].Clear();
            for (var l = 0; l < row.Length; l++)
            {
                var v = row[l];
                var mRow = m.AsSpan(l * columns, columns);
                for (var j = 0; j < columns; j++)
                {
                    result[j] += v * mRow[j];
                }
            }
        }

        /// <summary>
        /// <c>indices = ((n - 1) * uniform(size=n_repeated) + 0.5).astype(intp)</c> over the informative and redundant
        /// columns, copied after them.
        /// </summary>
        private void Repeated(Span<double> data)
        {
            if (_repeated == 0)
            {
                return;
            }

            var n = _informative + _redundant;
            var sources = new int[_repeated];
            for (var i = 0; i < sources.Length; i++)
            {
                sources[i] = (int)(((n - 1) * rng.RandomSample()) + 0.5);
            }

            for (var r = 0; r < _n; r++)
            {
                var row = data.Slice(r * _features, _features);
                for (var i = 0; i < sources.Length; i++)
                {
                    row[n + i] = row[sources[i]];
                }
            }
        }

        /// <summary>
        /// <c>flip_mask = uniform(size=n_samples) &lt; flip_y</c>, then <c>randint(n_classes)</c> for each flipped row
        /// in row order. The uniforms are drawn even when <c>flip_y</c> is 0.
        /// </summary>
        private void FlipLabels(int[] y)
        {
            var flipY = options.FlipY;
            var flipped = new List<int>();
            for (var i = 0; i < _n; i++)
            {
                if (rng.RandomSample() < flipY)
                {
                    flipped.Add(i);
                }
            }

            foreach (var i in flipped)
            {
                y[i] = rng.RandInt(0, _classes);
            }
        }

        private double[] Broadcast(IReadOnlyList<double> values)
        {
            var result = new double[_features];
            for (var j = 0; j < result.Length; j++)
            {
                result[j] = values.Count == 1 ? values[0] : values[j];
            }

            return result;
        }

        /// <summary><c>shift = (2 * uniform(size=n_features) - 1) * class_sep</c>.</summary>
        private double[] RandomShift()
        {
            var shift = rng.RandomSample(_features);
            for (var j = 0; j < shift.Length; j++)
            {
                shift[j] = ((2 * shift[j]) - 1) * options.ClassSep;
            }

            return shift;
        }

        /// <summary><c>scale = 1 + 100 * uniform(size=n_features)</c>.</summary>
        private double[] RandomScale()
        {
            var scale = rng.RandomSample(_features);
            for (var j = 0; j < scale.Length; j++)
            {
                scale[j] = 1 + (100 * scale[j]);
            }

            return scale;
        }

        /// <summary>
        /// scikit-learn's <c>shuffle(X, y)</c>: NumPy's Fisher-Yates shuffle of <c>arange(n_samples)</c> then
        /// <c>X[indices]</c>; applying the same swaps to the rows directly gives the same order without a copy.
        /// </summary>
        private void ShuffleRows(Span<double> data, int[] y)
        {
            for (var i = _n - 1; i >= 1; i--)
            {
                var j = (int)rng.RandomInterval((ulong)i);
                if (j == i)
                {
                    continue;
                }

                var a = data.Slice(i * _features, _features);
                var b = data.Slice(j * _features, _features);
                for (var c = 0; c < a.Length; c++)
                {
                    (a[c], b[c]) = (b[c], a[c]);
                }

                (y[i], y[j]) = (y[j], y[i]);
            }
        }

        /// <summary>
        /// <c>X += shift; X *= scale</c> (two roundings) and, when shuffling, <c>X[:, :] = X[:, columns]</c>, in one
        /// pass over the rows. Element-wise steps commute with the permutations, so the order of these passes does
        /// not change any bit.
        /// </summary>
        private void ShiftScaleAndPermuteColumns(Span<double> data, double[] shift, double[] scale, int[]? columns)
        {
            Span<double> buffer = _features <= 256 ? stackalloc double[_features] : new double[_features];
            for (var r = 0; r < _n; r++)
            {
                var row = data.Slice(r * _features, _features);
                for (var j = 0; j < row.Length; j++)
                {
                    buffer[j] = (row[j] + shift[j]) * scale[j];
                }

                if (columns is null)
                {
                    buffer.CopyTo(row);
                }
                else
                {
                    for (var j = 0; j < row.Length; j++)
                    {
                        row[j] = buffer[columns[j]];
                    }
                }
            }
        }
    }
}
