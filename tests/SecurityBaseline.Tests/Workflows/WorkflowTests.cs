using System.Globalization;
using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace SecurityBaseline.Tests.Workflows;

/// <summary>The GitHub workflows and the composite action: pinned actions, least permissions, the fork path, a pinned Pulumi CLI.</summary>
public partial class WorkflowTests
{
    // Every job's permissions, stated once: a job that asks for more (or a new job or workflow) fails until it is listed here.
    private static readonly Dictionary<string, Dictionary<string, Dictionary<string, string>>> ExpectedJobPermissions = new(StringComparer.Ordinal)
    {
        ["preview.yml"] = new(StringComparer.Ordinal)
        {
            ["checks"] = new(StringComparer.Ordinal) { ["contents"] = "read" },
            ["preview"] = new(StringComparer.Ordinal)
            {
                ["contents"] = "read",
                ["actions"] = "read",
                ["id-token"] = "write",
                ["pull-requests"] = "write",
                ["security-events"] = "write",
            },
        },
        ["deploy.yml"] = new(StringComparer.Ordinal)
        {
            ["deploy"] = new(StringComparer.Ordinal) { ["contents"] = "read", ["id-token"] = "write" },
        },
        ["release.yml"] = new(StringComparer.Ordinal)
        {
            ["binaries"] = new(StringComparer.Ordinal) { ["contents"] = "read" },
            ["tool-package"] = new(StringComparer.Ordinal) { ["contents"] = "read" },
            ["release"] = new(StringComparer.Ordinal) { ["contents"] = "write" },
        },
    };

    // The first CLI release that runs an executable policy pack (pulumi/pulumi#24052).
    private static readonly Version MinimumPulumi = new(3, 255, 0);

    private const string SameRepository = "github.event.pull_request.head.repo.full_name == github.repository";

    private static string WorkflowFolder => Path.Combine(Fixtures.RepositoryRoot(), ".github", "workflows");

    private static string ActionFile => Path.Combine(Fixtures.RepositoryRoot(), "action.yml");

    private static readonly string[] PulumiWorkflows = ["preview.yml", "deploy.yml"];

