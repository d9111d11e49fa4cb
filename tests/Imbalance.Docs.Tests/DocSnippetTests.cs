using System.Text.RegularExpressions;

namespace Imbalance.Docs.Tests;

/// <summary>
/// Keeps the user guide's C# from rotting: every <c>```csharp</c> block in <c>docs/</c> is preceded by
/// <c>&lt;!-- snippet: NAME --&gt;</c> and must be, line for line, the <c>#region NAME</c> of a test in
/// <c>Snippets/</c>, which the test runs and checks. A block that is edited in the guide without its test fails here.
/// </summary>
public partial class DocSnippetTests
{
    [Fact]
    public void Every_csharp_block_in_the_guide_is_a_tested_snippet()
    {
        var regions = SnippetRegions();
        var blocks = GuideBlocks().ToList();
        blocks.Should().NotBeEmpty();
        foreach (var (file, name, code) in blocks)
        {
            name.Should().NotBeNull($"every csharp block in {file} needs a <!-- snippet: NAME --> line before it");
            regions.Should().ContainKey(name!, $"{file} shows snippet '{name}', which no test in Snippets/ defines");
            code.Should().Be(regions[name!], $"the snippet '{name}' in {file} must be the tested code, line for line");
        }
    }

    [Fact]
    public void Every_tested_snippet_is_shown_in_the_guide()
    {
        var shown = GuideBlocks().Select(b => b.Name).ToHashSet();
        SnippetRegions().Keys.Should().OnlyContain(name => shown.Contains(name), "a snippet region no chapter shows is dead code");
    }

    [Fact]
    public void The_readme_links_every_chapter_and_every_chapter_exists()
    {
        var index = File.ReadAllText(RepositoryFiles.PathOf("docs", "README.md"));
        var chapters = Directory.GetFiles(RepositoryFiles.PathOf("docs"), "*.md").Select(Path.GetFileName).Where(f => f != "README.md").ToList();
        chapters.Should().NotBeEmpty();
        foreach (var chapter in chapters)
        {
            index.Should().Contain($"({chapter})", $"docs/README.md links {chapter}");
        }

        foreach (Match link in MarkdownLink().Matches(index))
        {
            File.Exists(RepositoryFiles.PathOf("docs", link.Groups[1].Value)).Should().BeTrue($"docs/README.md links {link.Groups[1].Value}");
        }

        File.ReadAllText(RepositoryFiles.PathOf("README.md")).Should().Contain("docs/README.md");
    }

    private static IEnumerable<(string File, string? Name, string Code)> GuideBlocks()
    {
        foreach (var path in Directory.GetFiles(RepositoryFiles.PathOf("docs"), "*.md"))
        {
            var lines = File.ReadAllLines(path);
            for (var i = 0; i < lines.Length; i++)
            {
                if (lines[i].Trim() != "```csharp")
                {
                    continue;
                }

                string? name = null;
                for (var j = i - 1; j >= 0 && name is null; j--)
                {
                    if (lines[j].Trim().Length == 0)
                    {
                        continue;
                    }

                    var match = SnippetMarker().Match(lines[j]);
                    name = match.Success ? match.Groups[1].Value : null;
                    break;
                }

                var end = Array.FindIndex(lines, i + 1, l => l.Trim() == "```");
                yield return (Path.GetFileName(path), name, string.Join("\n", lines[(i + 1)..end]));
                i = end;
            }
        }
    }

    private static Dictionary<string, string> SnippetRegions()
    {
        var regions = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var path in Directory.GetFiles(RepositoryFiles.PathOf("tests", "Imbalance.Docs.Tests", "Snippets"), "*.cs"))
        {
            var lines = File.ReadAllLines(path);
            for (var i = 0; i < lines.Length; i++)
            {
                var start = RegionStart().Match(lines[i]);
                if (!start.Success || start.Groups[1].Value.StartsWith("api-", StringComparison.Ordinal))
                {
                    continue; // api-NAME regions are XML-doc examples, checked by ApiExampleTests
                }

                var end = Array.FindIndex(lines, i + 1, l => l.Trim() == "#endregion");
                var body = lines[(i + 1)..end];
                var indent = body.Where(l => l.Trim().Length > 0).Min(l => l.Length - l.TrimStart().Length);
                regions.Add(start.Groups[1].Value, string.Join("\n", body.Select(l => l.Length >= indent ? l[indent..] : l.TrimStart())));
                i = end;
            }
        }

        return regions;
    }

    [GeneratedRegex(@"<!--\s*snippet:\s*([\w-]+)\s*-->")]
    private static partial Regex SnippetMarker();

    [GeneratedRegex(@"^\s*#region\s+([\w-]+)\s*$")]
    private static partial Regex RegionStart();

    [GeneratedRegex(@"\]\(([\w-]+\.md)\)")]
    private static partial Regex MarkdownLink();
}
