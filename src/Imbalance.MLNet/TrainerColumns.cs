using System.Reflection;
using Microsoft.ML;

namespace Imbalance.MLNet;

/// <summary>
/// Reads the column names an ML.NET trainer was configured with: <c>TrainerEstimatorBase</c> exposes them as the
/// public fields <c>LabelColumn</c>, <c>FeatureColumn</c> and <c>WeightColumn</c>.
/// </summary>
internal static class TrainerColumns
{
    public static string? Name(object trainer, string fieldName)
    {
        var field = trainer.GetType().GetField(fieldName, BindingFlags.Public | BindingFlags.Instance);
        return field?.GetValue(trainer) is SchemaShape.Column { Name: { } name } ? name : null;
    }
}
