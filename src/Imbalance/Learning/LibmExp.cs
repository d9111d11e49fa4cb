using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Imbalance.Learning;

/// <summary>
/// <c>exp(x)</c> for many <c>x</c> at once, bit for bit equal to <see cref="Math.Exp"/> (the C library's
/// <c>exp</c>, which libsvm calls too) when that is glibc's FMA build of its table-driven exp (glibc 2.28 and later,
/// the algorithm of Arm's optimized-routines, selected on CPUs with FMA and AVX2). It evaluates that algorithm with
/// the same fused and unfused operations in the same order, 8 lanes at a time: <c>x = k ln2/128 + r</c>,
/// <c>2^(k/128)</c> from a 128-entry table (computed here exactly from its definition), a degree-5 polynomial in
/// <c>r</c>. Lanes outside the main range (<c>|x| &lt; 2^-54</c>, <c>|x| &gt;= 512</c>, NaN) call
/// <see cref="Math.Exp"/>.
/// </summary>
/// <remarks>At first use the vector path is compared with <see cref="Math.Exp"/> on thousands of probes covering
/// every table entry; any difference (another C library, another build of exp, no FMA) turns it off for the process
/// and every value then comes from <see cref="Math.Exp"/>. Either way the values are <see cref="Math.Exp"/>'s.</remarks>
internal static class LibmExp
{
    private const int TableBits = 7;
    private const int TableSize = 1 << TableBits;
    private static readonly double InvLn2N = BitConverter.UInt64BitsToDouble(0x40671547652b82fe);
    private static readonly double NegLn2HiN = BitConverter.UInt64BitsToDouble(0xbf762e42fefa0000);
    private static readonly double NegLn2LoN = BitConverter.UInt64BitsToDouble(0xbd0cf79abc9e3b3a);
    private static readonly double C2 = BitConverter.UInt64BitsToDouble(0x3fdffffffffffdbd);
    private static readonly double C3 = BitConverter.UInt64BitsToDouble(0x3fc555555555543c);
    private static readonly double C4 = BitConverter.UInt64BitsToDouble(0x3fa55555cf172b91);
    private static readonly double C5 = BitConverter.UInt64BitsToDouble(0x3f81111167a4d017);
    private static readonly double Shift = BitConverter.UInt64BitsToDouble(0x4338000000000000);

    /// <summary>Per table entry k: the tail <c>(2^(k/128) - H) / H</c> (as a double) and the bits of
    /// <c>H</c> (the double nearest <c>2^(k/128)</c>) minus <c>k &lt;&lt; 45</c>.</summary>
    private static readonly double[] Tails = new double[TableSize];
    private static readonly ulong[] ScaleBits = new ulong[TableSize];

    /// <summary>The two tables as 16 vectors of 8 entries each (the scale bits reinterpreted as doubles).</summary>
    private static readonly Vector512<double>[] TailVectors = new Vector512<double>[TableSize / 8];
    private static readonly Vector512<double>[] ScaleVectors = new Vector512<double>[TableSize / 8];
    private static readonly bool Vectorised = Vector512.IsHardwareAccelerated && Avx512F.IsSupported && Fma.IsSupported && BuildTable() && Agrees();

    /// <summary>Whether the vector path is in use (it agreed with <see cref="Math.Exp"/> on every probe).</summary>
    public static bool IsVectorised => Vectorised;

    /// <summary>Replaces every value by its exponential, exactly as <see cref="Math.Exp"/> would.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void ExpInPlace(Span<double> values)
    {
        var k = 0;
        if (IsVectorised)
        {
            ref var v = ref MemoryMarshal.GetReference(values);
            for (; k + 8 <= values.Length; k += 8)
            {
                Exp8(Vector512.LoadUnsafe(ref v, (nuint)k)).StoreUnsafe(ref v, (nuint)k);
            }
        }

        for (; k < values.Length; k++)
        {
            values[k] = Math.Exp(values[k]);
        }
    }

