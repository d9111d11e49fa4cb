using System.Globalization;
using System.IO.Compression;

namespace Imbalance.Datasets;

/// <summary>
/// The small real data sets scikit-learn ships (its "toy datasets"), embedded in the package and loaded with one call:
/// <see cref="LoadBreastCancer"/>, <see cref="LoadWine"/>, <see cref="LoadIris"/>, <see cref="LoadDigits"/>. Same rows,
/// order, classes and names as scikit-learn 1.2.1's <c>load_*</c> functions. Use them for examples, documentation and
/// tests; make them imbalanced with <see cref="DataGenerators.MakeImbalance{TLabel}(Interop.FeatureMatrix, IReadOnlyList{TLabel}, IReadOnlyDictionary{TLabel, int}, int?)"/>.
/// </summary>
/// <remarks>
/// <para>When to use it: examples, tutorials and tests that need small real data with known results in
/// scikit-learn; make them imbalanced with DataGenerators.MakeImbalance. Use your own data for real evaluation:
/// these sets are small and easy.</para>
/// The files come from scikit-learn (BSD-3-Clause), copied unchanged; <see cref="Notice"/> holds their source
/// and licence, which travel with the package as an embedded resource.</remarks>
/// <example>
/// <code>
/// var (x, y) = BundledDatasets.LoadBreastCancer();          // scikit-learn's load_breast_cancer: 569 x 30
/// var cancer = BundledDatasets.LoadBreastCancer();
/// Console.WriteLine(string.Join(", ", cancer.TargetNames));  // malignant, benign
/// </code>
/// </example>
public static class BundledDatasets
{
    private static readonly string[] BreastCancerFeatures =
    [
        "mean radius", "mean texture", "mean perimeter", "mean area", "mean smoothness", "mean compactness", "mean concavity",
        "mean concave points", "mean symmetry", "mean fractal dimension", "radius error", "texture error", "perimeter error",
        "area error", "smoothness error", "compactness error", "concavity error", "concave points error", "symmetry error",
        "fractal dimension error", "worst radius", "worst texture", "worst perimeter", "worst area", "worst smoothness",
        "worst compactness", "worst concavity", "worst concave points", "worst symmetry", "worst fractal dimension",
    ];

    private static readonly string[] WineFeatures =
    [
        "alcohol", "malic_acid", "ash", "alcalinity_of_ash", "magnesium", "total_phenols", "flavanoids", "nonflavanoid_phenols",
        "proanthocyanins", "color_intensity", "hue", "od280/od315_of_diluted_wines", "proline",
    ];

    private static readonly string[] IrisFeatures = ["sepal length (cm)", "sepal width (cm)", "petal length (cm)", "petal width (cm)"];

    /// <summary>The source and licence (BSD-3-Clause, scikit-learn developers) of the bundled files.</summary>
    public static string Notice
    {
        get
        {
            using var reader = new StreamReader(Open("NOTICE.txt"));
            return reader.ReadToEnd();
        }
    }

    /// <summary>scikit-learn's <c>load_breast_cancer()</c>: 569 tumours x 30 features, classes
    /// <c>malignant</c> (0, 212 rows) and <c>benign</c> (1, 357 rows).</summary>
    /// <returns>A new copy of the data set.</returns>
    public static BundledDataset LoadBreastCancer() => LoadWithHeader("breast_cancer", "breast_cancer.csv", BreastCancerFeatures);

    /// <summary>scikit-learn's <c>load_wine()</c>: 178 wines x 13 features, classes <c>class_0</c> (59),
    /// <c>class_1</c> (71), <c>class_2</c> (48).</summary>
    /// <returns>A new copy of the data set.</returns>
    public static BundledDataset LoadWine() => LoadWithHeader("wine", "wine_data.csv", WineFeatures);

    /// <summary>scikit-learn's <c>load_iris()</c>: 150 flowers x 4 features, classes <c>setosa</c>,
    /// <c>versicolor</c>, <c>virginica</c> (50 each).</summary>
    /// <returns>A new copy of the data set.</returns>
    public static BundledDataset LoadIris() => LoadWithHeader("iris", "iris.csv", IrisFeatures);

    /// <summary>scikit-learn's <c>load_digits()</c>: 1,797 8x8 images of handwritten digits as 64 pixel features
    /// (0..16, named <c>pixel_r_c</c>), classes 0..9 (named <c>"0"</c>..<c>"9"</c>).</summary>
    /// <returns>A new copy of the data set.</returns>
    public static BundledDataset LoadDigits()
    {
        using var gzip = new GZipStream(Open("digits.csv.gz"), CompressionMode.Decompress);
        using var reader = new StreamReader(gzip);
        var rows = new List<double[]>();
        var targets = new List<int>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0)
            {
                var values = Parse(line);
                rows.Add(values[..^1]);
                targets.Add((int)values[^1]);
            }
        }

        var names = Enumerable.Range(0, 64).Select(j => string.Create(CultureInfo.InvariantCulture, $"pixel_{j / 8}_{j % 8}")).ToArray();
        var classes = Enumerable.Range(0, 10).Select(c => c.ToString(CultureInfo.InvariantCulture)).ToArray();
        return new BundledDataset("digits", ToMatrix(rows), [.. targets], names, classes);
    }

    /// <summary>Reads scikit-learn's <c>load_csv_data</c> layout: a first line <c>n_samples,n_features,class names...</c>,
    /// then one row per sample with the integer target last.</summary>
    private static BundledDataset LoadWithHeader(string name, string file, string[] featureNames)
    {
        using var reader = new StreamReader(Open(file));
        var header = (reader.ReadLine() ?? throw new InvalidDataException($"The bundled file {file} is empty.")).Split(',');
        var samples = int.Parse(header[0], CultureInfo.InvariantCulture);
        var features = int.Parse(header[1], CultureInfo.InvariantCulture);
        var rows = new List<double[]>(samples);
        var targets = new List<int>(samples);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0)
            {
                var values = Parse(line);
                rows.Add(values[..features]);
                targets.Add((int)values[features]);
            }
        }

        if (rows.Count != samples || featureNames.Length != features)
        {
            throw new InvalidDataException($"The bundled file {file} does not match its header.");
        }

        return new BundledDataset(name, ToMatrix(rows), [.. targets], featureNames, header[2..]);
    }

    private static double[] Parse(string line) =>
        line.Split(',').Select(v => double.Parse(v, NumberStyles.Float, CultureInfo.InvariantCulture)).ToArray();

    private static double[,] ToMatrix(List<double[]> rows)
    {
        var x = new double[rows.Count, rows[0].Length];
        for (var i = 0; i < rows.Count; i++)
        {
            for (var j = 0; j < rows[i].Length; j++)
            {
                x[i, j] = rows[i][j];
            }
        }

        return x;
    }

    private static Stream Open(string file) =>
        typeof(BundledDatasets).Assembly.GetManifestResourceStream("Imbalance.Datasets.Data." + file)
        ?? throw new InvalidOperationException($"The bundled resource {file} is missing from the Imbalance assembly.");
}
