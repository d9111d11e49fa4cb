namespace Imbalance.Datasets;

/// <summary>
/// A small real data set bundled with the library (scikit-learn's <c>Bunch</c> from <c>load_breast_cancer</c>,
/// <c>load_wine</c>, <c>load_iris</c> or <c>load_digits</c>): the feature rows, the integer class of each row, and the
/// names of the features and classes. Deconstructs into <c>(X, Y)</c> like <c>return_X_y=True</c>.
/// </summary>
/// <param name="Name">The data set's name, e.g. <c>"breast_cancer"</c>.</param>
/// <param name="X">The rows, <c>n_samples x n_features</c> (a new array per load).</param>
/// <param name="Y">The class of each row, <c>0 .. TargetNames.Count - 1</c> (scikit-learn's <c>target</c>).</param>
/// <param name="FeatureNames">The column names (scikit-learn's <c>feature_names</c>).</param>
/// <param name="TargetNames">The class names, indexed by <see cref="Y"/> (scikit-learn's <c>target_names</c>).</param>
public sealed record BundledDataset(string Name, double[,] X, int[] Y, IReadOnlyList<string> FeatureNames, IReadOnlyList<string> TargetNames)
{
    /// <summary>The class name of each row (<c>target_names[target]</c>), for string-labelled examples.</summary>
    /// <returns>A new array of names.</returns>
    public string[] TargetNamesOfRows() => Y.Select(c => TargetNames[c]).ToArray();

    /// <summary>Deconstructs into <c>(X, Y)</c> (scikit-learn's <c>return_X_y=True</c>).</summary>
    /// <param name="x">Receives <see cref="X"/>.</param>
    /// <param name="y">Receives <see cref="Y"/>.</param>
    public void Deconstruct(out double[,] x, out int[] y)
    {
        x = X;
        y = Y;
    }
}