    /// <summary>The exponentials of 8 values, <see cref="Math.Exp"/>'s bits; only when <see cref="IsVectorised"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<double> Exp8(Vector512<double> x)
    {
        var top = (x.AsUInt64() >> 52) & Vector512.Create(0x7ffUL);
        var outside = Vector512.GreaterThan(top - Vector512.Create(0x3c9UL), Vector512.Create(0x3eUL));

        // The operations of glibc's __exp_fma main path, in its order (fma(a, b, c) = a * b + c rounded once).
        var kd = Vector512.FusedMultiplyAdd(x, Vector512.Create(InvLn2N), Vector512.Create(Shift));
        var ki = kd.AsUInt64();
        kd -= Vector512.Create(Shift);
        var r = Vector512.FusedMultiplyAdd(kd, Vector512.Create(NegLn2HiN), x);
        r = Vector512.FusedMultiplyAdd(kd, Vector512.Create(NegLn2LoN), r);
        var (tail, scaleBits) = Lookup((ki & Vector512.Create((ulong)(TableSize - 1))).AsInt64());
        var topBits = ki << (52 - TableBits);

        var p23 = Vector512.FusedMultiplyAdd(r, Vector512.Create(C3), Vector512.Create(C2));
        var t0 = r + tail;
        var r2 = r * r;
        var p45 = Vector512.FusedMultiplyAdd(r, Vector512.Create(C5), Vector512.Create(C4));
        var t1 = Vector512.FusedMultiplyAdd(p23, r2, t0);
        var r4 = r2 * r2;
        var tmp = Vector512.FusedMultiplyAdd(r4, p45, t1);
        var scale = (topBits + scaleBits.AsUInt64()).AsDouble();
        var result = Vector512.FusedMultiplyAdd(scale, tmp, scale);
        return outside == Vector512<ulong>.Zero ? result : Outside(x, outside, result);
    }

    /// <summary>Lanes outside the main range take <see cref="Math.Exp"/>'s value.</summary>
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    private static Vector512<double> Outside(Vector512<double> x, Vector512<ulong> outside, Vector512<double> result)
    {
        for (var lane = 0; lane < 8; lane++)
        {
            if (outside.GetElement(lane) != 0)
            {
                result = result.WithElement(lane, Math.Exp(x.GetElement(lane)));
            }
        }

        return result;
    }

    /// <summary>The table entries of 8 indices in [0, 128): <c>vpermt2pd</c> picks within each 16-entry pair of table
    /// vectors (index bits 0-3), then index bits 4, 5 and 6 choose among the 8 pairs.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static (Vector512<double> Tail, Vector512<double> ScaleBits) Lookup(Vector512<long> index)
    {
        ref var tails = ref MemoryMarshal.GetArrayDataReference(TailVectors);
        ref var scales = ref MemoryMarshal.GetArrayDataReference(ScaleVectors);
        var bit4 = Vector512.Equals(index & Vector512.Create(16L), Vector512.Create(16L)).AsDouble();
        var bit5 = Vector512.Equals(index & Vector512.Create(32L), Vector512.Create(32L)).AsDouble();
        var bit6 = Vector512.Equals(index & Vector512.Create(64L), Vector512.Create(64L)).AsDouble();
        var t0 = Select(ref tails, 0, index, bit4);
        var t1 = Select(ref tails, 4, index, bit4);
        var t2 = Select(ref tails, 8, index, bit4);
        var t3 = Select(ref tails, 12, index, bit4);
        var s0 = Select(ref scales, 0, index, bit4);
        var s1 = Select(ref scales, 4, index, bit4);
        var s2 = Select(ref scales, 8, index, bit4);
        var s3 = Select(ref scales, 12, index, bit4);
        var tail = Vector512.ConditionalSelect(bit6, Vector512.ConditionalSelect(bit5, t3, t2), Vector512.ConditionalSelect(bit5, t1, t0));
        var scale = Vector512.ConditionalSelect(bit6, Vector512.ConditionalSelect(bit5, s3, s2), Vector512.ConditionalSelect(bit5, s1, s0));
        return (tail, scale);
    }

    /// <summary>Entries <c>8 first</c> to <c>8 first + 31</c> of a table (vectors <paramref name="first"/> to
    /// <c>first + 3</c>): bit 4 of the index chooses the 16-entry half.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<double> Select(ref Vector512<double> table, int first, Vector512<long> index, Vector512<double> bit4)
    {
        var low = Avx512F.PermuteVar8x64x2(Unsafe.Add(ref table, first), index, Unsafe.Add(ref table, first + 1));
        var high = Avx512F.PermuteVar8x64x2(Unsafe.Add(ref table, first + 2), index, Unsafe.Add(ref table, first + 3));
        return Vector512.ConditionalSelect(bit4, high, low);
    }