    // Paths relative to .github/workflows: every workflow, and the composite action at the repository root.
    private static List<string> WorkflowNames() =>
        Directory.GetFiles(WorkflowFolder, "*.yml").Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal).ToList();

    private static List<string> NamesWithActions() => [.. WorkflowNames(), "../../action.yml"];

    public static TheoryData<string> WorkflowFiles() => new(WorkflowNames());

    public static TheoryData<string> FilesWithActions() => new(NamesWithActions());

    [GeneratedRegex(@"^\s*(?:-\s+)?uses:\s*(?<ref>[^\s#]+)\s*(?:#\s*(?<comment>.*))?$")]
    private static partial Regex UsesLine();

    [GeneratedRegex(@"^[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+(?:/[^@]+)?@[0-9a-f]{40}$")]
    private static partial Regex PinnedReference();

    [GeneratedRegex(@"^v\d+\.\d+\.\d+$")]
    private static partial Regex VersionComment();

    [GeneratedRegex(@"^\$\{\{\s*env\.(?<name>[A-Za-z_][A-Za-z0-9_]*)\s*\}\}$")]
    private static partial Regex EnvReference();

    private static YamlMappingNode Load(string path)
    {
        var stream = new YamlStream();
        using var reader = new StreamReader(path);
        stream.Load(reader);
        return (YamlMappingNode)stream.Documents[0].RootNode;
    }

    private static YamlNode? Child(YamlNode node, string key) =>
        node is YamlMappingNode mapping && mapping.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    private static string? Scalar(YamlNode node, string key) => (Child(node, key) as YamlScalarNode)?.Value;

    private static IEnumerable<(string Job, YamlNode Step)> Steps(YamlMappingNode document)
    {
        if (Child(document, "jobs") is YamlMappingNode jobs)
        {
            foreach (var (name, job) in jobs.Children)
            {
                foreach (var step in Child(job, "steps") as YamlSequenceNode ?? [])
                {
                    yield return (((YamlScalarNode)name).Value!, step);
                }
            }
        }

        // A composite action: runs.steps.
        foreach (var step in Child(Child(document, "runs") ?? new YamlMappingNode(), "steps") as YamlSequenceNode ?? [])
        {
            yield return ("(composite)", step);
        }
    }

    private static IEnumerable<string> Scalars(YamlNode node) => node switch
    {
        YamlScalarNode scalar => [scalar.Value ?? ""],
        YamlMappingNode mapping => mapping.Children.SelectMany(c => Scalars(c.Key).Concat(Scalars(c.Value))),
        YamlSequenceNode sequence => sequence.Children.SelectMany(Scalars),
        _ => [],
    };

    private static string Resolve(string path) => Path.GetFullPath(Path.Combine(WorkflowFolder, path));

    [Theory]
    [MemberData(nameof(FilesWithActions))]
    public void ActionReference_WhenNotLocal_ShouldBeAFullCommitShaWithItsVersionInAComment(string file)
    {
        var path = Resolve(file);
        var parsed = Steps(Load(path)).Select(s => Scalar(s.Step, "uses")).OfType<string>()
            .Where(u => !u.StartsWith("./", StringComparison.Ordinal) && !u.StartsWith("docker://", StringComparison.Ordinal))
            .ToList();
        var lines = File.ReadAllLines(path).Select(l => UsesLine().Match(l)).Where(m => m.Success).ToList();

        Assert.NotEmpty(parsed);
        // The comment is only in the text: every parsed reference must have its own `uses:` line to read it from.
        Assert.Equal(parsed.Order(StringComparer.Ordinal), lines.Select(m => m.Groups["ref"].Value).Order(StringComparer.Ordinal));
        foreach (var line in lines)
        {
            var reference = line.Groups["ref"].Value;
            Assert.True(PinnedReference().IsMatch(reference), $"{file}: {reference} is not pinned to a 40-hex commit SHA");
            Assert.True(VersionComment().IsMatch(line.Groups["comment"].Value.Trim()), $"{file}: {reference} has no `# vX.Y.Z` comment");
        }
    }

    [Fact]
    public void SameAction_WhenUsedInSeveralPlaces_ShouldBePinnedToOneCommit()
    {
        var all = NamesWithActions()
            .SelectMany(f => File.ReadAllLines(Resolve(f)).Select(l => UsesLine().Match(l)).Where(m => m.Success))
            .Select(m => m.Groups["ref"].Value.Split('@'))
            .GroupBy(parts => parts[0].Split('/')[0] + "/" + parts[0].Split('/')[1], StringComparer.Ordinal)
            .Where(g => g.Select(parts => parts[1]).Distinct(StringComparer.Ordinal).Count() > 1)
            .Select(g => g.Key)
            .ToList();

        Assert.True(all.Count == 0, $"pinned to different commits across the repository: {string.Join(", ", all)}");
    }

    [Theory]
    [MemberData(nameof(WorkflowFiles))]
    public void Workflow_WhenItRuns_ShouldGrantNothingAtTheTopAndOnlyTheListedPermissionsPerJob(string file)
    {
        Assert.True(ExpectedJobPermissions.TryGetValue(file, out var expected), $"{file}: list its jobs' permissions in {nameof(ExpectedJobPermissions)}");
        var document = Load(Resolve(file));

        var top = Child(document, "permissions");
        Assert.True(top is YamlMappingNode { Children.Count: 0 }, $"{file}: top-level permissions must be {{}}");

        var jobs = (YamlMappingNode)Child(document, "jobs")!;
        Assert.Equal(expected!.Keys.Order(StringComparer.Ordinal), jobs.Children.Keys.Select(k => ((YamlScalarNode)k).Value!).Order(StringComparer.Ordinal));
        foreach (var (name, job) in jobs.Children)
        {
            var jobName = ((YamlScalarNode)name).Value!;
            var actual = Child(job, "permissions") is YamlMappingNode permissions
                ? permissions.Children.ToDictionary(p => ((YamlScalarNode)p.Key).Value!, p => ((YamlScalarNode)p.Value).Value!, StringComparer.Ordinal)
                : null;
            Assert.True(actual is not null, $"{file}: job {jobName} has no explicit permissions");
            Assert.Equal(expected[jobName].OrderBy(p => p.Key, StringComparer.Ordinal), actual!.OrderBy(p => p.Key, StringComparer.Ordinal));
        }
    }

    [Fact]
    public void PreviewWorkflow_WhenThePullRequestComesFromAFork_ShouldSkipThePreviewAndSayWhyInTheSummary()
    {
        var document = Load(Path.Combine(WorkflowFolder, "preview.yml"));
        var jobs = (YamlMappingNode)Child(document, "jobs")!;

        // The job with secrets, OIDC and write permissions runs only for branches of this repository.
        var preview = Child(jobs, "preview")!;
        Assert.StartsWith(SameRepository + " && ", Scalar(preview, "if"), StringComparison.Ordinal);
        Assert.Contains("github.actor != 'dependabot[bot]'", Scalar(preview, "if"), StringComparison.Ordinal);

        // The job without secrets runs for every pull request, and on a fork says in the summary why the preview did not run.
        var checks = Child(jobs, "checks")!;
        Assert.Null(Scalar(checks, "if"));
        var notice = Steps(document).Where(s => s.Job == "checks")
            .Single(s => Scalar(s.Step, "if")?.StartsWith("github.event.pull_request.head.repo.full_name != github.repository", StringComparison.Ordinal) == true);
        Assert.Contains("GITHUB_STEP_SUMMARY", Scalar(notice.Step, "run"), StringComparison.Ordinal);
        Assert.Contains("fork", Scalar(notice.Step, "run"), StringComparison.OrdinalIgnoreCase);

        // Steps that need a write token or a secret are only in the guarded job.
        var privileged = Steps(document).Where(s =>
            Scalar(s.Step, "uses") is { } uses && (uses.StartsWith("github/codeql-action/upload-sarif@", StringComparison.Ordinal)
                || uses.StartsWith("actions/github-script@", StringComparison.Ordinal)
                || uses.StartsWith("aws-actions/configure-aws-credentials@", StringComparison.Ordinal)
                || uses.StartsWith("azure/login@", StringComparison.Ordinal)))
            .ToList();
        Assert.Equal(4, privileged.Count);
        Assert.All(privileged, s => Assert.Equal("preview", s.Job));
        Assert.DoesNotContain(Scalars(checks), value => value.Contains("secrets.", StringComparison.Ordinal));
    }

    [Fact]
    public void CompositeAction_WhenRunForAFork_ShouldSkipTheCommentAndTheSarifUpload()
    {
        var document = Load(ActionFile);
        var guarded = Steps(document).Where(s =>
            Scalar(s.Step, "uses") is { } uses && (uses.StartsWith("github/codeql-action/upload-sarif@", StringComparison.Ordinal)
                || uses.StartsWith("actions/github-script@", StringComparison.Ordinal)))
            .ToList();

        Assert.Equal(2, guarded.Count);
        Assert.All(guarded, s => Assert.Contains(SameRepository, Scalar(s.Step, "if"), StringComparison.Ordinal));
        var inputs = ((YamlMappingNode)Child(document, "inputs")!).Children.Keys.Select(k => ((YamlScalarNode)k).Value!).ToList();
        Assert.Superset(
            new HashSet<string>(["version", "files", "preview-command", "config", "waivers", "baseline", "fail-on", "comment", "sarif"], StringComparer.Ordinal),
            inputs.ToHashSet(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(WorkflowFiles))]
    public void PulumiCli_WhenInstalled_ShouldBeAnExactVersionThatRunsExecutablePacks(string file)
    {
        var document = Load(Resolve(file));
        foreach (var (job, step) in Steps(document).Where(s => Scalar(s.Step, "uses")?.StartsWith("pulumi/actions@", StringComparison.Ordinal) == true))
        {
            var version = Scalar(Child(step, "with") ?? new YamlMappingNode(), "pulumi-version");
            Assert.False(version is null, $"{file}: job {job} installs the Pulumi CLI without pulumi-version");
            var reference = EnvReference().Match(version!);
            if (reference.Success)
            {
                version = Scalar(Child(document, "env")!, reference.Groups["name"].Value);
            }

            Assert.True(Version.TryParse(version, out var parsed) && version!.Count(c => c == '.') == 2,
                $"{file}: job {job} pulumi-version {version} is not an exact x.y.z version");
            Assert.True(parsed >= MinimumPulumi, $"{file}: Pulumi {version} cannot run an executable policy pack (needs {MinimumPulumi})");
        }
    }

    [Fact]
    public void PreviewAndDeploy_WhenBothInstallPulumi_ShouldPinTheSameVersion()
    {
        var versions = PulumiWorkflows
            .Select(f => Scalar(Child(Load(Path.Combine(WorkflowFolder, f)), "env")!, "PULUMI_VERSION"))
            .ToList();

        Assert.All(versions, v => Assert.False(string.IsNullOrEmpty(v)));
        Assert.Single(versions.Distinct(StringComparer.Ordinal));
        Assert.Equal(3, versions[0]!.Split('.').Select(p => int.Parse(p, CultureInfo.InvariantCulture)).Count());
    }
}
