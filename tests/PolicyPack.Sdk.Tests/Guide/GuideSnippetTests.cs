using System.Text.RegularExpressions;

namespace PolicyPack.Sdk.Tests.Guide;

/// <summary>
/// docs/writing-policies.md prints its C# from this folder: each ```csharp block marked `&lt;!-- guide:Name --&gt;` must equal the
/// `// guide:Name` … `// end guide` region of a file here, so the guide's code compiles and its tests run.
/// </summary>
public partial class GuideSnippetTests
{
    private static readonly string[] GuideProjects = ["PolicyPack.Sdk.Tests", "SecurityBaseline.Tests"];

    [Fact]
    public void Guide_WhenItsMarkedBlocksAreComparedWithTheSources_ShouldMatchEveryOne()
    {
        var root = RepositoryRoot();
        var guide = File.ReadAllText(Path.Combine(root, "docs", "writing-policies.md")).ReplaceLineEndings("\n");
        // The composition sample lives with the security-baseline tests (this project must not reference the pack); read as text only.
        var sources = GuideProjects
            .SelectMany(project => Directory.GetFiles(Path.Combine(root, "tests", project, "Guide"), "*.cs"))
            .SelectMany(f => Regions().Matches(File.ReadAllText(f).ReplaceLineEndings("\n")))
            .ToDictionary(m => m.Groups["name"].Value, m => Dedent(m.Groups["body"].Value), StringComparer.Ordinal);

        var blocks = Blocks().Matches(guide);

        Assert.NotEmpty(blocks);
        foreach (Match block in blocks)
        {
            var name = block.Groups["name"].Value;
            Assert.True(sources.TryGetValue(name, out var source), $"docs/writing-policies.md marks a block `guide:{name}` that no file in tests/PolicyPack.Sdk.Tests/Guide has");
            Assert.True(source == block.Groups["body"].Value, $"docs/writing-policies.md block `guide:{name}` differs from its source region; paste this:\n{source}");
        }
    }

    private static string Dedent(string body)
    {
        var lines = body.TrimEnd('\n').Split('\n');
        var indent = lines.Where(l => l.Trim().Length > 0).Min(l => l.Length - l.TrimStart().Length);
        return string.Join('\n', lines.Select(l => l.Length >= indent ? l[indent..] : l.TrimStart())) + "\n";
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Infra.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("no Infra.sln above the test's output folder");
    }

    [GeneratedRegex(@"^[ \t]*// guide:(?<name>\w+)\n(?<body>.*?)^[ \t]*// end guide\n", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex Regions();

    [GeneratedRegex(@"<!-- guide:(?<name>\w+) -->\n```csharp\n(?<body>.*?)```\n", RegexOptions.Singleline)]
    private static partial Regex Blocks();
}
