using MathNet.Numerics.LinearAlgebra;

namespace Imbalance.Interop;

/// <summary>
/// The rows a method accepts besides <c>double[,]</c>: jagged <c>double[][]</c>, <c>float[,]</c>, <c>float[][]</c> and
/// MathNet <see cref="Matrix{T}"/> of <see cref="double"/> or <see cref="float"/>. Each of them converts implicitly, so
/// <c>sampler.FitResample(jaggedRows, y)</c>, <c>model.Predict(floatRows)</c> or
/// <c>CrossValidation.CrossValidate(pipeline, mathNetMatrix, y, scorers)</c> just compile; the conversion to the
/// library's row-major <c>double[,]</c> happens once, through <see cref="MatrixAdapter"/>, when the method runs.
/// </summary>
/// <remarks>
/// <para>Why one input type rather than an overload per shape: every entry point gets one extra overload (or extension
/// method) instead of five, the shapes stay in one place, and a new shape is one conversion operator. Methods that
/// take <c>double[,]</c> keep taking it without a copy; a <see cref="FeatureMatrix"/> made from a <c>double[,]</c>
/// wraps it without copying too. Every other shape is copied (and <see cref="float"/> values widen exactly).</para>
/// <para>A null or ragged source is reported when the method runs, against the method's parameter name (<c>x</c>).</para>
/// </remarks>
public readonly struct FeatureMatrix : IEquatable<FeatureMatrix>
{
    private readonly object? _source;

    private FeatureMatrix(object? source) => _source = source;

    /// <summary>The number of rows, or 0 for a null source.</summary>
    public int RowCount => _source switch
    {
        double[,] a => a.GetLength(0),
        float[,] a => a.GetLength(0),
        Array a => a.Length,
        Matrix<double> m => m.RowCount,
        Matrix<float> m => m.RowCount,
        _ => 0,
    };

    /// <summary>Wraps a rectangular array without copying.</summary>
    /// <param name="x">The rows.</param>
    public static implicit operator FeatureMatrix(double[,]? x) => new(x);

    /// <summary>Wraps jagged rows (copied when used).</summary>
    /// <param name="x">One array per row, all of the same length.</param>
    public static implicit operator FeatureMatrix(double[][]? x) => new(x);

    /// <summary>Wraps single-precision rows (widened to double when used).</summary>
    /// <param name="x">The rows.</param>
    public static implicit operator FeatureMatrix(float[,]? x) => new(x);

    /// <summary>Wraps jagged single-precision rows (widened to double when used).</summary>
    /// <param name="x">One array per row, all of the same length.</param>
    public static implicit operator FeatureMatrix(float[][]? x) => new(x);

    /// <summary>Wraps a MathNet matrix, dense or sparse (copied when used).</summary>
    /// <param name="x">The matrix.</param>
    public static implicit operator FeatureMatrix(Matrix<double>? x) => new(x);

    /// <summary>Wraps a single-precision MathNet matrix (widened to double when used).</summary>
    /// <param name="x">The matrix.</param>
    public static implicit operator FeatureMatrix(Matrix<float>? x) => new(x);

    /// <summary>Wraps a rectangular array (the named form of the implicit conversion).</summary>
    /// <param name="x">The rows.</param>
    /// <returns>The wrapper.</returns>
    public static FeatureMatrix FromArray(double[,]? x) => new(x);

    /// <summary>Wraps jagged rows (the named form of the implicit conversion).</summary>
    /// <param name="x">The rows.</param>
    /// <returns>The wrapper.</returns>
    public static FeatureMatrix FromJagged(double[][]? x) => new(x);

    /// <summary>The rows as the library's row-major <c>double[,]</c> (the wrapped array itself when it is one).</summary>
    /// <param name="parameterName">The caller's parameter name, used in errors.</param>
    /// <returns>The rows.</returns>
    /// <exception cref="ArgumentNullException">The source is null.</exception>
    /// <exception cref="ArgumentException">The source is ragged or a row is null.</exception>
    public double[,] ToArray2D(string parameterName = "x") => MatrixAdapter.ToArray2D(_source, parameterName);

    /// <inheritdoc/>
    public bool Equals(FeatureMatrix other) => ReferenceEquals(_source, other._source);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is FeatureMatrix other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => _source is null ? 0 : System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(_source);

    /// <summary>Same source object.</summary>
    /// <param name="left">The first.</param>
    /// <param name="right">The second.</param>
    /// <returns>True when both wrap the same object.</returns>
    public static bool operator ==(FeatureMatrix left, FeatureMatrix right) => left.Equals(right);

    /// <summary>Different source objects.</summary>
    /// <param name="left">The first.</param>
    /// <param name="right">The second.</param>
    /// <returns>True when they wrap different objects.</returns>
    public static bool operator !=(FeatureMatrix left, FeatureMatrix right) => !left.Equals(right);
}
