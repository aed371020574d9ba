using System.Text.Json;
using System.Text.RegularExpressions;
using SecurityBaseline.Engine;
using SecurityBaseline.Policies;

namespace SecurityBaseline.Tests.Policies;

/// <summary>Every policy is complete: metadata, schema, ids unique and registered, a test file, a doc entry.</summary>
public partial class CatalogMetaTests
{
    public static TheoryData<string> PolicyIdsInCatalog()
    {
        var data = new TheoryData<string>();
        foreach (var policy in PolicyCatalog.All)
        {
            data.Add(policy.Descriptor.Id);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(PolicyIdsInCatalog))]
    public void Policy_WhenDeclared_ShouldHaveCompleteMetadata(string id)
    {
        var p = Fixtures.PolicyById(id).Descriptor;
        Assert.Matches(KebabCase(), p.Id);
        Assert.False(string.IsNullOrWhiteSpace(p.Title));
        Assert.False(string.IsNullOrWhiteSpace(p.Description));
        Assert.False(string.IsNullOrWhiteSpace(p.Message));
        Assert.False(string.IsNullOrWhiteSpace(p.Help));
        Assert.False(string.IsNullOrWhiteSpace(p.AbsentMeans));
        Assert.True(CompanyPolicy.Sections.ContainsKey(p.Section), $"§{p.Section} is not a section of the company policy");
        Assert.NotEmpty(p.ResourceTypes);
        Assert.All(p.ResourceTypes, t => Assert.Matches(TypeToken(), t));
        Assert.Equal(p.ResourceTypes.Count, p.ResourceTypes.Distinct(StringComparer.Ordinal).Count());
        if (p.Section is 1 or 3 or 7)
        {
            Assert.Equal(EnforcementLevel.Mandatory, p.DefaultEnforcement);
        }

        using var schema = JsonDocument.Parse(p.ConfigSchema);
        Assert.Equal(JsonValueKind.Object, schema.RootElement.ValueKind);
        Assert.All(schema.RootElement.EnumerateObject(), property =>
        {
            Assert.Equal(JsonValueKind.Object, property.Value.ValueKind);
            Assert.True(property.Value.TryGetProperty("type", out _), $"{id}: parameter {property.Name} has no type");
            Assert.True(property.Value.TryGetProperty("description", out _), $"{id}: parameter {property.Name} has no description");
        });
    }

    [Fact]
    public void Catalog_WhenListed_ShouldHaveUniqueIdsAllFromTheRegistry()
    {
        var ids = PolicyCatalog.All.Select(p => p.Descriptor.Id).ToArray();
        Assert.Equal(ids.Length, ids.Distinct(StringComparer.Ordinal).Count());
        var registry = typeof(PolicyIds).GetFields().Select(f => (string)f.GetRawConstantValue()!).ToHashSet(StringComparer.Ordinal);
        Assert.Equal(registry.Order(StringComparer.Ordinal), ids.Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(PolicyIdsInCatalog))]
    public void Policy_WhenDeclared_ShouldHaveItsTestFileCoveringEveryProviderFamily(string id)
    {
        var policy = Fixtures.PolicyById(id);
        var testFile = Directory.GetFiles(Path.Combine(Fixtures.RepositoryRoot(), "tests", "SecurityBaseline.Tests", "Policies"), $"{policy.GetType().Name}Tests.cs", SearchOption.AllDirectories);
        var text = File.ReadAllText(Assert.Single(testFile));
        foreach (var family in policy.Descriptor.ProviderFamilies)
        {
            // Each family needs a compliant and a violating case: at least one Pass and one Fail assertion on a token of that family.
            Assert.Contains($"\"{family}:", text, StringComparison.Ordinal);
        }

        Assert.Contains("Outcome.Pass", text, StringComparison.Ordinal);
        Assert.Contains("Outcome.Fail", text, StringComparison.Ordinal);
    }

    [Fact]
    public void PackVersion_WhenBuilt_ShouldMatchTheProjectVersion()
    {
        var version = typeof(PolicyCatalog).Assembly.GetName().Version!;
        Assert.Equal(PolicyCatalog.Version, $"{version.Major}.{version.Minor}.{version.Build}");
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex KebabCase();

    [GeneratedRegex("^(aws|azure|azure-native|pulumi):[A-Za-z0-9/._-]*:[A-Za-z0-9]+$")]
    private static partial Regex TypeToken();
}
