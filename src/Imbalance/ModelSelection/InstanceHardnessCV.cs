using System.Globalization;
using Imbalance.Learning;
using Imbalance.Sampling;

namespace Imbalance.ModelSelection;

/// <summary>
/// imblearn 0.14's <c>InstanceHardnessCV</c>: binary cross-validation folds that spread the hardest rows evenly. The
/// instance hardness of each row is its out-of-fold probability of the positive class from <see cref="Estimator"/>
/// (scikit-learn's <c>cross_val_predict</c> over <c>StratifiedKFold(NSplits)</c>); rows are sorted by class, then by
/// that probability, and dealt to the folds in turn, so every fold gets the same mix of classes and of easy and hard
/// rows. Test scores then vary less from fold to fold than with plain stratified folds.
/// </summary>
/// <remarks>
/// <para>When to use it: binary imbalanced data where scores vary a lot between stratified folds because the hard
/// rows cluster in some folds: spreading hard rows evenly makes the estimate more stable. It costs an extra
/// cross-validated fit; prefer StratifiedKFold otherwise.</para>
/// As in imblearn the folds are <c>LeaveOneGroupOut</c> over the dealt groups: fold f tests the rows dealt to
/// group f, in increasing row order. The folds depend on the rows through the estimator, so they are made
/// by <see cref="Split{TLabel}"/> (from the rows) and passed to <c>CrossValidation.CrossValidate</c> as <c>folds</c>.</remarks>
public sealed class InstanceHardnessCV
{
    private readonly IClassifier _estimator = null!;
    private readonly int _nSplits = 5;

    /// <summary>The classifier whose cross-validated probabilities measure instance hardness (imblearn's
    /// <c>estimator</c>); required.</summary>
    /// <exception cref="ArgumentNullException">The value is null.</exception>
    public required IClassifier Estimator
    {
        get => _estimator;
        init => _estimator = value ?? throw new ArgumentNullException(nameof(Estimator));
    }

    /// <summary>Number of folds (imblearn's <c>n_splits</c>); default 5, at least 2.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is below 2.</exception>
    public int NSplits
    {
        get => _nSplits;
        init => _nSplits = value >= 2
            ? value
            : throw new ArgumentOutOfRangeException(nameof(NSplits), value, string.Create(CultureInfo.InvariantCulture, $"n_splits must be at least 2, got {value}."));
    }

    /// <summary>The class whose probability is the hardness (imblearn's <c>pos_label</c>); default the second class
    /// in sorted order.</summary>
    public object? PosLabel { get; init; }

    /// <summary>Makes the folds (imblearn's <c>split(X, y)</c>).</summary>
    /// <typeparam name="TLabel">The label type.</typeparam>
    /// <param name="x">The rows.</param>
    /// <param name="y">Binary labels.</param>
    /// <param name="cancellationToken">Cancels the hardness estimation.</param>
    /// <returns><see cref="NSplits"/> folds that partition the rows.</returns>
    /// <exception cref="ArgumentException">y is not binary (imblearn: "InstanceHardnessCV only supports binary
    /// classification."), <see cref="PosLabel"/> is not one of its classes, or a class has fewer rows than folds.</exception>
    public IReadOnlyList<Fold> Split<TLabel>(double[,] x, IReadOnlyList<TLabel> y, CancellationToken cancellationToken = default)
        where TLabel : notnull
    {
        InputGuard.CheckXy(x, y);
        var encoder = LabelEncoder<TLabel>.Fit(y);
        if (encoder.ClassCount != 2)
        {
            throw new ArgumentException("InstanceHardnessCV only supports binary classification.", nameof(y));
        }

        var positive = ModelResponse.ResolvePositive(PosLabel, encoder.Classes, nameof(PosLabel));
        var column = ModelResponse.IndexOf(encoder.Classes, positive);
        var proba = CrossValidation.CrossValPredictProba(Estimator, x, y, new StratifiedKFold { NSplits = NSplits }.Split(y), cancellationToken);

        // np.lexsort((proba[:, pos], y)): by class, then by hardness; stable.
        var order = Enumerable.Range(0, y.Count).OrderBy(i => encoder.Codes[i]).ThenBy(i => proba[i, column]).ToArray();
        var groups = new int[y.Count];
        for (var rank = 0; rank < order.Length; rank++)
        {
            groups[order[rank]] = rank % NSplits;
        }

        return KFold.Folds(groups, Math.Min(NSplits, y.Count));
    }
}
