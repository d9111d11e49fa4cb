using System.Globalization;
using Imbalance.Diagnostics;
using Imbalance.Sampling;

namespace Imbalance.Learning;

/// <summary>
/// A fitted <see cref="LogisticRegression"/> (scikit-learn's fitted <c>LogisticRegression</c>): coefficients and
/// intercepts of a binary or multinomial model. Immutable and safe to use from many threads.
/// </summary>
/// <typeparam name="TLabel">The label type.</typeparam>
public sealed class LogisticRegressionModel<TLabel> : IClassificationModel<TLabel>
    where TLabel : notnull
{
    private readonly TLabel[] _classes;
    private readonly double[,] _coef;
    private readonly double[] _intercept;

    internal LogisticRegressionModel(IReadOnlyList<TLabel> classes, double[,] coef, double[] intercept, int iterations, bool converged)
    {
        _classes = [.. classes];
        _coef = coef;
        _intercept = intercept;
        Iterations = iterations;
        Converged = converged;
    }

    /// <summary>The classes in sorted order (scikit-learn's <c>classes_</c>); the columns of <see cref="PredictProba"/>.</summary>
    public IReadOnlyList<TLabel> Classes => _classes;

    /// <summary>The number of features seen in training (scikit-learn's <c>n_features_in_</c>).</summary>
    public int FeatureCount => _coef.GetLength(1);

    /// <summary>A copy of the coefficients (scikit-learn's <c>coef_</c>): one row for two classes (the weights of
    /// the second class), one row per class otherwise.</summary>
    public double[,] Coef => (double[,])_coef.Clone();

    /// <summary>The intercepts (scikit-learn's <c>intercept_</c>), one per row of <see cref="Coef"/>; zeros when
    /// <c>FitIntercept</c> is false.</summary>
    public IReadOnlyList<double> Intercept => _intercept;

    /// <summary>The L-BFGS iterations run (scikit-learn's <c>n_iter_</c>).</summary>
    public int Iterations { get; }

    /// <summary>Whether the gradient tolerance was reached within <c>MaxIter</c> iterations (scikit-learn warns with a
    /// <c>ConvergenceWarning</c> when it was not).</summary>
    public bool Converged { get; }

    /// <summary>A <see cref="DiagnosticKind.Convergence"/> warning when the solver stopped at <c>MaxIter</c>
    /// (scikit-learn's <c>ConvergenceWarning</c> "lbfgs failed to converge"); empty otherwise.</summary>
    public IReadOnlyList<Diagnostic> Warnings => Converged
        ? []
        : [new Diagnostic(
            DiagnosticKind.Convergence,
            nameof(LogisticRegression),
            string.Create(
                CultureInfo.InvariantCulture,
                $"lbfgs failed to converge: the iteration limit was reached (MaxIter = {Iterations}). Increase the number of iterations (MaxIter) or scale the data, e.g. with StandardScaler."))];

    /// <summary>The linear scores <c>X Coef^T + Intercept</c> (scikit-learn's <c>decision_function</c>): one column for
    /// two classes (positive favours the second class), one per class otherwise.</summary>
    /// <param name="x">Rows with the training width, finite.</param>
    /// <returns>A new <c>rows x Coef.rows</c> matrix.</returns>
    /// <exception cref="ArgumentException"><paramref name="x"/> is empty, holds NaN or infinity, or has the wrong width.</exception>
    public double[,] DecisionFunction(double[,] x)
    {
        ArgumentNullException.ThrowIfNull(x);
        InputGuard.CheckMatrix(x, nameof(x));
        var d = FeatureCount;
        if (x.GetLength(1) != d)
        {
            throw new ArgumentException($"X has {x.GetLength(1)} features, but LogisticRegression is expecting {d} features as input.", nameof(x));
        }

        var n = x.GetLength(0);
        var outputs = _intercept.Length;
        var scores = new double[n, outputs];
        var rows = MatrixRows.Of(x);
        for (var i = 0; i < n; i++)
        {
            var row = rows.Slice(i * d, d);
            for (var o = 0; o < outputs; o++)
            {
                var z = 0.0;
                for (var j = 0; j < d; j++)
                {
                    z += row[j] * _coef[o, j];
                }

                scores[i, o] = z + _intercept[o];
            }
        }

        return scores;
    }

    /// <summary>Class probabilities (scikit-learn's <c>predict_proba</c>): the logistic function of the score for two
    /// classes (<c>[1 - p, p]</c>), the softmax of the scores otherwise.</summary>
    /// <param name="x">Rows with the training width, finite.</param>
    /// <param name="cancellationToken">Not used (prediction is a single pass); present for the contract.</param>
    /// <returns>A new <c>rows x classes</c> matrix whose rows sum to 1.</returns>
    /// <exception cref="ArgumentException"><paramref name="x"/> is empty, holds NaN or infinity, or has the wrong width.</exception>
    public double[,] PredictProba(double[,] x, CancellationToken cancellationToken = default)
    {
        var scores = DecisionFunction(x);
        var n = scores.GetLength(0);
        var k = _classes.Length;
        var proba = new double[n, k];
        for (var i = 0; i < n; i++)
        {
            if (k == 2)
            {
                var z = scores[i, 0];
                var p = z >= 0 ? 1.0 / (1.0 + Math.Exp(-z)) : Math.Exp(z) / (1.0 + Math.Exp(z));
                proba[i, 0] = 1.0 - p;
                proba[i, 1] = p;
                continue;
            }

            var max = double.NegativeInfinity;
            for (var c = 0; c < k; c++)
            {
                max = Math.Max(max, scores[i, c]);
            }

            var sum = 0.0;
            for (var c = 0; c < k; c++)
            {
                proba[i, c] = Math.Exp(scores[i, c] - max);
                sum += proba[i, c];
            }

            for (var c = 0; c < k; c++)
            {
                proba[i, c] /= sum;
            }
        }

        return proba;
    }

    /// <summary>The predicted class of each row (scikit-learn's <c>predict</c>): the second class when the binary
    /// score is positive, otherwise the class with the largest score (ties to the first).</summary>
    /// <param name="x">Rows with the training width, finite.</param>
    /// <param name="cancellationToken">Not used (prediction is a single pass); present for the contract.</param>
    /// <returns>One label per row.</returns>
    /// <exception cref="ArgumentException"><paramref name="x"/> is empty, holds NaN or infinity, or has the wrong width.</exception>
    public TLabel[] Predict(double[,] x, CancellationToken cancellationToken = default)
    {
        var scores = DecisionFunction(x);
        var labels = new TLabel[scores.GetLength(0)];
        for (var i = 0; i < labels.Length; i++)
        {
            if (_classes.Length == 2)
            {
                labels[i] = _classes[scores[i, 0] > 0 ? 1 : 0];
                continue;
            }

            var best = 0;
            for (var c = 1; c < _classes.Length; c++)
            {
                if (scores[i, c] > scores[i, best])
                {
                    best = c;
                }
            }

            labels[i] = _classes[best];
        }

        return labels;
    }
}
