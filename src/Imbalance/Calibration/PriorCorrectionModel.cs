using Imbalance.Learning;

namespace Imbalance.Calibration;

/// <summary>A model whose probabilities are corrected from the resampled class priors to the original ones
/// (<see cref="PriorCorrection"/>).</summary>
/// <typeparam name="TLabel">The label type.</typeparam>
public sealed class PriorCorrectionModel<TLabel> : IClassificationModel<TLabel>
    where TLabel : notnull
{
    private readonly double[]? _ratios;

    internal PriorCorrectionModel(IClassificationModel<TLabel> model, IReadOnlyDictionary<TLabel, int>? original, IReadOnlyDictionary<TLabel, int>? resampled)
    {
        Model = model;
        OriginalCounts = original ?? new Dictionary<TLabel, int>();
        ResampledCounts = resampled ?? OriginalCounts;
        _ratios = original is null || resampled is null ? null : PriorCorrection.Ratios(model.Classes, original, resampled);
    }

    /// <summary>The model fitted on resampled rows.</summary>
    public IClassificationModel<TLabel> Model { get; }

    /// <summary>True when the counts were known and the probabilities are corrected.</summary>
    internal bool Corrects => _ratios is not null;

    /// <summary>Rows per class before resampling (empty when nothing was recorded: no correction).</summary>
    public IReadOnlyDictionary<TLabel, int> OriginalCounts { get; }

    /// <summary>Rows per class the model was fitted on.</summary>
    public IReadOnlyDictionary<TLabel, int> ResampledCounts { get; }

    /// <summary>pi_c / pi_s,c for each class of <see cref="Classes"/> (all 1 without correction).</summary>
    public IReadOnlyList<double> PriorRatios => _ratios ?? Enumerable.Repeat(1.0, Model.Classes.Count).ToArray();

    /// <inheritdoc/>
    public IReadOnlyList<TLabel> Classes => Model.Classes;

    /// <summary>The inner probabilities corrected to the original priors.</summary>
    /// <param name="x">Rows with the training width.</param>
    /// <param name="cancellationToken">Cancels a long prediction.</param>
    /// <returns>A new <c>rows x classes</c> matrix.</returns>
    public double[,] PredictProba(double[,] x, CancellationToken cancellationToken = default)
    {
        var proba = Model.PredictProba(x, cancellationToken);
        return _ratios is null ? proba : PriorCorrection.Correct(proba, Model.Classes, OriginalCounts, ResampledCounts);
    }

    /// <summary>The class of highest corrected probability (ties to the first).</summary>
    /// <param name="x">Rows with the training width.</param>
    /// <param name="cancellationToken">Cancels a long prediction.</param>
    /// <returns>One label per row.</returns>
    public TLabel[] Predict(double[,] x, CancellationToken cancellationToken = default)
    {
        var proba = PredictProba(x, cancellationToken);
        var labels = new TLabel[proba.GetLength(0)];
        for (var i = 0; i < labels.Length; i++)
        {
            var best = 0;
            for (var c = 1; c < proba.GetLength(1); c++)
            {
                if (proba[i, c] > proba[i, best])
                {
                    best = c;
                }
            }

            labels[i] = Classes[best];
        }

        return labels;
    }
}