    /// <summary>The table from its definition: 2^(k/128) to 256 fractional bits (seventh square root of 2 by integer
    /// Newton steps, then powers), rounded to the nearest double H, and the relative rest rounded to a double.</summary>
    private static bool BuildTable()
    {
        const int bits = 256;
        var root = BigInteger.One << (bits + 1);
        for (var s = 0; s < TableBits; s++)
        {
            root = IntegerSquareRoot(root << bits);
        }

        var value = BigInteger.One << bits;
        for (var k = 0; k < TableSize; k++)
        {
            if (k > 0)
            {
                value = (value * root) >> bits;
            }

            var mantissa = RoundShift(value, bits - 52);
            var h = Math.ScaleB((double)mantissa, -52);
            var rest = value - (mantissa << (bits - 52));
            var tail = RoundedQuotient(rest, mantissa << (bits - 52));
            Tails[k] = tail;
            ScaleBits[k] = BitConverter.DoubleToUInt64Bits(h) - ((ulong)k << (52 - TableBits));
        }

        for (var v = 0; v < TableSize / 8; v++)
        {
            TailVectors[v] = Vector512.Create<double>(Tails.AsSpan(v * 8, 8));
            ScaleVectors[v] = Vector512.Create<ulong>(ScaleBits.AsSpan(v * 8, 8)).AsDouble();
        }

        return true;
    }

    private static BigInteger IntegerSquareRoot(BigInteger n)
    {
        var x = BigInteger.One << (int)((n.GetBitLength() + 1) / 2);
        while (true)
        {
            var y = (x + (n / x)) >> 1;
            if (y >= x)
            {
                return x;
            }

            x = y;
        }
    }

    /// <summary><paramref name="value"/> / 2^<paramref name="shift"/> rounded to nearest, ties to even.</summary>
    private static BigInteger RoundShift(BigInteger value, int shift)
    {
        var quotient = value >> shift;
        var rest = value - (quotient << shift);
        var half = BigInteger.One << (shift - 1);
        return rest > half || (rest == half && !quotient.IsEven) ? quotient + 1 : quotient;
    }

    /// <summary><paramref name="numerator"/> / <paramref name="denominator"/> (denominator positive) rounded to the
    /// nearest double.</summary>
    private static double RoundedQuotient(BigInteger numerator, BigInteger denominator)
    {
        if (numerator.IsZero)
        {
            return 0;
        }

        var negative = numerator.Sign < 0;
        var magnitude = BigInteger.Abs(numerator);

        // Scale so the quotient has far more than 53 bits, then round its top 53 bits (the truncated division only
        // lowers the sticky part, which cannot reach a rounding boundary at this width).
        var scale = 200 + (int)denominator.GetBitLength() - (int)magnitude.GetBitLength();
        var quotient = (magnitude << scale) / denominator;
        var extra = (int)quotient.GetBitLength() - 53;
        var mantissa = RoundShift(quotient, extra);
        var result = Math.ScaleB((double)mantissa, extra - scale);
        return negative ? -result : result;
    }

    /// <summary>Compares the vector path with <see cref="Math.Exp"/> on probes over [-100, 1] hitting every table
    /// entry, plus the edges of the main range.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool Agrees()
    {
        var probes = new double[8 * 1024];
        var state = 0x9E3779B97F4A7C15UL;
        for (var i = 0; i < probes.Length; i++)
        {
            state = (state * 6364136223846793005UL) + 1442695040888963407UL;
            var unit = (state >> 11) * (1.0 / (1UL << 53));
            probes[i] = i < 4096 ? -(i * (Math.Log(2) / 128 / 3)) - (unit * 1e-3) : (unit * 101) - 100;
        }

        double[] edges = [0.0, -0.0, 1e-17, -1e-17, 5.6e-17, -5.6e-17, 511.99, -511.99, 512, -512, -700, -745.2, -746, 709.7, double.NaN, double.NegativeInfinity, 1, -1];
        edges.CopyTo(probes, 0);
        var actual = (double[])probes.Clone();
        for (var k = 0; k < actual.Length; k += 8)
        {
            Exp8(Vector512.Create<double>(actual.AsSpan(k, 8))).CopyTo(actual.AsSpan(k, 8));
        }

        for (var i = 0; i < probes.Length; i++)
        {
            if (BitConverter.DoubleToInt64Bits(actual[i]) != BitConverter.DoubleToInt64Bits(Math.Exp(probes[i])))
            {
                return false;
            }
        }

        return true;
    }
}
