using SecurityBaseline.Policies;
using PolicyPack.Sdk.Engine;
using PolicyPack.Sdk.Reporting;
using SecurityBaseline.Tests.Cli;
using PolicyPack.Sdk.Waivers;

namespace SecurityBaseline.Tests.Reporting;

public class WaiverSetTests
{
    private const string UnrotatedKey = """
        {"version":3,"deployment":{"resources":[
          {"urn":"urn:pulumi:prod::baseline::aws:kms/key:Key::legacy-key","custom":true,"type":"aws:kms/key:Key","inputs":{"enableKeyRotation":false}}
        ]}}
        """;

    private const string KeyWaiver = """
        waivers:
          - policy: kms-key-rotation-enabled
            resource:
              name: legacy-*
            reason: Imported key of the old billing system; decommissioned with BILL-77.
            owner: billing@example.com
            expires: 2026-06-30
        """;

    private static readonly IReadOnlyCollection<string> Ids = ReportScenarios.PolicyIds();

    [Fact]
    public void Parse_WhenTheFileIsValid_ShouldReadEveryFieldWithItsLine()
    {
        var waiver = Assert.Single(WaiverSet.Parse(KeyWaiver, "policy-waivers.yaml", Ids).All);
        Assert.Equal("kms-key-rotation-enabled", waiver.Policy);
        Assert.Equal(new ResourceSelector(null, null, "legacy-*"), waiver.Resource);
        Assert.Equal("billing@example.com", waiver.Owner);
        Assert.Equal(new DateOnly(2026, 6, 30), waiver.Expires);
        Assert.Equal(2, waiver.Line);
    }

    [Theory]
    [InlineData(2026, 6, 29, true)]
    [InlineData(2026, 6, 30, true)]
    [InlineData(2026, 7, 1, false)]
    public void Apply_WhenJudgedOnADay_ShouldWaiveUntilAndIncludingTheExpiryDay(int year, int month, int day, bool waived)
    {
        var today = new DateOnly(year, month, day);
        var waivers = WaiverSet.Parse(KeyWaiver, "policy-waivers.yaml", Ids);
        var report = ReportScenarios.ScanText(UnrotatedKey, new ReviewOptions { Waivers = waivers, Today = today });
        var finding = Assert.Single(report.Findings);
        Assert.Equal(waived, finding.IsWaived);
        Assert.Equal(!waived, report.Blocked);
        Assert.Equal(waived ? 0 : 1, report.ExpiredWaivers.Count);
        var review = waivers.Apply(report.Result.Findings, today);
        Assert.Equal(waived ? 1 : 0, review.Waived.Count);
        Assert.Equal(waived ? 0 : 1, review.Expired.Count);
    }

