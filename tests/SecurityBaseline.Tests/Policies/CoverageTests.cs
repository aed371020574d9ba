using SecurityBaseline.Policies;

namespace SecurityBaseline.Tests.Policies;

/// <summary>Breadth of the pack, measured on docs/coverage-targets.tsv: a drop below the mark fails the build.</summary>
public class CoverageTests
{
    // The marks: the share of each family's target types at least one policy covers. Raise them as coverage grows; never lower them.
    private const double AwsMark = 0.90;
    private const double AzureMark = 0.90;

    private static string[][] Rows(string file) =>
        File.ReadAllLines(Path.Combine(Fixtures.RepositoryRoot(), "docs", file))
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => l.Split('\t'))
            .ToArray();

    private static HashSet<string> Covered() => PolicyCatalog.All.SelectMany(p => p.Descriptor.ResourceTypes).ToHashSet(StringComparer.Ordinal);

    [Theory]
    [InlineData("aws", AwsMark)]
    [InlineData("azure", AzureMark)]
    public void Family_WhenMeasuredOnTheTargetList_ShouldReachItsMark(string family, double mark)
    {
        var covered = Covered();
        var targets = Rows("coverage-targets.tsv").Select(r => r[0]).Where(t => t.StartsWith($"{family}:", StringComparison.Ordinal)).ToArray();
        Assert.NotEmpty(targets);
        var missing = targets.Where(t => !covered.Contains(t)).ToArray();
        var share = (double)(targets.Length - missing.Length) / targets.Length;
        Assert.True(share >= mark, $"{family}: {targets.Length - missing.Length}/{targets.Length} covered ({share:P1}), below the mark {mark:P0}; missing: {string.Join(", ", missing)}");
    }

    [Fact]
    public void TargetList_WhenRead_ShouldHaveWellFormedUniqueRows()
    {
        var rows = Rows("coverage-targets.tsv");
        Assert.All(rows, r => Assert.Equal(3, r.Length));
        Assert.Equal(rows.Length, rows.Select(r => r[0]).Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void AzureNativeCounterparts_WhenListed_ShouldBeCoveredByAPolicyThatCoversTheClassicType()
    {
        var targets = Rows("coverage-targets.tsv").Select(r => r[0]).Where(t => t.StartsWith("azure:", StringComparison.Ordinal)).ToHashSet(StringComparer.Ordinal);
        var counterparts = Rows("azure-native-counterparts.tsv");
        Assert.Equal(targets.Order(StringComparer.Ordinal), counterparts.Select(r => r[0]).Order(StringComparer.Ordinal));
        var covered = Covered();
        foreach (var row in counterparts)
        {
            // A covered classic type must name its azure-native counterpart (or say why there is none).
            Assert.True(!covered.Contains(row[0]) || (row.Length > 1 && row[1].Length > 0), $"{row[0]} is covered but names no azure-native counterpart");
            if (row.Length < 2 || row[1].Length == 0)
            {
                continue;
            }

            if (row[1] == "-")
            {
                Assert.True(row.Length > 2 && row[2].Length > 0, $"{row[0]}: no counterpart and no reason");
                continue;
            }

            var classicPolicies = PolicyCatalog.All.Where(p => p.Covers(row[0])).ToArray();
            foreach (var native in row[1].Split(',', StringSplitOptions.TrimEntries))
            {
                Assert.True(classicPolicies.Any(p => p.Covers(native)), $"{native} (counterpart of {row[0]}) is not covered by a policy that covers {row[0]}");
            }
        }
    }
}
