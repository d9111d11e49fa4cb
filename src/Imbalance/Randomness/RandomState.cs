using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Security.Cryptography;

namespace Imbalance.Randomness;

/// <summary>
/// NumPy's legacy <c>numpy.random.RandomState</c>, bit for bit: the MT19937 generator seeded as NumPy seeds it and
/// the legacy distributions imblearn and scikit-learn draw from (<c>random_sample</c>, <c>randint</c>,
/// <c>uniform</c>, <c>standard_normal</c> with its cached second value, exponential, gamma, beta, <c>shuffle</c>,
/// <c>permutation</c>, <c>choice</c>) plus scikit-learn's <c>sample_without_replacement</c>.
/// </summary>
/// <remarks>
/// <para>For the same integer seed and the same sequence of calls every value equals NumPy 1.24's (the legacy
/// stream has been frozen since NumPy 1.17). Doubles are computed with the same IEEE-754 operations in the same
/// order, never fused; <c>log</c>, <c>exp</c> and <c>pow</c> come from the platform C library as in NumPy, so the
/// Gaussian, gamma and beta values match glibc-built NumPy exactly on Linux.</para>
/// <para>Like NumPy's, an instance is a mutable stream and is <b>not</b> thread-safe: give each thread its own.
/// Samplers never share one; with an integer seed they create a fresh generator at each of imblearn's
/// <c>check_random_state</c> call sites.</para>
/// <para>This is not the newer <c>numpy.random.Generator</c> (PCG64), which neither imblearn 0.10 nor
/// scikit-learn 1.2 uses.</para>
/// </remarks>
public sealed class RandomState
{
    private const int StateSize = 624;
    private const int ShiftSize = 397;
    private const uint MatrixA = 0x9908B0DFu;
    private const uint UpperMask = 0x80000000u;
    private const uint LowerMask = 0x7FFFFFFFu;

    /// <summary>
    /// scikit-learn's <c>MAX_INT</c> (<c>np.iinfo(np.int32).max</c>): "drawing a seed" means
    /// <c>randint(0, MAX_INT)</c>.
    /// </summary>
    public const int MaxInt = int.MaxValue;

    /// <summary>NumPy's tolerance on <c>sum(p)</c> in <c>choice</c>: <c>sqrt(np.finfo(np.float64).eps)</c>.</summary>
    private static readonly double ProbabilityTolerance = Math.Sqrt(Math.BitIncrement(1.0) - 1.0);

    private readonly uint[] _key = new uint[StateSize];
    private int _position;
    private bool _hasGauss;
    private double _gauss;

    /// <summary>
    /// Seeds the generator from an integer exactly like <c>np.random.RandomState(seed)</c> (Matsumoto and
    /// Nishimura's <c>init_genrand</c>).
    /// </summary>
    /// <param name="seed">An integer in [0, 2^32 - 1].</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="seed"/> is negative or above 2^32 - 1
    /// (NumPy: "Seed must be between 0 and 2**32 - 1").</exception>
    public RandomState(long seed)
    {
        if (seed is < 0 or > uint.MaxValue)
        {
            throw new ArgumentOutOfRangeException(nameof(seed), seed, "Seed must be between 0 and 2**32 - 1");
        }

        InitGenrand((uint)seed);
    }

    /// <summary>
    /// Seeds the generator from an array of words exactly like <c>np.random.RandomState([k0, k1, ...])</c>
    /// (<c>init_by_array</c>). Note that <c>RandomState([5])</c> and <c>RandomState(5)</c> are different streams in
    /// NumPy too.
    /// </summary>
    /// <param name="key">The seed words; at least one.</param>
    /// <exception cref="ArgumentException"><paramref name="key"/> is empty.</exception>
    public RandomState(ReadOnlySpan<uint> key)
    {
        if (key.IsEmpty)
        {
            throw new ArgumentException("Seed must be non-empty", nameof(key));
        }

        InitByArray(key);
    }

    private RandomState()
    {
    }

    /// <summary>
    /// A generator seeded from the operating system's entropy: what a sampler uses when its <c>RandomState</c> is
    /// <see langword="null"/> (imblearn's <c>random_state=None</c>). Its output cannot be reproduced.
    /// </summary>
    /// <returns>A new unpredictable generator.</returns>
    public static RandomState FromEntropy()
    {
        Span<uint> key = stackalloc uint[StateSize];
        RandomNumberGenerator.Fill(System.Runtime.InteropServices.MemoryMarshal.AsBytes(key));
        var state = new RandomState();
        state.InitByArray(key);
        return state;
    }

    /// <summary>Word <paramref name="index"/> of the 624-word MT19937 key (NumPy's <c>get_state()[1]</c>).</summary>
    internal uint KeyWord(int index) => _key[index];

