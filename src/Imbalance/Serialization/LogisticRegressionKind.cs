using Imbalance.Learning;

namespace Imbalance.Serialization;

/// <summary><see cref="LogisticRegressionModel{TLabel}"/>: coefficients, intercepts, iterations, convergence.</summary>
internal sealed class LogisticRegressionKind : ClassifierKind
{
    public override string Name => "LogisticRegression";

    public override bool Owns<TLabel>(IClassificationModel<TLabel> model) => model is LogisticRegressionModel<TLabel>;

    public override int FeatureCount<TLabel>(IClassificationModel<TLabel> model) => ((LogisticRegressionModel<TLabel>)model).FeatureCount;

    public override void Write<TLabel>(IClassificationModel<TLabel> model, ModelWriter writer)
    {
        var m = (LogisticRegressionModel<TLabel>)model;
        writer.Int("features", m.FeatureCount);
        writer.Matrix("coef", m.Coef);
        writer.Doubles("intercept", m.Intercept.ToArray());
        writer.Int("iterations", m.Iterations);
        writer.Bool("converged", m.Converged);
    }

    public override IClassificationModel<TLabel> Read<TLabel>(ModelReader reader, TLabel[] classes)
    {
        if (classes.Length < 2)
        {
            throw reader.Error("classes", "logistic regression needs at least two classes");
        }

        var outputs = classes.Length == 2 ? 1 : classes.Length;
        var features = reader.Int("features", 1, int.MaxValue);
        var coef = reader.Matrix("coef", outputs, features);
        var intercept = reader.Doubles("intercept", outputs);
        var iterations = reader.Int("iterations", 0, int.MaxValue);
        return new LogisticRegressionModel<TLabel>(classes, coef, intercept, iterations, reader.Bool("converged"));
    }
}
