using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Imbalance.Neighbors;

/// <summary>
/// One accumulation step of a distance kernel over packed reference panels: for one feature, combines the query's
/// coordinate (broadcast) with the coordinates of four reference rows.
/// </summary>
internal interface IPanelStep
{
    /// <summary>Folds one feature into the accumulator.</summary>
    static abstract Vector256<double> Step(Vector256<double> acc, Vector256<double> query, Vector256<double> panel);

    /// <summary>Folds one feature into the accumulator for eight reference rows, lane by lane as the 256-bit step.</summary>
    static abstract Vector512<double> Step(Vector512<double> acc, Vector512<double> query, Vector512<double> panel);

    /// <summary>Folds one feature into a scalar accumulator, in the same way.</summary>
    static abstract double Step(double acc, double query, double reference);
}

/// <summary>Dot product (the cross term of the squared-distance expansion): <c>acc + q * y</c>, fused.</summary>
internal readonly struct DotStep : IPanelStep
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> Step(Vector256<double> acc, Vector256<double> query, Vector256<double> panel) =>
        Vector256.FusedMultiplyAdd(query, panel, acc);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<double> Step(Vector512<double> acc, Vector512<double> query, Vector512<double> panel) =>
        Vector512.FusedMultiplyAdd(query, panel, acc);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Step(double acc, double query, double reference) => Math.FusedMultiplyAdd(query, reference, acc);
}

/// <summary>Manhattan: <c>acc + |y - q|</c>, summed in feature order like a sequential loop.</summary>
internal readonly struct AbsSumStep : IPanelStep
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> Step(Vector256<double> acc, Vector256<double> query, Vector256<double> panel) =>
        acc + Vector256.Abs(panel - query);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<double> Step(Vector512<double> acc, Vector512<double> query, Vector512<double> panel) =>
        acc + Vector512.Abs(panel - query);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Step(double acc, double query, double reference) => acc + Math.Abs(reference - query);
}

/// <summary>Chebyshev: <c>max(acc, |y - q|)</c>.</summary>
internal readonly struct AbsMaxStep : IPanelStep
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> Step(Vector256<double> acc, Vector256<double> query, Vector256<double> panel) =>
        Vector256.Max(acc, Vector256.Abs(panel - query));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<double> Step(Vector512<double> acc, Vector512<double> query, Vector512<double> panel) =>
        Vector512.Max(acc, Vector512.Abs(panel - query));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Step(double acc, double query, double reference) => Math.Max(acc, Math.Abs(reference - query));
}
