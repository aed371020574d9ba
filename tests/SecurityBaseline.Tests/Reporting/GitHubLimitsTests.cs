using System.Text;
using PolicyPack.Sdk.Engine;
using PolicyPack.Sdk.Reporting;
using PolicyPack.Sdk.Waivers;

namespace SecurityBaseline.Tests.Reporting;

/// <summary>The pull-request comment and the workflow annotations stay inside what GitHub accepts and shows, whatever the number of findings.</summary>
public class GitHubLimitsTests
{
    /// <summary>A stack export of <paramref name="count"/> KMS keys without rotation, each declared on its own program line.</summary>
    private static string KeysWithoutRotation(int count)
    {
        var resources = new StringBuilder();
        for (var i = 0; i < count; i++)
        {
            resources.Append(i == 0 ? string.Empty : ",").Append($$"""
                {"urn":"urn:pulumi:prod::baseline::aws:kms/key:Key::key-{{i:D4}}","custom":true,"id":"k{{i}}","type":"aws:kms/key:Key",
                 "inputs":{"description":"data key {{i}}","enableKeyRotation":false},"outputs":{"description":"data key {{i}}","enableKeyRotation":false},
                 "sourcePosition":"project:///infra/Baseline/Keys.cs#{{i + 10}},9"}
                """);
        }

        return """{"version":3,"deployment":{"resources":[""" + resources + "]}}";
    }

