using System.Reflection;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Imbalance.Learning;
using Imbalance.Sampling;

namespace Imbalance.Docs.Tests;

/// <summary>
/// Every public sampler, learner, metric class and meta-estimator shows an <c>&lt;example&gt;</c> in its XML
/// documentation, and that example is, line for line, a region of <c>Snippets/ApiExamples*.cs</c> that a test runs.
/// </summary>
public partial class ApiExampleTests
{
    private static readonly Assembly Library = typeof(ISampler).Assembly;

    [Fact]
    public void Every_documented_example_is_a_tested_region()
    {
        var regions = Regions();
        var examples = Examples();
        examples.Should().NotBeEmpty();
        foreach (var (type, code) in examples)
        {
            regions.Should().ContainKey(type, $"the <example> of {type} must be the tested region api-{type}");
            code.Should().Be(regions[type], $"the <example> of {type} must equal region api-{type} line for line");
        }

        regions.Keys.Should().OnlyContain(type => examples.ContainsKey(type), "each api-NAME region is shown in NAME's XML documentation");
    }

    [Fact]
    public void Every_sampler_learner_metric_and_meta_estimator_has_an_example()
    {
        var examples = Examples();
        var missing = RequiredTypes().Where(t => !examples.ContainsKey(t)).ToList();
        missing.Should().BeEmpty("every public sampler, learner, metric class and meta-estimator has an <example>");
    }

    [Fact]
    public void The_shipped_xml_documents_the_public_api_only()
    {
        var xml = XDocument.Load(Path.ChangeExtension(Library.Location, ".xml"));
        var documented = xml.Descendants("member").Select(m => m.Attribute("name")!.Value)
            .Where(n => n.StartsWith("T:", StringComparison.Ordinal)).Select(n => n[2..]).ToHashSet(StringComparer.Ordinal);
        var exported = Library.GetExportedTypes().Select(t => t.FullName!.Replace('+', '.')).ToHashSet(StringComparer.Ordinal);

        documented.Should().BeSubsetOf(exported, "internal and private types are not shipped in the XML documentation");
        exported.Should().BeSubsetOf(documented, "every public type is documented");
        xml.Descendants("member").Select(m => m.Attribute("name")!.Value).Should()
            .NotContain(n => n.Contains(".InputGuard.", StringComparison.Ordinal) || n.Contains(".SmoteCore.", StringComparison.Ordinal));
    }

    private static IEnumerable<string> RequiredTypes()
    {
        string[] tools = ["Metrics", "ModelSelection", "Datasets", "Calibration"];
        foreach (var type in Library.GetExportedTypes())
        {
            var name = type.Name.Split('`')[0];
            var estimator = type.IsClass && !type.IsAbstract && !type.Name.EndsWith("Model`1", StringComparison.Ordinal) && !type.Name.EndsWith("Model", StringComparison.Ordinal) &&
                (typeof(ISampler).IsAssignableFrom(type) || typeof(IClassifier).IsAssignableFrom(type) ||
                 typeof(IFeatureTransformer).IsAssignableFrom(type) || typeof(ICentroidClusterer).IsAssignableFrom(type));
            var toolClass = type.IsAbstract && type.IsSealed && tools.Contains(type.Namespace!.Split('.').Last()) && type.GetMethods(BindingFlags.Public | BindingFlags.Static).Length > 0;
            var other = name is "NearestNeighbors" or "StratifiedKFold" or "KFold" or "IsolationForest" or "OneClassSvm"
                or "SupportVectorClassifier" or "FocalLoss" or "BalancedBatchSampler" or "WeightedBatchSampler";
            if (estimator || toolClass || other)
            {
                yield return name;
            }
        }
    }

    private static Dictionary<string, string> Examples()
    {
        var xml = XDocument.Load(Path.ChangeExtension(Library.Location, ".xml"));
        var examples = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var member in xml.Descendants("member"))
        {
            var name = member.Attribute("name")!.Value;
            var code = member.Element("example")?.Element("code")?.Value;
            if (!name.StartsWith("T:", StringComparison.Ordinal) || code is null)
            {
                continue;
            }

            var simple = name[(name.LastIndexOf('.') + 1)..].Split('`')[0];
            examples[simple] = Dedent(code.Split('\n'));
        }

        return examples;
    }

    private static Dictionary<string, string> Regions()
    {
        var regions = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var path in Directory.GetFiles(RepositoryFiles.PathOf("tests", "Imbalance.Docs.Tests", "Snippets"), "ApiExamples*.cs"))
        {
            var lines = File.ReadAllLines(path);
            for (var i = 0; i < lines.Length; i++)
            {
                var start = RegionStart().Match(lines[i]);
                if (start.Success)
                {
                    var end = Array.FindIndex(lines, i + 1, l => l.Trim() == "#endregion");
                    regions.Add(start.Groups[1].Value, Dedent(lines[(i + 1)..end]));
                    i = end;
                }
            }
        }

        return regions;
    }

    private static string Dedent(IEnumerable<string> lines)
    {
        var body = lines.Select(l => l.TrimEnd('\r', ' ')).ToList();
        while (body.Count > 0 && body[0].Length == 0)
        {
            body.RemoveAt(0);
        }

        while (body.Count > 0 && body[^1].Length == 0)
        {
            body.RemoveAt(body.Count - 1);
        }

        var indent = body.Where(l => l.Length > 0).Min(l => l.Length - l.TrimStart().Length);
        return string.Join("\n", body.Select(l => l.Length >= indent ? l[indent..] : l));
    }

    [GeneratedRegex(@"^\s*#region\s+api-(\w+)\s*$")]
    private static partial Regex RegionStart();
}
