using System.Globalization;

namespace Imbalance.Learning;

/// <summary>
/// The focal loss of Lin, Goyal, Girshick, He and Dollár, "Focal Loss for Dense Object Detection" (ICCV 2017):
/// <c>FL(p_t) = -alpha_t (1 - p_t)^gamma log(p_t)</c>, where <c>p_t</c> is the predicted probability of the true
/// class. The factor <c>(1 - p_t)^gamma</c> shrinks the loss of rows the model already classifies confidently, so
/// training concentrates on the hard, often minority, rows; <c>alpha_t</c> re-weights classes as class weights do.
/// With <see cref="Gamma"/> = 0 and no alpha it is the cross-entropy (log loss).
/// </summary>
/// <remarks>
/// <para>When to use it: training gradient-based models (neural networks, boosting) where many easy majority rows
/// swamp the loss: it down-weights confident rows rather than whole classes. Prefer plain class weights (alpha
/// only, Gamma 0) when the problem is imbalance alone rather than easy-versus-hard rows; its probabilities are not
/// calibrated.</para>
/// <para>Value and gradient with respect to the logits are computed over spans for a binary model (one logit per row,
/// the sigmoid gives the probability of class 1; <see cref="EvaluateBinary"/>) or a multiclass model (one logit per
/// class, softmax; <see cref="EvaluateSoftmax"/>), so any training loop can use them. Both stay finite and accurate
/// at extreme logits: log-probabilities come from log-sum-exp and <c>log1p</c>, <c>1 - p_t</c> is computed from the
/// other classes' probabilities rather than by subtraction, and the gradient factor
/// <c>(1 - p_t)^(gamma - 1) log p_t</c> is evaluated as <c>(1 - p_t)^gamma (log p_t / (1 - p_t))</c>.</para>
/// <para>Use it when a model trained on log loss is swamped by many easy majority rows. For <see cref="Gamma"/> &gt; 0
/// the loss is no longer convex in a linear model's weights (see <see cref="LogisticRegression.FocalLoss"/>).
/// scikit-learn has no focal loss; torchvision's <c>sigmoid_focal_loss</c> is the binary form with scalar alpha.</para>
/// </remarks>
/// <example>
/// <code>
/// var focal = new FocalLoss { Gamma = 2.0, Alpha = 0.25 };
/// double[] logits = [2.0, -1.0, 0.5];
/// int[] targets = [1, 0, 0];
/// var gradient = new double[3];
/// double loss = focal.EvaluateBinary(logits, targets, gradient);   // summed loss; gradient w.r.t. each logit
/// var model = new LogisticRegression { FocalLoss = focal }.Fit(x, y);
/// </code>
/// </example>
public sealed class FocalLoss
{
    private readonly double _gamma = 2.0;
    private readonly double? _alpha;
    private readonly double[]? _classAlpha;

    /// <summary>The focusing parameter <c>gamma</c> &gt;= 0; default 2 (Lin et al.'s choice). 0 gives cross-entropy.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative or not finite.</exception>
    public double Gamma
    {
        get => _gamma;
        init => _gamma = double.IsFinite(value) && value >= 0
            ? value
            : throw new ArgumentOutOfRangeException(nameof(Gamma), value, "Gamma must be finite and non-negative.");
    }

    /// <summary>
    /// A scalar <c>alpha</c> in [0, 1], or <see langword="null"/> (the default) for none. Binary: rows of class 1 are
    /// weighted <c>alpha</c> and rows of class 0 <c>1 - alpha</c>, as in Lin et al. (0.25 there). Multiclass: every
    /// row is weighted <c>alpha</c>. Give either this or <see cref="ClassAlpha"/>.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is outside [0, 1].</exception>
    /// <exception cref="ArgumentException"><see cref="ClassAlpha"/> is set too.</exception>
    public double? Alpha
    {
        get => _alpha;
        init
        {
            if (value is { } a && !(a is >= 0 and <= 1))
            {
                throw new ArgumentOutOfRangeException(nameof(Alpha), value, "Alpha must be in [0, 1].");
            }

            _alpha = _classAlpha is null || value is null
                ? value
                : throw new ArgumentException("Give either Alpha or ClassAlpha, not both.", nameof(Alpha));
        }
    }