    [Fact]
    public void Markdown_When2000FindingsAreReported_ShouldStayUnderTheCommentLimitWithAnOverflowNotice()
    {
        var markdown = ReportFormats.Render("markdown", ReportScenarios.ScanText(KeysWithoutRotation(2000)));

        Assert.True(markdown.Length < MarkdownReporter.GitHubCommentLimit, $"{markdown.Length} characters");
        Assert.True(markdown.Length <= MarkdownReporter.MaxCharacters, $"{markdown.Length} characters");
        Assert.Contains("✂️ Not shown, to keep this comment under GitHub's 65,536-character limit:", markdown, StringComparison.Ordinal);
        Assert.Contains("The SARIF report (code scanning alerts) and the JSON report (workflow artifact) list every finding.", markdown, StringComparison.Ordinal);
        Assert.EndsWith("not applicable</sub>\n", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Markdown_WhenOnePolicyFailsOnManyResources_ShouldWriteItsFixOnce()
    {
        var markdown = ReportFormats.Render("markdown", ReportScenarios.ScanText(KeysWithoutRotation(5)));
        var fix = ReportText.CellWithCode(SecurityBaseline.Policies.PolicyCatalog.All.Single(p => p.Descriptor.Id == "kms-key-rotation-enabled").Descriptor.Help);

        Assert.Equal(1, Occurrences(markdown, fix));
        Assert.Contains("### Fixes", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Markdown_WhenNewAndExistingViolations_ShouldListNewFirst()
    {
        var baseline = BaselineReport.Parse(
            """{"schemaVersion":1,"findings":[{"policy":"kms-key-rotation-enabled","urn":"urn:pulumi:prod::baseline::aws:kms/key:Key::key-0000"}]}""",
            "baseline.json");
        var markdown = ReportFormats.Render("markdown", ReportScenarios.ScanText(KeysWithoutRotation(3), new ReviewOptions { Baseline = baseline }));

        Assert.True(markdown.IndexOf("key-0001", StringComparison.Ordinal) < markdown.IndexOf("key-0000", StringComparison.Ordinal));
    }

    [Fact]
    public void Markdown_WhenLinkBaseIsGiven_ShouldLinkTheProgramLine()
    {
        var review = new ReviewOptions { LinkBase = "https://github.com/o/r/blob/0123abc/" };
        var markdown = ReportFormats.Render("markdown", ReportScenarios.ScanText(KeysWithoutRotation(1), review));

        Assert.Contains("[infra/Baseline/Keys.cs:10](https://github.com/o/r/blob/0123abc/infra/Baseline/Keys.cs#L10)", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Markdown_WhenNoLinkBaseIsGiven_ShouldPrintThePathAndLineAsText()
    {
        var markdown = ReportFormats.Render("markdown", ReportScenarios.ScanText(KeysWithoutRotation(1), new ReviewOptions { ProjectDirectory = "stacks/prod" }));

        Assert.Contains("<code>stacks/prod/infra/Baseline/Keys.cs:10</code>", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("](", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Annotations_When2000FindingsAreReported_ShouldKeepGitHubsPerStepLimitsAndSayHowManyWereLeftOut()
    {
        var lines = ReportFormats.Render("github", ReportScenarios.ScanText(KeysWithoutRotation(2000))).TrimEnd('\n').Split('\n');

        Assert.InRange(lines.Count(l => l.StartsWith("::error ", StringComparison.Ordinal)), 1, GitHubAnnotationReporter.MaxPerKind);
        Assert.True(lines.Count(l => l.StartsWith("::warning ", StringComparison.Ordinal)) <= GitHubAnnotationReporter.MaxPerKind);
        Assert.True(lines.Count(l => l.StartsWith("::notice ", StringComparison.Ordinal)) <= GitHubAnnotationReporter.MaxPerKind);
        Assert.True(lines.Length <= 50);
        Assert.StartsWith("::notice title=security-baseline::", lines[^1], StringComparison.Ordinal);
        Assert.Contains("1990 errors", lines[^1], StringComparison.Ordinal);
    }

    [Fact]
    public void Annotations_WhenNewAndExistingFindings_ShouldAnnotateNewOnesFirst()
    {
        var baseline = BaselineReport.Parse(
            """{"schemaVersion":1,"findings":[{"policy":"kms-key-rotation-enabled","urn":"urn:pulumi:prod::baseline::aws:kms/key:Key::key-0000"}]}""",
            "baseline.json");
        var lines = ReportFormats.Render("github", ReportScenarios.ScanText(KeysWithoutRotation(20), new ReviewOptions { Baseline = baseline })).Split('\n');

        Assert.DoesNotContain(lines, l => l.Contains("key-0000", StringComparison.Ordinal));
        Assert.All(lines.Where(l => l.StartsWith("::error ", StringComparison.Ordinal)), l => Assert.Contains("title=new ", l, StringComparison.Ordinal));
    }

    [Fact]
    public void Reports_WhenAWaiverMatchesNoScannedResource_ShouldReportItAsStaleInEveryFormat()
    {
        var waivers = WaiverSet.Parse(
            """
            waivers:
              - policy: kms-key-rotation-enabled
                resource:
                  name: key-9999
                reason: Imported key material cannot be rotated automatically.
                owner: security@example.com
                expires: 2027-01-31
            """,
            "policy-waivers.yaml",
            ReportScenarios.PolicyIds());
        var report = ReportScenarios.ScanText(KeysWithoutRotation(2), new ReviewOptions { Waivers = waivers, Today = new DateOnly(2026, 6, 1) });

        Assert.Single(report.StaleWaivers);
        foreach (var format in ReportFormats.Names)
        {
            var text = ReportFormats.Render(format, report);
            Assert.True(
                text.Contains("matches no resource in the scanned input", StringComparison.Ordinal) || (format == "json" && text.Contains("\"staleWaivers\": [", StringComparison.Ordinal)),
                $"{format} does not report the stale waiver");
        }
    }

    [Theory]
    [InlineData("urn:pulumi:prod::baseline::aws:kms/key:Key::data", true)]
    [InlineData("urn:pulumi:prod::baseline::my:app:Storage$aws:kms/key:Key::data", true)]
    [InlineData("urn:pulumi:prod::baseline::other:Parent$aws:kms/key:Key::data", false)]
    [InlineData("urn:pulumi:prod::baseline::aws:s3/bucket:Bucket::data", false)]
    [InlineData("urn:pulumi:prod::baseline::*::data", true)]
    public void WaiverUrn_WhenTheResourceHasAParentChain_ShouldMatchTheFullAndTheShortForm(string pattern, bool expected)
    {
        var resource = new ResourceRef("urn:pulumi:prod::baseline::my:app:Storage$aws:kms/key:Key::data", "aws:kms/key:Key", "data");

        Assert.Equal(expected, new ResourceSelector(pattern, null, null).Matches(resource));
    }

    [Fact]
    public void WithoutParents_WhenTheNameHoldsSeparators_ShouldKeepTheName()
    {
        Assert.Equal(
            "urn:pulumi:prod::baseline::aws:kms/key:Key::a::b$c",
            ResourceSelector.WithoutParents("urn:pulumi:prod::baseline::my:app:Storage$aws:kms/key:Key::a::b$c"));
    }

    private static int Occurrences(string text, string part)
    {
        var count = 0;
        for (var at = text.IndexOf(part, StringComparison.Ordinal); at >= 0; at = text.IndexOf(part, at + part.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
