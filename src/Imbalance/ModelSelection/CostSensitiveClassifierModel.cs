using Imbalance.Learning;

namespace Imbalance.ModelSelection;

/// <summary>A fitted <see cref="CostSensitiveClassifier"/>: the inner model and the cost matrix.</summary>
/// <typeparam name="TLabel">The label type.</typeparam>
public sealed class CostSensitiveClassifierModel<TLabel> : IClassificationModel<TLabel>
    where TLabel : notnull
{
    private readonly double[,] _costMatrix;
    private readonly bool _minimiseExpectedCost;

    internal CostSensitiveClassifierModel(IClassificationModel<TLabel> model, double[,] costMatrix, bool minimiseExpectedCost)
    {
        Model = model;
        _costMatrix = costMatrix;
        _minimiseExpectedCost = minimiseExpectedCost;
    }

    /// <summary>The fitted inner model.</summary>
    public IClassificationModel<TLabel> Model { get; }

    /// <summary>True when <see cref="Predict"/> minimises the expected cost (a saved model writes it).</summary>
    internal bool MinimiseExpectedCost => _minimiseExpectedCost;

    /// <summary>The cost matrix over <see cref="Classes"/> (a copy).</summary>
    public double[,] CostMatrix => (double[,])_costMatrix.Clone();

    /// <inheritdoc/>
    public IReadOnlyList<TLabel> Classes => Model.Classes;

    /// <summary>The expected cost of predicting each class for each row: sum_i p(i|x) C[i, j].</summary>
    /// <param name="x">Rows with the training width.</param>
    /// <param name="cancellationToken">Cancels a long prediction.</param>
    /// <returns>A new <c>rows x classes</c> matrix.</returns>
    public double[,] ExpectedCosts(double[,] x, CancellationToken cancellationToken = default)
    {
        var proba = Model.PredictProba(x, cancellationToken);
        var n = proba.GetLength(0);
        var k = proba.GetLength(1);
        var costs = new double[n, k];
        for (var r = 0; r < n; r++)
        {
            for (var j = 0; j < k; j++)
            {
                var sum = 0.0;
                for (var i = 0; i < k; i++)
                {
                    sum += proba[r, i] * _costMatrix[i, j];
                }

                costs[r, j] = sum;
            }
        }

        return costs;
    }

    /// <summary>The class of least expected cost (ties to the first class), or the inner prediction when the model
    /// was trained by reweighting.</summary>
    /// <param name="x">Rows with the training width.</param>
    /// <param name="cancellationToken">Cancels a long prediction.</param>
    /// <returns>One label per row.</returns>
    public TLabel[] Predict(double[,] x, CancellationToken cancellationToken = default)
    {
        if (!_minimiseExpectedCost)
        {
            return Model.Predict(x, cancellationToken);
        }

        var costs = ExpectedCosts(x, cancellationToken);
        var labels = new TLabel[costs.GetLength(0)];
        for (var r = 0; r < labels.Length; r++)
        {
            var best = 0;
            for (var j = 1; j < costs.GetLength(1); j++)
            {
                if (costs[r, j] < costs[r, best])
                {
                    best = j;
                }
            }

            labels[r] = Classes[best];
        }

        return labels;
    }

    /// <summary>The inner model's probabilities, unchanged.</summary>
    /// <param name="x">Rows with the training width.</param>
    /// <param name="cancellationToken">Cancels a long prediction.</param>
    /// <returns>A new <c>rows x classes</c> matrix.</returns>
    public double[,] PredictProba(double[,] x, CancellationToken cancellationToken = default) => Model.PredictProba(x, cancellationToken);
}