    /// <summary>The position in the key (NumPy's <c>get_state()[2]</c>); 624 right after seeding.</summary>
    internal int Position => _position;

    // ----------------------------------------------------------------------------------------------------------
    // Raw words
    // ----------------------------------------------------------------------------------------------------------

    /// <summary>One raw 32-bit output of MT19937 (NumPy's <c>randint(0, 2**32, dtype=np.uint32)</c> word).</summary>
    /// <returns>The next tempered word.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public uint NextUInt32()
    {
        if (_position == StateSize)
        {
            Regenerate();
        }

        var y = _key[_position++];
        y ^= y >> 11;
        y ^= (y << 7) & 0x9D2C5680u;
        y ^= (y << 15) & 0xEFC60000u;
        y ^= y >> 18;
        return y;
    }

    /// <summary>One 64-bit output made of two words, the first drawn being the high half (NumPy on GCC/Clang).</summary>
    /// <returns>The next 64-bit value.</returns>
    public ulong NextUInt64()
    {
        ulong high = NextUInt32();
        return (high << 32) | NextUInt32();
    }

    // ----------------------------------------------------------------------------------------------------------
    // Uniform doubles
    // ----------------------------------------------------------------------------------------------------------

    /// <summary>
    /// One double in [0, 1) with 53 random bits: NumPy's <c>random_sample()</c> (also <c>random()</c>,
    /// <c>rand()</c>). Consumes two words.
    /// </summary>
    /// <returns>A multiple of 2^-53 in [0, 1 - 2^-53].</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double RandomSample()
    {
        var a = NextUInt32() >> 5;
        var b = NextUInt32() >> 6;
        return ((a * 67108864.0) + b) / 9007199254740992.0;
    }

    /// <summary>NumPy's <c>random_sample(size)</c>: <paramref name="size"/> doubles in [0, 1).</summary>
    /// <param name="size">How many values; 0 draws nothing.</param>
    /// <returns>The values in draw order.</returns>
    public double[] RandomSample(int size)
    {
        CheckSize(size);
        var values = new double[size];
        var position = _position;
        for (var i = 0; i < values.Length; i++)
        {
            var a = NextWord(ref position);
            values[i] = Double53(a, NextWord(ref position));
        }

        _position = position;
        return values;
    }

    /// <summary>
    /// NumPy's <c>uniform(low, high)</c>: <c>low + (high - low) * random_sample()</c>, two roundings, never fused.
    /// </summary>
    /// <param name="low">The lower bound (included).</param>
    /// <param name="high">The upper bound (excluded, up to rounding).</param>
    /// <returns>One value.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><c>high - low</c> is not finite (NumPy's OverflowError).</exception>
    public double Uniform(double low = 0.0, double high = 1.0)
    {
        var range = UniformRange(low, high);
        return low + (range * RandomSample());
    }

    /// <summary>NumPy's <c>uniform(low, high, size)</c>.</summary>
    /// <param name="low">The lower bound.</param>
    /// <param name="high">The upper bound.</param>
    /// <param name="size">How many values.</param>
    /// <returns>The values in draw order.</returns>
    public double[] Uniform(double low, double high, int size)
    {
        CheckSize(size);
        var range = UniformRange(low, high);
        var values = new double[size];
        var position = _position;
        for (var i = 0; i < values.Length; i++)
        {
            var a = NextWord(ref position);
            values[i] = low + (range * Double53(a, NextWord(ref position)));
        }

        _position = position;
        return values;
    }

    // ----------------------------------------------------------------------------------------------------------
    // Bounded integers
    // ----------------------------------------------------------------------------------------------------------

    /// <summary>
    /// NumPy's <c>randint(low, high)</c> (int64): one integer in [<paramref name="low"/>, <paramref name="high"/>)
    /// by masked rejection sampling. A range of one value consumes no words.
    /// </summary>
    /// <param name="low">The lowest value (included).</param>
    /// <param name="high">One above the highest value.</param>
    /// <returns>One value.</returns>
    /// <exception cref="ArgumentException"><paramref name="low"/> &gt;= <paramref name="high"/>.</exception>
    public long RandInt(long low, long high)
    {
        var range = CheckBounds(low, high);
        return unchecked(low + (long)BoundedMasked(range, SmallestMask(range)));
    }

