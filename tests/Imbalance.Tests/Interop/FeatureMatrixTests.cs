using Imbalance.Interop;
using Imbalance.Learning;
using Imbalance.ModelSelection;
using Imbalance.Neighbors;
using Imbalance.OverSampling;
using Imbalance.Pipelines;
using Imbalance.Sampling;
using MathNet.Numerics.LinearAlgebra;

namespace Imbalance.Tests.Interop;

public class FeatureMatrixTests
{
    private static readonly (double[,] X, int[] Y) Data = TestData.ThreeClasses();

    /// <summary>Every supported shape of the same (float-exact) values.</summary>
    public static TheoryData<string> Shapes => ["jagged", "float2d", "floatJagged", "mathnet", "mathnetFloat"];

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Every_entry_point_gives_the_double_array_result_for_every_shape(string shape)
    {
        var x = FloatExact(Data.X);
        var y = Data.Y;
        var input = Shape(x, shape);

        var smote = new Smote { RandomState = 1 };
        smote.FitResample(input, y).X.Should().BeEquivalentTo(smote.FitResample(x, y).X, o => o.WithStrictOrdering());

        var lr = new LogisticRegression();
        var model = lr.Fit(input, y);
        model.PredictProba(input).Should().BeEquivalentTo(lr.Fit(x, y).PredictProba(x), o => o.WithStrictOrdering());
        model.Predict(input).Should().Equal(lr.Fit(x, y).Predict(x));

        var pipeline = Pipeline.Make(new StandardScaler(), new Smote { RandomState = 0 }, new DecisionTreeClassifier { RandomState = 0 });
        pipeline.Fit(input, y).Predict(input).Should().Equal(pipeline.Fit(x, y).Predict(x));
        pipeline.Fit(input, y).Transform(input).Should().BeEquivalentTo(pipeline.Fit(x, y).Transform(x), o => o.WithStrictOrdering());
        new StandardScaler().Fit(input).Transform(input).Should().BeEquivalentTo(new StandardScaler().Fit(x).Transform(x), o => o.WithStrictOrdering());

        var binary = y.Select(v => v == 2 ? 1 : 0).ToArray();
        var scorers = new[] { Scoring.F1(1), Scoring.AveragePrecision(1) };
        var folds = new StratifiedKFold { NSplits = 3 }.Split(binary);
        CrossValidation.CrossValidate(pipeline, input, binary, scorers, folds).TestScores["f1"]
            .Should().Equal(CrossValidation.CrossValidate(pipeline, x, binary, scorers, folds).TestScores["f1"]);
        CrossValidation.CrossValPredict(lr, input, y).Should().Equal(CrossValidation.CrossValPredict(lr, x, y));
        DataSplit.TrainTestSplit(input, y, randomState: 3, stratify: true).TestIndices
            .Should().Equal(DataSplit.TrainTestSplit(x, y, randomState: 3, stratify: true).TestIndices);

        var kmeans = new KMeans { NClusters = 3, RandomState = 0 };
        kmeans.FitPredict(input).Should().Equal(kmeans.FitPredict(x));
        kmeans.FitCentroids(input).Should().BeEquivalentTo(kmeans.FitCentroids(x), o => o.WithStrictOrdering());

        var index = new NearestNeighbors { NNeighbors = 3 }.Fit(input);
        index.KNeighbors(input).IndexData.Should().Equal(new NearestNeighbors { NNeighbors = 3 }.Fit(x).KNeighbors(x).IndexData);
    }

    [Fact]
    public void A_double_array_is_wrapped_without_copying()
    {
        FeatureMatrix wrapped = Data.X;
        wrapped.ToArray2D().Should().BeSameAs(Data.X);
        wrapped.RowCount.Should().Be(Data.X.GetLength(0));
    }

    [Fact]
    public void Float_values_widen_exactly()
    {
        float[,] x = { { 0.1f, float.MaxValue }, { -1e-30f, 3f } };
        var widened = ((FeatureMatrix)x).ToArray2D();
        widened[0, 0].Should().Be((double)0.1f);
        widened[0, 1].Should().Be(float.MaxValue);
        widened[1, 0].Should().Be((double)-1e-30f);
    }

    [Fact]
    public void Null_and_ragged_sources_name_the_callers_parameter()
    {
        var ragged = new[] { new[] { 1.0, 2.0 }, new[] { 1.0 } };
        var act = () => new Smote().FitResample(ragged, new[] { 0, 1 });
        act.Should().Throw<ArgumentException>().Where(e => e.ParamName == "x" && e.Message.Contains("ragged", StringComparison.Ordinal));

        var nullRows = () => new LogisticRegression().Fit((double[][])null!, new[] { 0, 1 });
        nullRows.Should().Throw<ArgumentNullException>().Where(e => e.ParamName == "x");

        var nullFloat = () => CrossValidation.CrossValPredict(new LogisticRegression(), (float[][])null!, new[] { 0, 1 });
        nullFloat.Should().Throw<ArgumentNullException>().Where(e => e.ParamName == "x");
    }

    internal static FeatureMatrix Shape(double[,] x, string shape) => shape switch
    {
        "jagged" => x.ToJagged(),
        "float2d" => ToFloat(x),
        "floatJagged" => x.ToJagged().Select(r => r.Select(v => (float)v).ToArray()).ToArray(),
        "mathnet" => x.ToMatrix(),
        "mathnetFloat" => Matrix<float>.Build.DenseOfArray(ToFloat(x)),
        _ => throw new ArgumentOutOfRangeException(nameof(shape)),
    };

    private static float[,] ToFloat(double[,] x)
    {
        var f = new float[x.GetLength(0), x.GetLength(1)];
        for (var i = 0; i < x.GetLength(0); i++)
        {
            for (var j = 0; j < x.GetLength(1); j++)
            {
                f[i, j] = (float)x[i, j];
            }
        }

        return f;
    }

    private static double[,] FloatExact(double[,] x) => ToFloat(x).ToArray2D();
}
