#nullable enable
// MSBuild task (compiled by RoslynCodeTaskFactory): removes from the generated XML documentation every member that
// is not part of the public API, so the shipped XML documents the public API only. The compiler also writes the doc
// comments of internal and private members; which symbols are public is read from the project's
// PublicAPI.Shipped.txt / PublicAPI.Unshipped.txt, which the PublicApiAnalyzers keep exact (a build error otherwise).
using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

public sealed class KeepPublicDocumentation : Task
{
    private static readonly Regex Modifiers = new Regex(@"^((static|override|virtual|abstract|const|readonly|sealed|new|~)\s*)+");
    private static readonly Regex GenericArguments = new Regex(@"<[^<>]*>");

    [Required]
    public string DocumentationPath { get; set; } = "";

    public ITaskItem[] ApiFiles { get; set; } = Array.Empty<ITaskItem>();

    public override bool Execute()
    {
        if (!File.Exists(DocumentationPath) || ApiFiles.Length == 0)
        {
            return true;
        }

        // Public type (dotted, without generic arguments) -> its public member names ("#ctor" for constructors).
        var types = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var file in ApiFiles.Select(f => f.ItemSpec).Where(File.Exists))
        {
            foreach (var raw in File.ReadAllLines(file))
            {
                var line = raw.Trim();
                if (line.Length == 0 || line.StartsWith("#", StringComparison.Ordinal))
                {
                    continue;
                }

                line = Modifiers.Replace(line, "");
                while (GenericArguments.IsMatch(line))
                {
                    line = GenericArguments.Replace(line, ""); // generic arguments may hold spaces: drop them first
                }

                var end = line.IndexOfAny(new[] { '(', ' ' });
                var symbol = end < 0 ? line : line.Substring(0, end);

                var isMember = end >= 0;
                if (!isMember)
                {
                    Add(types, symbol, null);
                    continue;
                }

                if (symbol.EndsWith(".get", StringComparison.Ordinal) || symbol.EndsWith(".set", StringComparison.Ordinal) ||
                    symbol.EndsWith(".init", StringComparison.Ordinal))
                {
                    symbol = symbol.Substring(0, symbol.LastIndexOf('.'));
                }

                var dot = symbol.LastIndexOf('.');
                if (dot < 0)
                {
                    continue;
                }

                var type = symbol.Substring(0, dot);
                var member = symbol.Substring(dot + 1);
                Add(types, type, type.EndsWith("." + member, StringComparison.Ordinal) || type == member ? "#ctor" : member);
            }
        }

        var xml = XDocument.Load(DocumentationPath);
        var removed = 0;
        foreach (var element in xml.Descendants("member").ToList())
        {
            if (!Keep((string?)element.Attribute("name") ?? "", types))
            {
                element.Remove();
                removed++;
            }
        }

        xml.Save(DocumentationPath);
        Log.LogMessage(MessageImportance.Low, $"KeepPublicDocumentation: removed {removed} non-public members from {DocumentationPath}");
        return true;
    }

    private static void Add(Dictionary<string, HashSet<string>> types, string type, string? member)
    {
        // Every enclosing type of a public nested type is public too.
        for (var t = type; t.Contains('.'); t = t.Substring(0, t.LastIndexOf('.')))
        {
            if (!types.ContainsKey(t))
            {
                types[t] = new HashSet<string>(StringComparer.Ordinal);
            }

            if (t == type && member != null)
            {
                types[t].Add(member);
            }

            if (t != type)
            {
                break;
            }
        }
    }

    private static bool Keep(string id, Dictionary<string, HashSet<string>> types)
    {
        if (id.Length < 2 || id[1] != ':' || id[0] == 'N')
        {
            return true;
        }

        var body = id.Substring(2);
        if (id[0] == 'T')
        {
            return types.ContainsKey(StripArity(body));
        }

        var paren = body.IndexOf('(');
        var path = paren < 0 ? body : body.Substring(0, paren);
        var dot = path.LastIndexOf('.');
        if (dot < 0 || !types.TryGetValue(StripArity(path.Substring(0, dot)), out var members))
        {
            return false;
        }

        var name = path.Substring(dot + 1);
        var generic = name.IndexOf("``", StringComparison.Ordinal);
        if (generic >= 0)
        {
            name = name.Substring(0, generic);
        }

        // Explicit interface implementations (Namespace#Interface#Member) are what a caller reaches through the interface.
        return members.Contains(name) || (name.Contains("#") && name != "#cctor");
    }

    private static string StripArity(string name) => string.Join(".", name.Split('.').Select(part => part.Split('`')[0]));
}