    /// <summary>NumPy's <c>randint(low, high, size)</c> with int64 results.</summary>
    /// <param name="low">The lowest value (included).</param>
    /// <param name="high">One above the highest value.</param>
    /// <param name="size">How many values; 0 draws nothing.</param>
    /// <returns>The values in draw order.</returns>
    /// <exception cref="ArgumentException"><paramref name="low"/> &gt;= <paramref name="high"/>.</exception>
    public long[] RandInt(long low, long high, int size)
    {
        CheckSize(size);
        var range = CheckBounds(low, high);
        var values = new long[size];
        var mask = SmallestMask(range);
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = unchecked(low + (long)BoundedMasked(range, mask));
        }

        return values;
    }

    /// <summary>NumPy's <c>randint(low, high)</c> for bounds that fit in an <see cref="int"/>.</summary>
    /// <param name="low">The lowest value (included).</param>
    /// <param name="high">One above the highest value.</param>
    /// <returns>One value.</returns>
    /// <exception cref="ArgumentException"><paramref name="low"/> &gt;= <paramref name="high"/>.</exception>
    public int RandInt(int low, int high) => (int)RandInt((long)low, high);

    /// <summary>
    /// NumPy's <c>randint(low, high, size)</c> for bounds that fit in an <see cref="int"/> (the values are those of
    /// the int64 call; imblearn uses this to pick rows).
    /// </summary>
    /// <param name="low">The lowest value (included).</param>
    /// <param name="high">One above the highest value.</param>
    /// <param name="size">How many values; 0 draws nothing.</param>
    /// <returns>The values in draw order.</returns>
    /// <exception cref="ArgumentException"><paramref name="low"/> &gt;= <paramref name="high"/>.</exception>
    public int[] RandInt(int low, int high, int size)
    {
        CheckSize(size);
        var range = CheckBounds(low, high);
        var values = new int[size];
        if (range == 0)
        {
            // A range of one value consumes no words.
            values.AsSpan().Fill(low);
            return values;
        }

        // int bounds give a range of at most 2^32 - 2: always 32-bit words, masked rejection (BoundedMasked's
        // 32-bit branch with the stream position kept in a local).
        var mask = (uint)SmallestMask(range);
        var range32 = (uint)range;
        var position = _position;
        for (var i = 0; i < values.Length; i++)
        {
            uint value;
            do
            {
                value = NextWord(ref position) & mask;
            }
            while (value > range32);

            values[i] = (int)(low + (long)value);
        }

        _position = position;
        return values;
    }

    /// <summary>
    /// Draws a seed for another generator, <c>randint(MAX_INT)</c>: how scikit-learn seeds sub-estimators
    /// (<c>_set_random_states</c>) and ensembles.
    /// </summary>
    /// <returns>A value in [0, 2^31 - 2].</returns>
    public int NextSeed() => RandInt(0, MaxInt);

    // ----------------------------------------------------------------------------------------------------------
    // Normal, exponential, gamma, beta
    // ----------------------------------------------------------------------------------------------------------

    /// <summary>
    /// NumPy's legacy <c>standard_normal()</c>: the polar Box-Muller method, which makes two values per accepted
    /// pair and returns the second one now and the first one on the next call. The cached value is part of the
    /// state: it survives calls to other methods.
    /// </summary>
    /// <returns>One standard normal value.</returns>
    public double StandardNormal()
    {
        if (_hasGauss)
        {
            _hasGauss = false;
            var cached = _gauss;
            _gauss = 0.0;
            return cached;
        }

        double x1, x2, r2;
        do
        {
            x1 = (2.0 * RandomSample()) - 1.0;
            x2 = (2.0 * RandomSample()) - 1.0;
            r2 = (x1 * x1) + (x2 * x2);
        }
        while (r2 >= 1.0 || r2 == 0.0);

        var f = Math.Sqrt((-2.0 * Math.Log(r2)) / r2);
        _gauss = f * x1;
        _hasGauss = true;
        return f * x2;
    }

    /// <summary>NumPy's <c>standard_normal(size)</c>.</summary>
    /// <param name="size">How many values.</param>
    /// <returns>The values in draw order.</returns>
    public double[] StandardNormal(int size)
    {
        CheckSize(size);
        var values = new double[size];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = StandardNormal();
        }

        return values;
    }

    /// <summary>NumPy's <c>randn(rows, columns)</c>: standard normals filled in row-major order.</summary>
    /// <param name="rows">Number of rows.</param>
    /// <param name="columns">Number of columns.</param>
    /// <returns>A new <c>rows x columns</c> matrix.</returns>
    public double[,] Randn(int rows, int columns)
    {
        CheckSize(rows, nameof(rows));
        CheckSize(columns, nameof(columns));
        var values = new double[rows, columns];
        for (var i = 0; i < rows; i++)
        {
            for (var j = 0; j < columns; j++)
            {
                values[i, j] = StandardNormal();
            }
        }

        return values;
    }

    /// <summary>NumPy's legacy <c>normal(loc, scale)</c>: <c>loc + scale * standard_normal()</c>.</summary>
    /// <param name="loc">The mean.</param>
    /// <param name="scale">The standard deviation, &gt;= 0.</param>
    /// <returns>One value.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="scale"/> is negative or NaN.</exception>
    public double Normal(double loc, double scale)
    {
        CheckNonNegative(scale, nameof(scale));
        return loc + (scale * StandardNormal());
    }

    /// <summary>NumPy's legacy <c>normal(loc, scale, size)</c>.</summary>
    /// <param name="loc">The mean.</param>
    /// <param name="scale">The standard deviation, &gt;= 0.</param>
    /// <param name="size">How many values.</param>
    /// <returns>The values in draw order.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="scale"/> is negative or NaN.</exception>
    public double[] Normal(double loc, double scale, int size)
    {
        CheckSize(size);
        CheckNonNegative(scale, nameof(scale));
        var values = new double[size];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = loc + (scale * StandardNormal());
        }

        return values;
    }

    /// <summary>NumPy's legacy <c>standard_exponential()</c>: <c>-log(1 - random_sample())</c>.</summary>
    /// <returns>One value.</returns>
    public double StandardExponential() => -Math.Log(1.0 - RandomSample());

    /// <summary>
    /// NumPy's legacy <c>standard_gamma(shape)</c>: Marsaglia and Tsang's method for shape &gt; 1 (drawing from
    /// <see cref="StandardNormal()"/>, so it uses and may leave the Gaussian cache), Johnk-style rejection for
    /// shape &lt; 1, the exponential for shape 1 and 0 for shape 0.
    /// </summary>
    /// <param name="shape">The shape, &gt;= 0.</param>
    /// <returns>One value.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="shape"/> is negative or NaN.</exception>
    public double StandardGamma(double shape)
    {
        CheckNonNegative(shape, nameof(shape));
        return Gamma(shape);
    }

    /// <summary>
    /// NumPy's legacy <c>beta(a, b)</c>: Johnk's algorithm when both parameters are at most 1, otherwise
    /// <c>Ga / (Ga + Gb)</c> with two <see cref="StandardGamma"/> draws. Borderline-SMOTE-2 and SVM-SMOTE draw
    /// <c>beta(10, 10)</c>.
    /// </summary>
    /// <param name="a">Alpha, &gt; 0.</param>
    /// <param name="b">Beta, &gt; 0.</param>
    /// <returns>One value in [0, 1].</returns>
    /// <exception cref="ArgumentOutOfRangeException">A parameter is not positive.</exception>
    public double Beta(double a, double b)
    {
        CheckPositive(a, nameof(a));
        CheckPositive(b, nameof(b));
        if (a <= 1.0 && b <= 1.0)
        {
            while (true)
            {
                var u = RandomSample();
                var v = RandomSample();
                var x = Math.Pow(u, 1.0 / a);
                var y = Math.Pow(v, 1.0 / b);
                if (x + y <= 1.0)
                {
                    if (x + y > 0)
                    {
                        return x / (x + y);
                    }

                    // Both powers underflowed: finish in log space.
                    var logX = Math.Log(u) / a;
                    var logY = Math.Log(v) / b;
                    var logM = logX > logY ? logX : logY;
                    logX -= logM;
                    logY -= logM;
                    return Math.Exp(logX - Math.Log(Math.Exp(logX) + Math.Exp(logY)));
                }
            }
        }

        var ga = Gamma(a);
        var gb = Gamma(b);
        return ga / (ga + gb);
    }

    /// <summary>NumPy's legacy <c>beta(a, b, size)</c>.</summary>
    /// <param name="a">Alpha, &gt; 0.</param>
    /// <param name="b">Beta, &gt; 0.</param>
    /// <param name="size">How many values.</param>
    /// <returns>The values in draw order.</returns>
    public double[] Beta(double a, double b, int size)
    {
        CheckSize(size);
        CheckPositive(a, nameof(a));
        CheckPositive(b, nameof(b));
        var values = new double[size];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = Beta(a, b);
        }

        return values;
    }

    // ----------------------------------------------------------------------------------------------------------
    // Shuffling and choice
    // ----------------------------------------------------------------------------------------------------------

    /// <summary>
    /// NumPy's <c>shuffle(x)</c> in place: Fisher-Yates from the end, <c>j = random_interval(i)</c> for
    /// <c>i = n-1 .. 1</c> (a draw happens even when <c>j == i</c>).
    /// </summary>
    /// <typeparam name="T">The element type.</typeparam>
    /// <param name="values">The values to permute.</param>
    public void Shuffle<T>(Span<T> values)
    {
        // random_interval(i) for i = n-1 .. 1 with the stream position in a local, the mask recomputed only when i
        // drops below a power of two (every i in (mask / 2, mask] shares it) and no range checks: j <= i < n.
        var position = _position;
        ref var first = ref MemoryMarshal.GetReference(values);
        var i = values.Length - 1;
        while (i >= 1)
        {
            var mask = (uint)SmallestMask((ulong)i);
            var below = (int)(mask >> 1);
            for (; i > below; i--)
            {
                uint j;
                do
                {
                    j = NextWord(ref position) & mask;
                }
                while (j > (uint)i);

                ref var a = ref Unsafe.Add(ref first, i);
                ref var b = ref Unsafe.Add(ref first, (int)j);
                (a, b) = (b, a);
            }
        }

        _position = position;
    }

    /// <summary>
    /// NumPy's <c>shuffle(x)</c> of a 2-D array: permutes the rows (axis 0) in place with the same draws as a
    /// 1-D shuffle of the same length.
    /// </summary>
    /// <param name="matrix">The matrix whose rows are permuted.</param>
    public void ShuffleRows(double[,] matrix)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        var columns = matrix.GetLength(1);
        for (var i = matrix.GetLength(0) - 1; i >= 1; i--)
        {
            var j = (int)RandomInterval((ulong)i);
            if (j == i)
            {
                continue;
            }

            for (var c = 0; c < columns; c++)
            {
                (matrix[i, c], matrix[j, c]) = (matrix[j, c], matrix[i, c]);
            }
        }
    }

    /// <summary>NumPy's <c>permutation(n)</c>: <c>0..n-1</c> shuffled (n - 1 draws).</summary>
    /// <param name="n">The population size, &gt;= 0.</param>
    /// <returns>A new permutation.</returns>
    public int[] Permutation(int n)
    {
        CheckSize(n, nameof(n));
        var values = new int[n];
        for (var i = 0; i < n; i++)
        {
            values[i] = i;
        }

        Shuffle(values.AsSpan());
        return values;
    }

    /// <summary>NumPy's <c>permutation(array)</c>: a shuffled copy; the input is not modified.</summary>
    /// <typeparam name="T">The element type.</typeparam>
    /// <param name="values">The values.</param>
    /// <returns>A new, shuffled array.</returns>
    public T[] Permutation<T>(ReadOnlySpan<T> values)
    {
        var copy = values.ToArray();
        Shuffle(copy.AsSpan());
        return copy;
    }

    /// <summary>
    /// NumPy's <c>choice(n, size, replace, p)</c>: <paramref name="size"/> indices in [0, <paramref name="n"/>).
    /// With replacement and no <paramref name="p"/>: <c>randint(0, n, size)</c>. Without replacement and no
    /// <paramref name="p"/>: the first <paramref name="size"/> entries of <c>permutation(n)</c>, which shuffles the
    /// whole population even for a small (or zero) size. With <paramref name="p"/>: inverse-CDF sampling over
    /// <c>cumsum(p) / cumsum(p)[-1]</c>, repeated without replacement until enough distinct indices are found.
    /// </summary>
    /// <param name="n">The population size.</param>
    /// <param name="size">How many indices to draw.</param>
    /// <param name="replace">Whether an index may be drawn more than once (NumPy's default: true).</param>
    /// <param name="p">Optional probabilities of each index: non-negative, summing to 1; empty for uniform.</param>
    /// <returns>The drawn indices in draw order.</returns>
    /// <exception cref="ArgumentException">The request is impossible (NumPy's messages): an empty population with
    /// a positive size, <paramref name="size"/> &gt; <paramref name="n"/> without replacement, or invalid
    /// <paramref name="p"/>.</exception>
    public int[] Choice(int n, int size, bool replace = true, ReadOnlySpan<double> p = default)
    {
        CheckSize(size);
        if (n < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(n), n, "a must be greater than 0 unless no samples are taken");
        }

        if (n == 0 && size != 0)
        {
            throw new ArgumentException("a must be greater than 0 unless no samples are taken", nameof(n));
        }

        var weighted = !p.IsEmpty;
        if (weighted)
        {
            CheckProbabilities(p, n);
        }

        if (!replace)
        {
            if (size > n)
            {
                throw new ArgumentException("Cannot take a larger sample than population when 'replace=False'", nameof(size));
            }

            if (weighted)
            {
                var nonZero = 0;
                foreach (var v in p)
                {
                    nonZero += v > 0 ? 1 : 0;
                }

                if (nonZero < size)
                {
                    throw new ArgumentException("Fewer non-zero entries in p than size", nameof(p));
                }

                return ChoiceWeightedWithoutReplacement(p, size);
            }

            return Permutation(n).AsSpan(0, size).ToArray();
        }

        if (!weighted)
        {
            return size == 0 ? [] : RandInt(0, n, size);
        }

        var cdf = NormalizedCdf(p);
        var result = new int[size];
        for (var i = 0; i < size; i++)
        {
            result[i] = SearchSortedRight(cdf, RandomSample());
        }

        return result;
    }

    /// <summary>NumPy's <c>choice(a, size, replace, p)</c> over the elements of a list: <c>a[choice(len(a), ...)]</c>.</summary>
    /// <typeparam name="T">The element type.</typeparam>
    /// <param name="population">The values to choose from.</param>
    /// <param name="size">How many values to draw.</param>
    /// <param name="replace">Whether a value may be drawn more than once.</param>
    /// <param name="p">Optional probabilities of each element.</param>
    /// <returns>The drawn values in draw order.</returns>
    /// <exception cref="ArgumentException">See <see cref="Choice(int, int, bool, ReadOnlySpan{double})"/>; an empty
    /// population with a positive size is "'a' cannot be empty unless no samples are taken".</exception>
    public T[] Choice<T>(IReadOnlyList<T> population, int size, bool replace = true, ReadOnlySpan<double> p = default)
    {
        ArgumentNullException.ThrowIfNull(population);
        if (population.Count == 0 && size > 0)
        {
            throw new ArgumentException("'a' cannot be empty unless no samples are taken", nameof(population));
        }

        var picks = Choice(population.Count, size, replace, p);
        var values = new T[picks.Length];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = population[picks[i]];
        }

        return values;
    }

    /// <summary>
    /// scikit-learn's <c>sample_without_replacement(n_population, n_samples, method="auto")</c> on this generator:
    /// <c>permutation(n_population)[:n_samples]</c> when the ratio <c>n_samples / n_population</c> is strictly
    /// between 0.01 and 0.99, tracking selection (redraw <c>randint(n_population)</c> until unseen) when it is at
    /// most 0.01, reservoir sampling otherwise. Used by bagging without bootstrap.
    /// </summary>
    /// <param name="populationSize">The population size, &gt;= 0.</param>
    /// <param name="sampleSize">How many distinct indices, at most <paramref name="populationSize"/>.</param>
    /// <returns>The indices in scikit-learn's order.</returns>
    /// <exception cref="ArgumentException">A size is negative or <paramref name="sampleSize"/> exceeds
    /// <paramref name="populationSize"/>.</exception>
    public int[] SampleWithoutReplacement(int populationSize, int sampleSize)
    {
        if (populationSize < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(populationSize), populationSize, "n_population should be greater than 0");
        }

        if (sampleSize < 0 || sampleSize > populationSize)
        {
            throw new ArgumentOutOfRangeException(nameof(sampleSize), sampleSize, "n_population should be greater or equal than n_samples");
        }

        var ratio = populationSize == 0 ? 1.0 : (double)sampleSize / populationSize;
        if (ratio > 0.01 && ratio < 0.99)
        {
            return Permutation(populationSize).AsSpan(0, sampleSize).ToArray();
        }

        var result = new int[sampleSize];
        if (ratio < 0.2)
        {
            var selected = new HashSet<int>();
            for (var i = 0; i < sampleSize; i++)
            {
                int j;
                do
                {
                    j = RandInt(0, populationSize);
                }
                while (!selected.Add(j));

                result[i] = j;
            }

            return result;
        }

        for (var i = 0; i < sampleSize; i++)
        {
            result[i] = i;
        }

        for (var i = sampleSize; i < populationSize; i++)
        {
            var j = RandInt(0, i + 1);
            if (j < sampleSize)
            {
                result[j] = i;
            }
        }

        return result;
    }

    /// <summary>
    /// NumPy's <c>random_interval(max)</c>: one value in [0, <paramref name="max"/>] by masked rejection, 32-bit
    /// words when <paramref name="max"/> fits, 64-bit otherwise; 0 consumes nothing.
    /// </summary>
    internal ulong RandomInterval(ulong max) => BoundedMasked(max, SmallestMask(max));

    // ----------------------------------------------------------------------------------------------------------
    // Internals
    // ----------------------------------------------------------------------------------------------------------

    private void InitGenrand(uint seed)
    {
        _key[0] = seed;
        for (var i = 1; i < StateSize; i++)
        {
            var previous = _key[i - 1];
            _key[i] = unchecked((1812433253u * (previous ^ (previous >> 30))) + (uint)i);
        }

        _position = StateSize;
        _hasGauss = false;
        _gauss = 0.0;
    }

    private void InitByArray(ReadOnlySpan<uint> initKey)
    {
        InitGenrand(19650218u);
        var i = 1;
        var j = 0;
        var length = initKey.Length;
        unchecked
        {
            for (var k = Math.Max(StateSize, length); k > 0; k--)
            {
                var previous = _key[i - 1];
                _key[i] = (_key[i] ^ ((previous ^ (previous >> 30)) * 1664525u)) + initKey[j] + (uint)j;
                i++;
                j++;
                if (i >= StateSize)
                {
                    _key[0] = _key[StateSize - 1];
                    i = 1;
                }

                if (j >= length)
                {
                    j = 0;
                }
            }

            for (var k = StateSize - 1; k > 0; k--)
            {
                var previous = _key[i - 1];
                _key[i] = (_key[i] ^ ((previous ^ (previous >> 30)) * 1566083941u)) - (uint)i;
                i++;
                if (i >= StateSize)
                {
                    _key[0] = _key[StateSize - 1];
                    i = 1;
                }
            }
        }

        _key[0] = 0x80000000u;
        _position = StateSize;
    }

    /// <summary>
    /// The next tempered word for the bulk loops, which keep the stream position in a local (<paramref name="position"/>)
    /// and store it back in <c>_position</c> when done: the same words as <see cref="NextUInt32"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private uint NextWord(ref int position)
    {
        if (position == StateSize)
        {
            Regenerate();
            position = 0;
        }

        // 0 <= position < StateSize = _key.Length.
        var y = Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_key), position++);
        y ^= y >> 11;
        y ^= (y << 7) & 0x9D2C5680u;
        y ^= (y << 15) & 0xEFC60000u;
        y ^= y >> 18;
        return y;
    }

    /// <summary><see cref="RandomSample()"/>'s double from its two words, drawn in the order a, b.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double Double53(uint a, uint b) => (((a >> 5) * 67108864.0) + (b >> 6)) / 9007199254740992.0;

    private void Regenerate()
    {
        // The twist of §1.3, split at the two wrap-around points instead of taking indices modulo 624.
        var key = _key.AsSpan(0, StateSize);
        int i;
        for (i = 0; i < StateSize - ShiftSize; i++)
        {
            var y = (key[i] & UpperMask) | (key[i + 1] & LowerMask);
            key[i] = key[i + ShiftSize] ^ (y >> 1) ^ ((0u - (y & 1u)) & MatrixA);
        }

        for (; i < StateSize - 1; i++)
        {
            var y = (key[i] & UpperMask) | (key[i + 1] & LowerMask);
            key[i] = key[i + ShiftSize - StateSize] ^ (y >> 1) ^ ((0u - (y & 1u)) & MatrixA);
        }

        var last = (key[StateSize - 1] & UpperMask) | (key[0] & LowerMask);
        key[StateSize - 1] = key[ShiftSize - 1] ^ (last >> 1) ^ ((0u - (last & 1u)) & MatrixA);
        _position = 0;
    }

    /// <summary>
    /// A value in [0, range] (range = high - 1 - low as an unsigned 64-bit number, mask = its smallest covering
    /// 2^m - 1): numpy's bounded masked generation. Every try takes a fresh 32-bit word when the range fits in 32
    /// bits, two words otherwise; the full 32- and 64-bit ranges take one draw and no rejection.
    /// </summary>
    private ulong BoundedMasked(ulong range, ulong mask)
    {
        if (range == 0)
        {
            return 0;
        }

        if (range <= uint.MaxValue)
        {
            if (range == uint.MaxValue)
            {
                return NextUInt32();
            }

            var mask32 = (uint)mask;
            var range32 = (uint)range;
            uint value;
            do
            {
                value = NextUInt32() & mask32;
            }
            while (value > range32);

            return value;
        }

        if (range == ulong.MaxValue)
        {
            return NextUInt64();
        }

        ulong wide;
        do
        {
            wide = NextUInt64() & mask;
        }
        while (wide > range);

        return wide;
    }

    private static ulong SmallestMask(ulong max)
    {
        var mask = max;
        mask |= mask >> 1;
        mask |= mask >> 2;
        mask |= mask >> 4;
        mask |= mask >> 8;
        mask |= mask >> 16;
        mask |= mask >> 32;
        return mask;
    }

    private static ulong CheckBounds(long low, long high)
    {
        if (low >= high)
        {
            throw new ArgumentException(low == 0 ? "high <= 0" : "low >= high", nameof(high));
        }

        return unchecked((ulong)(high - 1) - (ulong)low);
    }

    private static double UniformRange(double low, double high)
    {
        var range = high - low;
        if (!double.IsFinite(range))
        {
            throw new ArgumentOutOfRangeException(nameof(high), high, "Range exceeds valid bounds");
        }

        return range;
    }

    private double Gamma(double shape)
    {
        if (shape == 1.0)
        {
            return StandardExponential();
        }

        if (shape == 0.0)
        {
            return 0.0;
        }

        if (shape < 1.0)
        {
            while (true)
            {
                var u = RandomSample();
                var v = StandardExponential();
                if (u <= 1.0 - shape)
                {
                    var x = Math.Pow(u, 1.0 / shape);
                    if (x <= v)
                    {
                        return x;
                    }
                }
                else
                {
                    var y = -Math.Log((1 - u) / shape);
                    var x = Math.Pow(1.0 - shape + (shape * y), 1.0 / shape);
                    if (x <= v + y)
                    {
                        return x;
                    }
                }
            }
        }

        var b = shape - (1.0 / 3.0);
        var c = 1.0 / Math.Sqrt(9 * b);
        while (true)
        {
            double x, v;
            do
            {
                x = StandardNormal();
                v = 1.0 + (c * x);
            }
            while (v <= 0.0);

            v = v * v * v;
            var u = RandomSample();
            if (u < 1.0 - (0.0331 * (x * x) * (x * x)))
            {
                return b * v;
            }

            if (Math.Log(u) < (0.5 * x * x) + (b * (1.0 - v + Math.Log(v))))
            {
                return b * v;
            }
        }
    }

    private int[] ChoiceWeightedWithoutReplacement(ReadOnlySpan<double> probabilities, int size)
    {
        var p = probabilities.ToArray();
        var found = new int[size];
        var foundCount = 0;
        var seen = new HashSet<int>();
        while (foundCount < size)
        {
            var draws = RandomSample(size - foundCount);
            for (var f = 0; f < foundCount; f++)
            {
                p[found[f]] = 0.0;
            }

            var cdf = NormalizedCdf(p);

            // np.unique(new, return_index=True) then sorting the first-occurrence positions keeps the distinct
            // values in order of first occurrence within this round.
            seen.Clear();
            var round = new List<int>();
            foreach (var u in draws)
            {
                var index = SearchSortedRight(cdf, u);
                if (seen.Add(index))
                {
                    round.Add(index);
                }
            }

            foreach (var index in round)
            {
                found[foundCount++] = index;
            }
        }

        return found;
    }

    private static double[] NormalizedCdf(ReadOnlySpan<double> p)
    {
        var cdf = new double[p.Length];
        var sum = 0.0;
        for (var i = 0; i < p.Length; i++)
        {
            sum += p[i];
            cdf[i] = sum;
        }

        var last = cdf[^1];
        for (var i = 0; i < cdf.Length; i++)
        {
            cdf[i] /= last;
        }

        return cdf;
    }

    /// <summary><c>searchsorted(cdf, u, side='right')</c>: the number of entries &lt;= <paramref name="u"/>.</summary>
    private static int SearchSortedRight(double[] cdf, double u)
    {
        var lo = 0;
        var hi = cdf.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (cdf[mid] <= u)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }

    private static void CheckProbabilities(ReadOnlySpan<double> p, int n)
    {
        if (p.Length != n)
        {
            throw new ArgumentException("'a' and 'p' must have same size", nameof(p));
        }

        // NumPy's kahan_sum (starting from p[0]), then its checks in its order: a NaN sum, a negative entry, the
        // tolerance. An infinite entry makes the sum NaN or infinite, so it is rejected too.
        double sum = p[0], compensation = 0.0;
        for (var i = 1; i < p.Length; i++)
        {
            var y = p[i] - compensation;
            var t = sum + y;
            compensation = (t - sum) - y;
            sum = t;
        }

        if (double.IsNaN(sum))
        {
            throw new ArgumentException("probabilities contain NaN", nameof(p));
        }

        foreach (var v in p)
        {
            if (v < 0)
            {
                throw new ArgumentException("probabilities are not non-negative", nameof(p));
            }
        }

        if (Math.Abs(sum - 1.0) > ProbabilityTolerance)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"probabilities do not sum to 1 (sum = {sum})"), nameof(p));
        }
    }

    private static void CheckSize(int size, string parameterName = "size")
    {
        if (size < 0)
        {
            throw new ArgumentOutOfRangeException(parameterName, size, "negative dimensions are not allowed");
        }
    }

    private static void CheckNonNegative(double value, string parameterName)
    {
        if (!(value >= 0.0))
        {
            throw new ArgumentOutOfRangeException(parameterName, value, $"{parameterName} < 0");
        }
    }

    private static void CheckPositive(double value, string parameterName)
    {
        if (!(value > 0.0))
        {
            throw new ArgumentOutOfRangeException(parameterName, value, $"{parameterName} <= 0");
        }
    }
}
