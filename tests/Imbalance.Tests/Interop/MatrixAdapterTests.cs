using Imbalance.Interop;
using Imbalance.Sampling;
using MathNet.Numerics.LinearAlgebra;

namespace Imbalance.Tests.Interop;

public class MatrixAdapterTests
{
    private static readonly double[,] Sample = { { 1.5, -2, 0 }, { double.MaxValue, double.Epsilon, -0.0 } };

    [Fact]
    public void Jagged_round_trip_is_exact_and_copies()
    {
        var jagged = Sample.ToJagged();

        jagged.Should().HaveCount(2);
        jagged[0].Should().Equal(1.5, -2, 0);
        jagged[1].Should().Equal(double.MaxValue, double.Epsilon, -0.0);
        double.IsNegative(jagged[1][2]).Should().BeTrue("-0.0 keeps its sign");

        var back = jagged.ToArray2D();
        back.Should().BeEquivalentTo(Sample, o => o.WithStrictOrdering());
        back.Should().NotBeSameAs(Sample);

        jagged[0][0] = 99;
        back[0, 0].Should().Be(1.5, "every conversion copies");
        Sample[0, 0].Should().Be(1.5);
    }

    [Fact]
    public void MathNet_round_trip_is_exact_and_copies()
    {
        var matrix = Sample.ToMatrix();

        matrix.RowCount.Should().Be(2);
        matrix.ColumnCount.Should().Be(3);
        matrix[1, 0].Should().Be(double.MaxValue);
        matrix[0, 1].Should().Be(-2);

        var back = matrix.ToArray2D();
        back.Should().BeEquivalentTo(Sample, o => o.WithStrictOrdering());
        matrix[0, 0] = 99;
        back[0, 0].Should().Be(1.5);
        Sample[0, 0].Should().Be(1.5);
    }

    [Fact]
    public void Sparse_and_transposed_MathNet_matrices_convert_by_value()
    {
        var sparse = Matrix<double>.Build.Sparse(2, 3);
        sparse[1, 2] = 5;
        var transposed = Matrix<double>.Build.Dense(3, 2, (i, j) => (i * 10) + j).Transpose();

        sparse.ToArray2D().Should().BeEquivalentTo(new double[,] { { 0, 0, 0 }, { 0, 0, 5 } }, o => o.WithStrictOrdering());
        transposed.ToArray2D().Should().BeEquivalentTo(new double[,] { { 0, 10, 20 }, { 1, 11, 21 } }, o => o.WithStrictOrdering());
    }

    [Fact]
    public void Empty_shapes_convert()
    {
        new double[0, 3].ToMatrix().ColumnCount.Should().Be(3);
        new double[0, 3].ToJagged().Should().BeEmpty();
        Array.Empty<double[]>().ToArray2D().Should().BeEquivalentTo(new double[0, 0]);
        new[] { Array.Empty<double>(), Array.Empty<double>() }.ToArray2D().GetLength(0).Should().Be(2);
        new double[2, 0].ToJagged().Should().AllSatisfy(row => row.Should().BeEmpty());
    }

    [Fact]
    public void Ragged_rows_are_rejected_naming_the_row()
    {
        double[][] rows = [[1, 2], [3, 4], [5]];

        var act = () => rows.ToArray2D();

        act.Should().Throw<ArgumentException>().Where(e => e.ParamName == "rows")
            .WithMessage("rows is ragged: row 2 has 1 values but row 0 has 2.*");
    }

    [Fact]
    public void A_longer_row_is_ragged_too()
    {
        double[][] rows = [[1], [2, 3]];

        ((Action)(() => rows.ToArray2D())).Should().Throw<ArgumentException>().WithMessage("rows is ragged: row 1 has 2 values but row 0 has 1.*");
    }

    [Fact]
    public void Null_rows_are_rejected_naming_the_row()
    {
        double[][] first = [null!, [1.0]];
        double[][] later = [[1.0], null!];

        ((Action)(() => first.ToArray2D())).Should().Throw<ArgumentException>().Where(e => e.ParamName == "rows").WithMessage("Row 0 of rows is null.*");
        ((Action)(() => later.ToArray2D())).Should().Throw<ArgumentException>().Where(e => e.ParamName == "rows").WithMessage("Row 1 of rows is null.*");
    }

    [Fact]
    public void Null_arguments_name_themselves()
    {
        ((Action)(() => ((double[][])null!).ToArray2D())).Should().Throw<ArgumentNullException>().Where(e => e.ParamName == "rows");
        ((Action)(() => ((Matrix<double>)null!).ToArray2D())).Should().Throw<ArgumentNullException>().Where(e => e.ParamName == "matrix");
        ((Action)(() => ((double[,])null!).ToJagged())).Should().Throw<ArgumentNullException>().Where(e => e.ParamName == "x");
        ((Action)(() => ((double[,])null!).ToMatrix())).Should().Throw<ArgumentNullException>().Where(e => e.ParamName == "x");
    }

    [Fact]
    public void The_internal_conversion_reports_against_the_callers_parameter()
    {
        double[][] rows = [[1.0], [1.0, 2.0]];

        ((Action)(() => MatrixAdapter.FromJagged(rows, "x"))).Should().Throw<ArgumentException>().Where(e => e.ParamName == "x")
            .WithMessage("x is ragged*");
        ((Action)(() => MatrixAdapter.FromJagged<double>(null!, "x"))).Should().Throw<ArgumentNullException>().Where(e => e.ParamName == "x");
    }

    [Fact]
    public void Sampler_extensions_refuse_a_null_sampler()
    {
        ISampler sampler = null!;

        ((Action)(() => sampler.FitResample(new double[][] { [1.0] }, [0]))).Should().Throw<ArgumentNullException>().Where(e => e.ParamName == "sampler");
        ((Action)(() => sampler.FitResample(Matrix<double>.Build.Dense(1, 1), [0]))).Should().Throw<ArgumentNullException>().Where(e => e.ParamName == "sampler");
    }
}
