using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace PolicyPack.Sdk.Tests.Templates;

/// <summary>
/// The `dotnet new pulumi-policy-pack` template's files, read as text: they are not compiled here (scripts/test.sh
/// instantiates, builds and tests the template), so these checks catch what a rename or an SDK version bump would break.
/// </summary>
public partial class PolicyPackTemplateTests
{
    private const string SourceName = "MyPolicyPack";
    private const string PackName = "my-policy-pack";

    private static readonly string Root = RepositoryRoot();
    private static readonly string[] SdkPackages = ["PolicyPack.Sdk", "PolicyPack.Sdk.Hosting", "PolicyPack.Sdk.Testing"];
    private static readonly string Content = Path.Combine(Root, "templates", "PolicyPack.Templates", "content", "PolicyPack");

    [Fact]
    public void TemplateJson_WhenParsed_ShouldDeclareTheShortNameSourceNameAndPackNameSymbol()
    {
        using var template = JsonDocument.Parse(File.ReadAllText(Path.Combine(Content, ".template.config", "template.json")));
        var root = template.RootElement;

        Assert.Equal("pulumi-policy-pack", root.GetProperty("shortName").GetString());
        Assert.Equal(SourceName, root.GetProperty("sourceName").GetString());
        Assert.Equal("PolicyPack.Templates.PolicyPack", root.GetProperty("identity").GetString());
        var packName = root.GetProperty("symbols").GetProperty("packName");
        Assert.Equal("name", packName.GetProperty("valueSource").GetString());
        Assert.Equal("kebabCase", packName.GetProperty("valueTransform").GetString());
        Assert.Equal(PackName, packName.GetProperty("replaces").GetString());
    }

    [Fact]
    public void TemplateFiles_WhenInstantiated_ShouldCarryTheSourceNameInEveryProjectPathAndNamespace()
    {
        Assert.True(File.Exists(Path.Combine(Content, $"{SourceName}.slnx")));
        Assert.True(File.Exists(Path.Combine(Content, "src", SourceName, $"{SourceName}.csproj")));
        Assert.True(File.Exists(Path.Combine(Content, "tests", $"{SourceName}.Tests", $"{SourceName}.Tests.csproj")));

        var sources = Directory.EnumerateFiles(Content, "*.cs", SearchOption.AllDirectories).Where(f => !IsBuildOutput(f)).ToArray();
        Assert.NotEmpty(sources);
        Assert.All(sources, file => Assert.Matches(NamespaceOrUsing(), File.ReadAllText(file)));

        var solution = XDocument.Load(Path.Combine(Content, $"{SourceName}.slnx"));
        var projects = solution.Descendants("Project").Select(p => (string)p.Attribute("Path")!).ToArray();
        Assert.Equal([$"src/{SourceName}/{SourceName}.csproj", $"tests/{SourceName}.Tests/{SourceName}.Tests.csproj"], projects);
        Assert.All(projects, p => Assert.True(File.Exists(Path.Combine(Content, p)), p));
    }

    [Fact]
    public void PackProject_WhenInstantiated_ShouldBeTheExecutableNamedAfterThePackWithPulumiPolicyYamlBesideIt()
    {
        var project = XDocument.Load(Path.Combine(Content, "src", SourceName, $"{SourceName}.csproj"));
        var program = File.ReadAllText(Path.Combine(Content, "src", SourceName, "Program.cs"));
        var pack = File.ReadAllText(Path.Combine(Content, "src", SourceName, "MyPack.cs"));
        var yaml = File.ReadAllLines(Path.Combine(Content, "src", SourceName, "PulumiPolicy.yaml"));

        Assert.Equal("Exe", Property(project, "OutputType"));
        Assert.Equal(PackName, Property(project, "AssemblyName"));
        Assert.Contains("return PackHost.Run(args, MyPack.Definition);", program, StringComparison.Ordinal);
        Assert.Contains($"Name = \"{PackName}\"", pack, StringComparison.Ordinal);
        Assert.Contains(project.Descendants("None"), n => (string?)n.Attribute("Include") == "PulumiPolicy.yaml" && n.Attribute("CopyToPublishDirectory") is not null);
        // Pulumi refuses a PulumiPolicy.yaml without `runtime`, and its `version` overrides the pack's: keep the three equal.
        Assert.Contains(yaml, l => Regex.IsMatch(l, "^runtime: \\S+$"));
        var version = Property(project, "Version");
        Assert.Contains($"version: {version}", yaml);
        Assert.Contains($"Version = \"{version}\"", pack, StringComparison.Ordinal);
    }

