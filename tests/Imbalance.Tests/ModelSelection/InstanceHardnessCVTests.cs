using Imbalance.Learning;
using Imbalance.ModelSelection;
using static Imbalance.Tests.ModelSelection.DecisionTestKit;

namespace Imbalance.Tests.ModelSelection;

/// <summary>InstanceHardnessCV (imblearn 0.14) by invariants.</summary>
public class InstanceHardnessCVTests
{
    [Fact]
    public void Folds_partition_rows_balance_classes_and_deal_hardness_in_turn()
    {
        var (x, y) = BinaryWithIds(103, 7);
        var cv = new InstanceHardnessCV { Estimator = new LogisticRegression(), NSplits = 4 };
        var folds = cv.Split(x, y);
        folds.Should().HaveCount(4);
        folds.SelectMany(f => f.TestIndices).Order().Should().Equal(Enumerable.Range(0, y.Length));
        foreach (var fold in folds)
        {
            fold.TestIndices.Should().BeInAscendingOrder();
            fold.TrainIndices.Concat(fold.TestIndices).Order().Should().Equal(Enumerable.Range(0, y.Length));
        }

        foreach (var label in new[] { 0, 1 })
        {
            var perFold = folds.Select(f => f.TestIndices.Count(i => y[i] == label)).ToArray();
            (perFold.Max() - perFold.Min()).Should().BeLessThanOrEqualTo(1);
        }

        // Rows sorted by class then hardness go to folds 0, 1, 2, 3, 0, ...
        var proba = CrossValidation.CrossValPredictProba(new LogisticRegression(), x, y, new StratifiedKFold { NSplits = 4 }.Split(y));
        var order = Enumerable.Range(0, y.Length).OrderBy(i => y[i]).ThenBy(i => proba[i, 1]).ToArray();
        var foldOf = new int[y.Length];
        for (var f = 0; f < folds.Count; f++)
        {
            foreach (var i in folds[f].TestIndices)
            {
                foldOf[i] = f;
            }
        }

        order.Select((row, rank) => foldOf[row] == rank % 4).Should().OnlyContain(ok => ok);
        cv.Split(x, y).Select(f => f.TestIndices).Should().BeEquivalentTo(folds.Select(f => f.TestIndices), o => o.WithStrictOrdering());
    }

    [Fact]
    public void Positive_label_and_errors()
    {
        var (x, y) = BinaryWithIds(60, 8);
        var byNegative = new InstanceHardnessCV { Estimator = new LogisticRegression(), PosLabel = 0 }.Split(x, y);
        byNegative.Should().HaveCount(5);
        var multiclass = () => new InstanceHardnessCV { Estimator = new LogisticRegression() }.Split(x, y.Select((v, i) => i % 3).ToArray());
        multiclass.Should().Throw<ArgumentException>().WithMessage("*only supports binary*");
        var splits = () => new InstanceHardnessCV { Estimator = new LogisticRegression(), NSplits = 1 };
        splits.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("NSplits");
    }
}