    /// <summary>
    /// One non-negative <c>alpha</c> per class, in class-code order (sorted labels), or <see langword="null"/> (the
    /// default): a row of class <c>c</c> is weighted <c>ClassAlpha[c]</c>. Copied.
    /// </summary>
    /// <exception cref="ArgumentException">A value is negative or not finite, the list is empty, or
    /// <see cref="Alpha"/> is set too.</exception>
    public IReadOnlyList<double>? ClassAlpha
    {
        get => _classAlpha;
        init
        {
            if (value is null)
            {
                _classAlpha = null;
                return;
            }

            if (value.Count == 0 || value.Any(a => !double.IsFinite(a) || a < 0))
            {
                throw new ArgumentException("ClassAlpha must hold at least one finite, non-negative value.", nameof(ClassAlpha));
            }

            _classAlpha = _alpha is null
                ? [.. value]
                : throw new ArgumentException("Give either Alpha or ClassAlpha, not both.", nameof(ClassAlpha));
        }
    }

    /// <summary>
    /// The summed binary focal loss of <paramref name="logits"/> (one logit per row; <c>p = sigmoid(logit)</c> is the
    /// probability of class 1) and its gradient with respect to each logit.
    /// </summary>
    /// <param name="logits">One logit per row.</param>
    /// <param name="targets">Each row's class, 0 or 1.</param>
    /// <param name="gradient">Receives <c>d loss / d logit</c> per row (times the row weight); same length as <paramref name="logits"/>.</param>
    /// <param name="rowWeights">Optional weight per row (empty: all 1).</param>
    /// <returns>The sum over rows of <c>weight * FL</c>.</returns>
    /// <exception cref="ArgumentException">Lengths differ, a target is not 0 or 1, or <see cref="ClassAlpha"/> does not have 2 values.</exception>
    public double EvaluateBinary(ReadOnlySpan<double> logits, ReadOnlySpan<int> targets, Span<double> gradient, ReadOnlySpan<double> rowWeights = default)
    {
        CheckLengths(logits.Length, targets.Length, gradient.Length, rowWeights.Length, 1);
        CheckClassAlpha(2);
        var total = 0.0;
        for (var i = 0; i < logits.Length; i++)
        {
            var t = targets[i];
            if (t is not (0 or 1))
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"Binary targets must be 0 or 1; got {t} at index {i}."), nameof(targets));
            }

            var w = rowWeights.IsEmpty ? 1.0 : rowWeights[i];
            var (loss, slope) = Binary(logits[i], t);
            total += w * loss;
            gradient[i] = w * slope;
        }

        return total;
    }

    /// <summary>
    /// The summed multiclass (softmax) focal loss of <paramref name="logits"/>, row-major <c>rows x classCount</c>,
    /// and its gradient with respect to each logit.
    /// </summary>
    /// <param name="logits">Row-major logits, <c>classCount</c> per row.</param>
    /// <param name="classCount">The number of classes, at least 2.</param>
    /// <param name="targets">Each row's class code in [0, classCount).</param>
    /// <param name="gradient">Receives <c>d loss / d logit</c> (times the row weight); same shape as <paramref name="logits"/>.</param>
    /// <param name="rowWeights">Optional weight per row (empty: all 1).</param>
    /// <returns>The sum over rows of <c>weight * FL</c>.</returns>
    /// <exception cref="ArgumentException">Shapes differ, a target is out of range, or <see cref="ClassAlpha"/> does
    /// not have <paramref name="classCount"/> values.</exception>
    public double EvaluateSoftmax(ReadOnlySpan<double> logits, int classCount, ReadOnlySpan<int> targets, Span<double> gradient, ReadOnlySpan<double> rowWeights = default)
    {
        if (classCount < 2)
        {
            throw new ArgumentOutOfRangeException(nameof(classCount), classCount, "classCount must be at least 2.");
        }

        CheckLengths(logits.Length, targets.Length, gradient.Length, rowWeights.Length, classCount);
        CheckClassAlpha(classCount);
        var total = 0.0;
        for (var i = 0; i < targets.Length; i++)
        {
            var t = targets[i];
            if ((uint)t >= (uint)classCount)
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"Targets must be in [0, {classCount}); got {t} at index {i}."), nameof(targets));
            }

            var w = rowWeights.IsEmpty ? 1.0 : rowWeights[i];
            total += w * Softmax(logits.Slice(i * classCount, classCount), t, gradient.Slice(i * classCount, classCount), w);
        }

        return total;
    }

    /// <summary>The loss of one binary row and its derivative with respect to the logit.</summary>
    internal (double Loss, double Slope) Binary(double z, int target)
    {
        // s is the logit of the true class: p_t = sigmoid(s), 1 - p_t = sigmoid(-s).
        var s = target == 1 ? z : -z;
        var logP = -Softplus(-s);
        var q = Sigmoid(-s);
        var p = Sigmoid(s);
        var alpha = AlphaOf(target, binary: true);
        var qGamma = _gamma == 0 ? 1.0 : Math.Exp(-_gamma * Softplus(s));
        var loss = -alpha * qGamma * logP;

        // d/ds [-(1-p)^g log p] = (1-p)^g (g p log p - (1-p)).
        var slope = alpha * qGamma * ((_gamma * p * logP) - q);
        return (loss, target == 1 ? slope : -slope);
    }

    /// <summary>The loss of one softmax row; writes <c>weight * d loss / d logits</c>.</summary>
    internal double Softmax(ReadOnlySpan<double> z, int target, Span<double> gradient, double weight)
    {
        var top = 0;
        for (var k = 1; k < z.Length; k++)
        {
            if (z[k] > z[top])
            {
                top = k;
            }
        }

        var max = z[top];
        var others = 0.0;
        for (var k = 0; k < z.Length; k++)
        {
            if (k != top)
            {
                others += Math.Exp(z[k] - max);
            }
        }

        var logNorm = Log1p(others);
        var logP = z[target] - max - logNorm;
        var p = Math.Exp(logP);

        // 1 - p_t without cancellation: the other classes' mass when t is the largest logit.
        var q = target == top ? others / (1.0 + others) : -ExpM1(logP);
        var alpha = AlphaOf(target, binary: false);
        var qGamma = _gamma == 0 ? 1.0 : Math.Pow(q, _gamma);
        var loss = -alpha * qGamma * logP;

        // dL/dz_k = alpha F (delta_tk - p_k), F = gamma p q^(g-1) log p - q^g = q^g (gamma p (log p / q) - 1).
        var ratio = q > 0 ? logP / q : -1.0;
        var factor = alpha * qGamma * ((_gamma * p * ratio) - 1.0);
        for (var k = 0; k < z.Length; k++)
        {
            var pk = Math.Exp(z[k] - max - logNorm);
            gradient[k] = weight * factor * ((k == target ? 1.0 : 0.0) - pk);
        }

        return loss;
    }

    /// <summary>The alpha factor of a row of class <paramref name="target"/>.</summary>
    internal double AlphaOf(int target, bool binary)
    {
        if (_classAlpha is not null)
        {
            return _classAlpha[target];
        }

        if (_alpha is not { } a)
        {
            return 1.0;
        }

        return binary && target == 0 ? 1.0 - a : a;
    }

    /// <summary>Rejects a <see cref="ClassAlpha"/> whose length is not <paramref name="classCount"/>.</summary>
    internal void CheckClassAlpha(int classCount)
    {
        if (_classAlpha is not null && _classAlpha.Length != classCount)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"FocalLoss.ClassAlpha has {_classAlpha.Length} values but there are {classCount} classes."), nameof(classCount));
        }
    }

    private static void CheckLengths(int logits, int targets, int gradient, int rowWeights, int perRow)
    {
        if (logits != (long)targets * perRow)
        {
            throw new ArgumentException("logits must hold one value per row and class.", nameof(logits));
        }

        if (gradient != logits)
        {
            throw new ArgumentException("gradient must have the length of logits.", nameof(gradient));
        }

        if (rowWeights != 0 && rowWeights != targets)
        {
            throw new ArgumentException("rowWeights must be empty or hold one weight per row.", nameof(rowWeights));
        }
    }

    /// <summary><c>log(1 + exp(v))</c> without overflow or loss of precision.</summary>
    private static double Softplus(double v) => v > 0 ? v + Log1p(Math.Exp(-v)) : Log1p(Math.Exp(v));

    private static double Sigmoid(double v) => v >= 0 ? 1.0 / (1.0 + Math.Exp(-v)) : Math.Exp(v) / (1.0 + Math.Exp(v));

    /// <summary><c>log(1 + v)</c> accurate for small <c>v</c> (the classic correction of Goldberg's note).</summary>
    private static double Log1p(double v)
    {
        var u = 1.0 + v;
        return u == 1.0 ? v : Math.Log(u) * v / (u - 1.0);
    }

    /// <summary><c>exp(v) - 1</c> accurate near 0.</summary>
    private static double ExpM1(double v)
    {
        var t = Math.Tanh(0.5 * v);
        return 2.0 * t / (1.0 - t);
    }
}