    [Fact]
    public void Scan_WhenAWaiverHasExpired_ShouldWarnAndBlockAgainInEveryFormat()
    {
        var waivers = CliRunner.TempFile(KeyWaiver, "policy-waivers.yaml");
        var export = CliRunner.TempFile(UnrotatedKey);
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = PolicyPack.Sdk.Hosting.ScanCommand.Run(PolicyCatalog.Pack, [export, "--waivers", waivers], stdout, stderr, new FixedClock(new DateOnly(2026, 7, 1)));
        Assert.Equal(CliRunner.Violations, code);
        Assert.Contains($"warning: {waivers}:2:", stderr.ToString(), StringComparison.Ordinal);
        Assert.Contains("expired on 2026-06-30", stderr.ToString(), StringComparison.Ordinal);
        var report = ReportScenarios.ScanText(UnrotatedKey, new ReviewOptions { Waivers = WaiverSet.Parse(KeyWaiver, "w.yaml", Ids), Today = new DateOnly(2026, 7, 1) });
        foreach (var format in ReportFormats.Names)
        {
            Assert.Contains("expired", ReportFormats.Render(format, report), StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public void Scan_WhenTheWaiverIsActive_ShouldExitZeroAndStillShowTheFinding()
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = PolicyPack.Sdk.Hosting.ScanCommand.Run(PolicyCatalog.Pack, [CliRunner.TempFile(UnrotatedKey), "--waivers", CliRunner.TempFile(KeyWaiver, "w.yaml")], stdout, stderr, new FixedClock(new DateOnly(2026, 6, 1)));
        Assert.Equal(CliRunner.Compliant, code);
        Assert.Contains("WAIVED     kms-key-rotation-enabled", stdout.ToString(), StringComparison.Ordinal);
        Assert.Contains("Imported key of the old billing system", stdout.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("waivers:\n  - policy: kms-key-rotation-enabled\n    resource: {name: a}\n    owner: o\n    expires: 2027-01-01\n", 2, "the waiver has no `reason`")]
    [InlineData("waivers:\n  - policy: kms-key-rotation-enabled\n    resource: {name: a}\n    reason: r\n    expires: 2027-01-01\n", 2, "the waiver has no `owner`")]
    [InlineData("waivers:\n  - policy: kms-key-rotation-enabled\n    resource: {name: a}\n    reason: r\n    owner: o\n", 2, "the waiver has no `expires`")]
    [InlineData("waivers:\n  - policy: kms-key-rotation-enabled\n    resource: {name: a}\n    reason: \"\"\n    owner: o\n    expires: 2027-01-01\n", 4, "`reason` is empty")]
    [InlineData("waivers:\n  - policy: kms-key-rotaton-enabled\n    resource: {name: a}\n    reason: r\n    owner: o\n    expires: 2027-01-01\n", 2, "unknown policy id \"kms-key-rotaton-enabled\"")]
    [InlineData("waivers:\n  - policy: kms-key-rotation-enabled\n    resource: {name: a}\n    reason: r\n    owner: o\n    expires: 31.12.2027\n", 6, "`expires` must be a date YYYY-MM-DD")]
    [InlineData("waivers:\n  - policy: kms-key-rotation-enabled\n    resource: {name: a}\n    reason: r\n    owner: o\n    expiry: 2027-01-01\n", 6, "unknown waiver key \"expiry\"")]
    [InlineData("waivers:\n  - policy: kms-key-rotation-enabled\n    resource: {}\n    reason: r\n    owner: o\n    expires: 2027-01-01\n", 3, "at least one of urn, type, name")]
    [InlineData("waivers:\n  - policy: kms-key-rotation-enabled\n    resource: {name: \"*\"}\n    reason: r\n    owner: o\n    expires: 2027-01-01\n", 3, "only of `*`")]
    [InlineData("waivers:\n  - policy: kms-key-rotation-enabled\n    reason: r\n    owner: o\n    expires: 2027-01-01\n", 2, "no `resource`")]
    [InlineData("waiver:\n  - policy: x\n", 1, "unknown key \"waiver\"")]
    [InlineData("waivers:\n  - policy: [unclosed\n", 3, "invalid YAML")]
    [InlineData("waivers: 3\n", 1, "`waivers` must be a list")]
    [InlineData("- policy: x\n", 1, "expected a mapping")]
    public void Parse_WhenTheFileIsMalformed_ShouldNameFileAndLine(string yaml, int line, string problem)
    {
        var error = Assert.Throws<WaiverFormatException>(() => WaiverSet.Parse(yaml, "policy-waivers.yaml", Ids));
        Assert.Contains(error.Errors, e => e.StartsWith($"policy-waivers.yaml:{line}:", StringComparison.Ordinal) && e.Contains(problem, StringComparison.Ordinal));
    }

    [Fact]
    public void Scan_WhenTheWaiverFileIsMalformed_ShouldExitTwoWithFileAndLine()
    {
        var waivers = CliRunner.TempFile("waivers:\n  - policy: kms-key-rotation-enabled\n    resource: {name: a}\n    owner: o\n    expires: 2027-01-01\n", "policy-waivers.yaml");
        var (code, stdout, stderr) = CliRunner.Run("scan", CliRunner.TempFile(UnrotatedKey), "--waivers", waivers);
        Assert.Equal(CliRunner.BadInput, code);
        Assert.Equal(string.Empty, stdout);
        Assert.Contains($"{waivers}:2:5: the waiver has no `reason`", stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "")]
    [InlineData("# nothing waived yet\n", "")]
    [InlineData("waivers: []\n", "")]
    [InlineData("waivers:\n", "")]
    public void Parse_WhenTheFileHasNoWaivers_ShouldBeEmpty(string yaml, string unused)
    {
        Assert.Empty(unused);
        Assert.Empty(WaiverSet.Parse(yaml, "w.yaml", Ids).All);
    }

    [Theory]
    [InlineData("urn:pulumi:prod::baseline::aws:kms/key:Key::legacy-key", null, null, true)]
    [InlineData("urn:pulumi:prod::*::legacy-key", null, null, true)]
    [InlineData("urn:pulumi:dev::*", null, null, false)]
    [InlineData(null, "aws:kms/key:Key", "legacy-*", true)]
    [InlineData(null, "aws:kms/key:Key", "*-key", true)]
    [InlineData(null, "aws:s3/bucket:Bucket", "legacy-key", false)]
    [InlineData(null, null, "legacy", false)]
    [InlineData(null, null, "l*g*y-k*", true)]
    public void Selector_WhenMatching_ShouldNeedEveryGivenPart(string? urn, string? type, string? name, bool matches)
    {
        var resource = new ResourceRef("urn:pulumi:prod::baseline::aws:kms/key:Key::legacy-key", "aws:kms/key:Key", "legacy-key");
        Assert.Equal(matches, new ResourceSelector(urn, type, name).Matches(resource));
    }

    private static WaiverSet ManyWaivers(int count, Func<int, string> selector)
    {
        var yaml = new System.Text.StringBuilder("waivers:\n");
        for (var i = 0; i < count; i++)
        {
            var policy = i % 2 == 0 ? "kms-key-rotation-enabled" : "s3-no-public-acl";
            yaml.Append(System.Globalization.CultureInfo.InvariantCulture,
                $"  - policy: {policy}\n    resource:\n      {selector(i)}\n    reason: r\n    owner: o@example.com\n    expires: 2099-01-01\n");
        }

        return WaiverSet.Parse(yaml.ToString(), "many.yaml", Ids);
    }

    private static ResourceRef Key(int i) => new($"urn:pulumi:prod::baseline::aws:kms/key:Key::key-{i}", "aws:kms/key:Key", $"key-{i}");

    [Theory]
    [InlineData(500)]
    [InlineData(2_000)]
    public void Match_WhenWaiversNameExactUrns_ShouldExamineOnlyTheWaiversOfThatPolicyAndUrn(int count)
    {
        var set = ManyWaivers(count, i => $"urn: \"urn:pulumi:prod::baseline::aws:kms/key:Key::key-{i}\"");
        var today = new DateOnly(2026, 1, 1);
        for (var i = 0; i < count; i++)
        {
            var waiver = set.Match("kms-key-rotation-enabled", Key(i), today);
            Assert.Equal(i % 2 == 0, waiver is not null);
        }

        // One candidate per waived key, none for the rest: the index answers, not a walk over every waiver.
        Assert.True(set.Examined <= count, $"{set.Examined} waivers examined for {count} lookups");
    }

    [Fact]
    public void Match_WhenWaiversArePatterns_ShouldGrowLinearlyWithTheirCount()
    {
        long ExaminedFor(int count)
        {
            // Patterns of another policy never come into question; those of this policy are each examined once per lookup.
            var set = ManyWaivers(count, i => i % 2 == 0 ? $"name: \"legacy-{i}-*\"" : $"name: \"key-{i}*\"");
            for (var i = 0; i < 100; i++)
            {
                _ = set.Match("s3-no-public-acl", new ResourceRef($"urn:pulumi:prod::baseline::aws:s3/bucket:Bucket::b-{i}", "aws:s3/bucket:Bucket", $"b-{i}"), new DateOnly(2026, 1, 1));
            }

            return set.Examined;
        }

        var small = ExaminedFor(200);
        var large = ExaminedFor(800);
        Assert.Equal(100 * 100, small);
        Assert.True(large <= small * 4 * 1.5, $"{small} then {large}");
    }

    [Fact]
    public void Match_WhenAnExactAndAPatternWaiverBothCover_ShouldReturnTheFirstInTheFile()
    {
        var yaml = """
            waivers:
              - policy: kms-key-rotation-enabled
                resource:
                  name: legacy-*
                reason: first
                owner: o@example.com
                expires: 2099-01-01
              - policy: kms-key-rotation-enabled
                resource:
                  urn: urn:pulumi:prod::baseline::aws:kms/key:Key::legacy-key
                reason: second
                owner: o@example.com
                expires: 2099-01-01
            """;
        var set = WaiverSet.Parse(yaml, "w.yaml", Ids);
        var resource = new ResourceRef("urn:pulumi:prod::baseline::aws:kms/key:Key::legacy-key", "aws:kms/key:Key", "legacy-key");
        Assert.Equal("first", set.Match("kms-key-rotation-enabled", resource, new DateOnly(2026, 1, 1))?.Reason);
        Assert.Equal("second", WaiverSet.Parse(yaml.Replace("legacy-*", "legacy-*-x", StringComparison.Ordinal), "w.yaml", Ids)
            .Match("kms-key-rotation-enabled", resource, new DateOnly(2026, 1, 1))?.Reason);
    }
}
