using System.Text.Json;
using SecurityBaseline.Policies;

namespace SecurityBaseline.Tests.Cli;

public class PoliciesCommandTests
{
    [Fact]
    public void Policies_WhenJson_ShouldListEveryPolicyWithItsMetadata()
    {
        var (code, stdout, _) = CliRunner.Run("policies", "--format", "json");
        Assert.Equal(CliRunner.Compliant, code);
        using var document = JsonDocument.Parse(stdout);
        var listed = document.RootElement.GetProperty("policies").EnumerateArray().ToArray();
        Assert.Equal(PolicyCatalog.All.Count, listed.Length);
        foreach (var policy in listed)
        {
            Assert.StartsWith("§", policy.GetProperty("section").GetString(), StringComparison.Ordinal);
            Assert.NotEmpty(policy.GetProperty("resourceTypes").EnumerateArray());
            Assert.Equal(JsonValueKind.Object, policy.GetProperty("configSchema").ValueKind);
        }
    }

    [Fact]
    public void Policies_WhenText_ShouldNameEachPolicy()
    {
        var (code, stdout, _) = CliRunner.Run("policies");
        Assert.Equal(CliRunner.Compliant, code);
        Assert.All(PolicyCatalog.All, p => Assert.Contains(p.Descriptor.Id, stdout, StringComparison.Ordinal));
    }

    [Fact]
    public void PolicyDocs_WhenGenerated_ShouldMatchTheCommittedCatalogue()
    {
        var (code, stdout, _) = CliRunner.Run("policies", "--format", "markdown");
        Assert.Equal(CliRunner.Compliant, code);
        var committed = File.ReadAllText(Path.Combine(Fixtures.RepositoryRoot(), "docs", "policies.md"));
        Assert.True(
            committed.ReplaceLineEndings() == stdout.ReplaceLineEndings(),
            "docs/policies.md is out of date: run `dotnet run --project policy-pack/SecurityBaseline.Pack -- policies --format markdown > docs/policies.md`");
    }

    [Fact]
    public void Version_WhenAsked_ShouldPrintThePackNameAndVersion()
    {
        var (code, stdout, _) = CliRunner.Run("--version");
        Assert.Equal(CliRunner.Compliant, code);
        Assert.Equal($"{PolicyCatalog.PackName} {PolicyCatalog.Version}", stdout.Trim());
    }
}
