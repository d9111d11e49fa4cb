// Imbalance quick start: make an imbalanced three-class data set, then print the class counts before and after
// each sampler in the library (SmoteNc and SmoteN need categorical features, so they are not in this list). Run with: dotnet run --project samples/Imbalance.QuickStart
using System.Globalization;
using Imbalance.Combine;
using Imbalance.Datasets;
using Imbalance.OverSampling;
using Imbalance.Sampling;
using Imbalance.UnderSampling;

// scikit-learn's make_classification(n_samples=5000, n_features=10, n_informative=4, n_classes=3,
// weights=[0.80, 0.15, 0.05], random_state=42): the same data, bit for bit.
var (x, y) = DataGenerators.MakeClassification(
    nSamples: 5_000, nFeatures: 10, nInformative: 4, nClasses: 3, weights: [0.80, 0.15, 0.05], randomState: 42);
string[] names = ["common", "rare", "very rare"];
var labels = y.Select(c => names[c]).ToArray(); // any label type works; strings sort like np.unique

Console.WriteLine($"Data set: {x.GetLength(0)} rows x {x.GetLength(1)} features");
Print("original", Count(labels));

// Each sampler is an immutable configuration; FitResample returns a new X and y (inputs are never changed).
ISampler[] samplers =
[
    new RandomOverSampler { RandomState = 42 },
    new RandomOverSampler { RandomState = 42, Shrinkage = 0.5 },
    new RandomOverSampler { RandomState = 42, SamplingStrategy = SamplingStrategy.Minority },
    new RandomUnderSampler { RandomState = 42 },
    new RandomUnderSampler { RandomState = 42, Replacement = true },
    new RandomUnderSampler { RandomState = 42, SamplingStrategy = SamplingStrategy.Counts(new Dictionary<string, int> { ["common"] = 1_000 }) },
    new Smote { RandomState = 42 },
    new BorderlineSmote { RandomState = 42 },
    new Adasyn { RandomState = 42 },
    new SvmSmote { RandomState = 42 },
    new KMeansSmote { RandomState = 42, ClusterBalanceThreshold = 0.0 },
    new NearMiss { Version = 1 },
    new TomekLinks(),
    new EditedNearestNeighbours(),
    new RepeatedEditedNearestNeighbours(),
    new AllKnn(),
    new CondensedNearestNeighbour { RandomState = 42 },
    new OneSidedSelection { RandomState = 42 },
    new NeighbourhoodCleaningRule(),
    new ClusterCentroids { RandomState = 42 },
    new InstanceHardnessThreshold { RandomState = 42 },
    new SmoteEnn { RandomState = 42 },
    new SmoteTomek { RandomState = 42 },
];

foreach (var sampler in samplers)
{
    var result = sampler.FitResample(x, labels);
    Print(Describe(sampler), result.ClassCounts());
}

// make_imbalance: cut a balanced set down to the counts you ask for.
var cut = DataGenerators.MakeImbalance(x, labels, new Dictionary<string, int> { ["rare"] = 100, ["very rare"] = 20 }, randomState: 0);
Print("MakeImbalance(rare=100, very rare=20)", cut.ClassCounts());

static IReadOnlyDictionary<string, int> Count(string[] labels) =>
    labels.GroupBy(l => l, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count());

static string Describe(ISampler sampler) => sampler switch
{
    RandomOverSampler { Shrinkage: not null } s => $"RandomOverSampler(shrinkage={s.Shrinkage})",
    RandomOverSampler s => $"RandomOverSampler(sampling_strategy={s.SamplingStrategy})",
    RandomUnderSampler s => $"RandomUnderSampler(sampling_strategy={s.SamplingStrategy}, replacement={s.Replacement})",
    _ => sampler.GetType().Name,
};

static void Print(string title, IReadOnlyDictionary<string, int> counts) =>
    Console.WriteLine(
        $"{title,-74} {string.Join("  ", counts.Select(c => string.Create(CultureInfo.InvariantCulture, $"{c.Key}: {c.Value,5}")))}  (total {counts.Values.Sum()})");
