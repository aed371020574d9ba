using System.Text.Json;
using System.Text.RegularExpressions;
using PolicyPack.Sdk.Engine;
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
        Assert.True(CompanyPolicy.Framework.Contains(p.Control), $"{p.Control} is not a section of the company policy");
        Assert.NotEmpty(p.ResourceTypes);
        Assert.All(p.ResourceTypes, t => Assert.Matches(TypeToken(), t));
        Assert.Equal(p.ResourceTypes.Count, p.ResourceTypes.Distinct(StringComparer.Ordinal).Count());
        if (p.Control is "§1" or "§3" or "§7")
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
        var folder = Path.Combine(Fixtures.RepositoryRoot(), "tests", "SecurityBaseline.Tests", "Policies");
        var testFile = Assert.Single(Directory.GetFiles(folder, $"{policy.GetType().Name}Tests.cs", SearchOption.AllDirectories));

        // A control's test class may be split by provider family into partial files named `<Policy>Tests.<Part>.cs`.
        var parts = Directory.GetFiles(Path.GetDirectoryName(testFile)!, $"{policy.GetType().Name}Tests.*.cs");
        var text = string.Concat(new[] { testFile }.Concat(parts).Select(File.ReadAllText));
        foreach (var family in policy.Descriptor.ProviderFamilies)
        {
            // Each family needs a compliant and a violating case: at least one Pass and one Fail assertion on a token of that family.
            Assert.Contains($"\"{family}:", text, StringComparison.Ordinal);
        }

        // Hand-written tests assert outcomes; a control's row cases declare them with RowCases.Pass / RowCases.Fail.
        Assert.True(text.Contains("Outcome.Pass", StringComparison.Ordinal) || text.Contains(".Pass(\"", StringComparison.Ordinal), $"{id}: no compliant case");
        Assert.True(text.Contains("Outcome.Fail", StringComparison.Ordinal) || text.Contains(".Fail(\"", StringComparison.Ordinal), $"{id}: no violating case");
    }

    public static TheoryData<string> ControlIds()
    {
        var data = new TheoryData<string>();
        foreach (var policy in PolicyCatalog.All.Where(p => p.Descriptor.Requirements.Count > 0))
        {
            data.Add(policy.Descriptor.Id);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ControlIds))]
    public void Control_WhenItHasRows_ShouldHaveACompliantAndAViolatingCasePerRowType(string id)
    {
        var policy = Fixtures.PolicyById(id);
        var rows = policy.Descriptor.Requirements;
        Assert.All(rows, row =>
        {
            Assert.Contains(row.Type, policy.Descriptor.ResourceTypes);
            Assert.Matches(TypeToken(), row.Type);
            Assert.False(string.IsNullOrWhiteSpace(row.Path));
            Assert.EndsWith(".", row.Problem, StringComparison.Ordinal);
            Assert.EndsWith(".", row.Fix, StringComparison.Ordinal);
            Assert.False(string.IsNullOrWhiteSpace(row.Absent.Means));
        });

        var testClass = typeof(CatalogMetaTests).Assembly.GetTypes().Single(t => t.Name == $"{policy.GetType().Name}Tests");
        var cases = testClass.GetProperties(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)
            .Where(p => p.PropertyType == typeof(RowCases))
            .SelectMany(p => (RowCases)p.GetValue(null)!)
            .Select(c => (Type: (string)c[0], Outcome: (Outcome)c[1]))
            .ToArray();
        foreach (var type in rows.Select(r => r.Type).Distinct(StringComparer.Ordinal))
        {
            Assert.True(cases.Any(c => c.Type == type && c.Outcome == Outcome.Pass), $"{id}: no compliant case for {type}");
            Assert.True(cases.Any(c => c.Type == type && c.Outcome == Outcome.Fail), $"{id}: no violating case for {type}");
        }
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