    [Fact]
    public void TemplateProjects_WhenRestored_ShouldReferenceTheSdkAsPackagesAtTheSdkVersion()
    {
        var sdkVersions = SdkPackages.ToDictionary(id => id, id => Property(XDocument.Load(Path.Combine(Root, "sdk", id, $"{id}.csproj")), "Version"), StringComparer.Ordinal);
        var projects = Directory.EnumerateFiles(Content, "*.csproj", SearchOption.AllDirectories).Select(XDocument.Load).ToArray();
        var references = projects.SelectMany(p => p.Descendants("PackageReference"))
            .Select(r => ((string)r.Attribute("Include")!, (string?)r.Attribute("Version")))
            .Where(r => r.Item1.StartsWith("PolicyPack.", StringComparison.Ordinal))
            .ToArray();

        Assert.Equal(sdkVersions.Keys.Order(StringComparer.Ordinal), references.Select(r => r.Item1).Order(StringComparer.Ordinal));
        Assert.All(references, r => Assert.Equal(sdkVersions[r.Item1], r.Item2));
        // Only the template's own test-to-pack reference: a path into this repository would not exist where it is instantiated.
        var projectReferences = projects.SelectMany(p => p.Descendants("ProjectReference")).Select(r => (string)r.Attribute("Include")!).ToArray();
        Assert.Equal([$"../../src/{SourceName}/{SourceName}.csproj"], projectReferences);
    }

    [Fact]
    public void Workflow_WhenGenerated_ShouldPinEveryActionToAFullShaThisRepositoryAlreadyUses()
    {
        var workflow = File.ReadAllText(Path.Combine(Content, ".github", "workflows", "policy-pack.yml"));
        var repositoryPins = Directory.EnumerateFiles(Path.Combine(Root, ".github", "workflows"), "*.yml")
            .SelectMany(f => Uses().Matches(File.ReadAllText(f)))
            .Select(m => m.Groups["ref"].Value)
            .ToHashSet(StringComparer.Ordinal);

        var uses = Uses().Matches(workflow).Select(m => m.Groups["ref"].Value).ToArray();

        Assert.NotEmpty(uses);
        Assert.All(uses, reference =>
        {
            Assert.Matches(PinnedReference(), reference);
            Assert.Contains(reference, repositoryPins);
        });
        Assert.Contains("on:\n  pull_request:", workflow.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Contains($"{SourceName}.slnx", workflow, StringComparison.Ordinal);
    }

    [Fact]
    public void TemplatePackage_WhenPacked_ShouldBeATemplatePackageThatShipsDotFolders()
    {
        var project = XDocument.Load(Path.Combine(Root, "templates", "PolicyPack.Templates", "PolicyPack.Templates.csproj"));

        Assert.Equal("Template", Property(project, "PackageType"));
        Assert.Equal("PolicyPack.Templates", Property(project, "PackageId"));
        Assert.Equal("true", Property(project, "NoDefaultExcludes"));
    }

    private static bool IsBuildOutput(string path) =>
        path.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
        || path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal);

    private static string Property(XDocument project, string name) =>
        project.Descendants(name).Select(e => e.Value).SingleOrDefault() ?? throw new InvalidOperationException($"no <{name}> in the project");

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Infra.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Infra.sln not found above the test output folder");
    }

    [GeneratedRegex(@"^(namespace|using) MyPolicyPack[.;]", RegexOptions.Multiline)]
    private static partial Regex NamespaceOrUsing();

    [GeneratedRegex(@"^\s*(?:-\s+)?uses:\s*(?<ref>\S+)", RegexOptions.Multiline)]
    private static partial Regex Uses();

    [GeneratedRegex(@"^[\w.-]+/[\w./-]+@[0-9a-f]{40}$")]
    private static partial Regex PinnedReference();
}
