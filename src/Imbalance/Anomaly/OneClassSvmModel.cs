using System.Globalization;
using Imbalance.Sampling;

namespace Imbalance.Anomaly;

/// <summary>
/// A fitted <see cref="OneClassSvm"/>: immutable, safe to use from many threads.
/// <see cref="DecisionFunction"/> is <c>sum_i alpha_i K(sv_i, x) - rho</c> (positive inside the learned region),
/// as scikit-learn's <c>decision_function</c>; <see cref="ScoreSamples"/> adds <see cref="Offset"/> back.
/// </summary>
public sealed class OneClassSvmModel : IOutlierModel
{
    private readonly int[] _support;
    private readonly double[] _vectors;
    private readonly double[] _coefficients;

    internal OneClassSvmModel(int[] support, double[] vectors, double[] coefficients, int featureCount, double gamma, double rho)
    {
        _support = support;
        _vectors = vectors;
        _coefficients = coefficients;
        FeatureCount = featureCount;
        Gamma = gamma;
        Offset = rho;
    }

    /// <inheritdoc />
    public int FeatureCount { get; }

    /// <summary>The RBF coefficient used (scikit-learn's <c>_gamma</c>; resolved from <c>"scale"</c> when not given).</summary>
    public double Gamma { get; }

    /// <summary>libsvm's <c>rho</c> (scikit-learn's <c>offset_</c>): <see cref="DecisionFunction"/> is
    /// <see cref="ScoreSamples"/> minus it.</summary>
    public double Offset { get; }

    /// <summary>The training rows that are support vectors, ascending (scikit-learn's <c>support_</c>).</summary>
    public IReadOnlyList<int> Support => _support;

    /// <summary>The multiplier of each support vector (scikit-learn's <c>dual_coef_</c>), in (0, 1].</summary>
    public IReadOnlyList<double> DualCoefficients => _coefficients;

    /// <summary>The support vectors, row-major (support vector s at <c>[s * FeatureCount, (s + 1) * FeatureCount)</c>).</summary>
    internal ReadOnlySpan<double> Vectors => _vectors;

    /// <inheritdoc />
    /// <exception cref="ArgumentNullException"><paramref name="x"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="x"/> is empty, not finite, or of another width.</exception>
    public double[] ScoreSamples(double[,] x, CancellationToken cancellationToken = default)
    {
        var values = DecisionFunction(x, cancellationToken);
        for (var i = 0; i < values.Length; i++)
        {
            values[i] += Offset;
        }

        return values;
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentNullException"><paramref name="x"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="x"/> is empty, not finite, or of another width.</exception>
    public double[] DecisionFunction(double[,] x, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(x);
        InputGuard.CheckMatrix(x, nameof(x));
        var d = FeatureCount;
        if (x.GetLength(1) != d)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"X has {x.GetLength(1)} features, but OneClassSVM is expecting {d} features as input."), nameof(x));
        }

        var n = x.GetLength(0);
        var rows = MatrixRows.Of(x).ToArray();
        var result = new double[n];
        for (var i = 0; i < n; i++)
        {
            if ((i & 255) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            var row = rows.AsSpan(i * d, d);
            var sum = 0.0;
            for (var s = 0; s < _coefficients.Length; s++)
            {
                var sv = _vectors.AsSpan(s * d, d);
                var distance = 0.0;
                for (var j = 0; j < d; j++)
                {
                    var diff = row[j] - sv[j];
                    distance += diff * diff;
                }

                // libsvm's dense k_function for RBF: exp(-gamma * ||x - sv||^2).
                sum += _coefficients[s] * Math.Exp(-Gamma * distance);
            }

            result[i] = sum - Offset;
        }

        return result;
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentNullException"><paramref name="x"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="x"/> is empty, not finite, or of another width.</exception>
    public int[] Predict(double[,] x, CancellationToken cancellationToken = default) =>
        DecisionFunction(x, cancellationToken).Select(v => v > 0 ? 1 : -1).ToArray();
}
