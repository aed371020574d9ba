using System.Text.Json;

namespace SecurityBaseline.Tests.Cli;

/// <summary>The README's main command on the bundled examples: no finding in the reference stacks, only the account-wide reminders in the legacy workload stacks, exactly the planted ones in violating stacks.</summary>
public class ExamplesTests
{
    private static string Example(string name) => Path.Combine(Fixtures.RepositoryRoot(), "examples", name);

    private static string Config => Path.Combine(Fixtures.RepositoryRoot(), "policy-config.json");

    /// <summary>Advisory policies about account- or subscription-wide services (and diagnostic settings often attached by Azure Policy) that a workload example does not hold.</summary>
    private static readonly string[] AccountWideAdvisories =
        ["access-review-analyzer", "azure-activity-log-exported", "azure-diagnostic-settings", "config-recorder-enabled", "defender-plans-enabled", "guardduty-enabled"];

    private static (int Code, HashSet<string> Findings) Scan(string name, bool withAccountWideAdvisories = true)
    {
        var (code, stdout, stderr) = CliRunner.Run("scan", Example(name), "--config", Config, "--stack-config", Path.Combine(Fixtures.RepositoryRoot(), "Pulumi.prod.yaml"), "--format", "json");
        Assert.True(code is 0 or 1, stderr);
        using var document = JsonDocument.Parse(stdout);
        var findings = document.RootElement.GetProperty("findings").EnumerateArray()
            .Where(f => withAccountWideAdvisories || f.GetProperty("level").GetString() != "advisory" || !AccountWideAdvisories.Contains(f.GetProperty("policy").GetString()))
            .Select(f => $"{f.GetProperty("policy").GetString()} {f.GetProperty("name").GetString()}")
            .ToHashSet(StringComparer.Ordinal);
        return (code, findings);
    }

    [Theory]
    [InlineData("aws-v7-compliant.export.json")]
    [InlineData("azure-native-compliant.preview.json")]
    public void ReferenceExample_WhenScanned_ShouldHaveNoFindingNotEvenAdvisory(string name)
    {
        // The reference stacks hold the account's analyzer, detector, recorder and Defender plans and send every Azure resource's logs to a workspace.
        var (code, findings) = Scan(name);
        Assert.Empty(findings);
        Assert.Equal(CliRunner.Compliant, code);
    }

    [Theory]
    [InlineData("aws-v6-compliant.export.json", "access-review-analyzer (stack)", "config-recorder-enabled (stack)", "guardduty-enabled (stack)")]
    [InlineData("azure-classic-compliant.export.json", "azure-activity-log-exported (stack)", "azure-diagnostic-settings nsg", "azure-diagnostic-settings storage", "azure-diagnostic-settings vault", "defender-plans-enabled (stack)")]
    public void LegacyWorkloadExample_WhenScanned_ShouldHaveOnlyTheAccountWideAdvisories(string name, params string[] advisories)
    {
        // A legacy workload stack leaves the account's services (and diagnostic settings, attached by Azure Policy) to the landing zone: those reminders, advisory, and nothing else.
        var (code, findings) = Scan(name);
        Assert.Equal(advisories, findings.Order(StringComparer.Ordinal));
        Assert.Empty(Scan(name, withAccountWideAdvisories: false).Findings);
        Assert.Equal(CliRunner.Compliant, code);
    }

    [Fact]
    public void AwsV7ViolatingPreview_WhenScanned_ShouldFindEveryPlantedViolation()
    {
        var (code, findings) = Scan("aws-v7-violating.preview.json");
        Assert.Equal(CliRunner.Violations, code);
        Assert.Equal(
            [
                "access-review-analyzer (stack)", "config-recorder-enabled (stack)", "database-master-password-managed orders-db",
                "database-not-public orders-db", "default-security-group-closed default-sg", "ebs-volume-default-encryption scratch",
                "guardduty-enabled (stack)", "kms-key-policy-not-public data-key", "kms-key-rotation-enabled data-key",
                "load-balancer-listener-tls http", "load-balancer-tls-policy https", "log-group-encrypted flow-logs",
                "network-admin-ports-not-public app-postgres-partner", "network-admin-ports-not-public lb-sg",
                "network-ingress-allowlist app-postgres-partner", "network-ingress-allowlist lb-sg", "network-no-internet-ingress lb-sg",
                "rds-storage-encrypted orders-db", "s3-bucket-access-logging data", "s3-bucket-policy-not-public data-public-read",
                "s3-no-public-acl data", "s3-no-website-hosting data", "s3-public-access-block-present data", "secrets-not-plaintext orders-db",
                "subnet-no-public-ip-on-launch public-a", "subnet-no-public-ip-on-launch public-c", "vpc-flow-logs-enabled vpc",
            ],
            findings.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void AwsV6ViolatingExport_WhenScanned_ShouldFindEveryPlantedViolation()
    {
        var (code, findings) = Scan("aws-v6-violating.export.json");
        Assert.Equal(CliRunner.Violations, code);
        Assert.Equal(
            [
                "access-review-analyzer (stack)", "classic-load-balancer-tls classic", "config-recorder-enabled (stack)", "guardduty-enabled (stack)",
                "kms-key-lockout-check-kept legacy-key", "kms-key-rotation-enabled legacy-key", "network-admin-ports-not-public rdp",
                "network-ingress-allowlist rdp", "network-no-internet-ingress rdp", "s3-bucket-access-logging assets", "s3-no-public-acl assets-acl",
                "s3-public-access-block-flags assets-pab", "s3-public-access-block-present assets",
            ],
            findings.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void AzureNativeViolatingExport_WhenScanned_ShouldFindEveryPlantedViolation()
    {
        var (code, findings) = Scan("azure-native-violating.export.json");
        Assert.Equal(CliRunner.Violations, code);
        Assert.Equal(
            [
                "azure-activity-log-exported (stack)", "azure-blob-container-private reports", "azure-diagnostic-settings app-nsg", "azure-diagnostic-settings sql",
                "azure-diagnostic-settings storage", "azure-diagnostic-settings vault", "azure-storage-no-public-blob-access storage",
                "azure-storage-secure-transfer storage", "database-not-public sql", "defender-plans-enabled (stack)",
                "key-vault-firewall-default-deny vault", "key-vault-recoverable vault", "local-auth-disabled sql",
                "network-admin-ports-not-public app-nsg", "network-ingress-allowlist app-nsg", "network-no-internet-ingress app-nsg",
                "secrets-not-plaintext sql", "storage-firewall-default-deny storage",
            ],
            findings.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void AzureClassicViolatingPreview_WhenScanned_ShouldFindEveryPlantedViolation()
    {
        var (code, findings) = Scan("azure-classic-violating.preview.json");
        Assert.Equal(CliRunner.Violations, code);
        Assert.Equal(
            [
                "azure-activity-log-exported (stack)", "azure-blob-container-private exports", "azure-diagnostic-settings nsg", "azure-diagnostic-settings storage",
                "azure-diagnostic-settings vault", "azure-storage-no-public-blob-access storage", "azure-storage-secure-transfer storage",
                "defender-plans-enabled (stack)", "key-vault-firewall-default-deny vault", "key-vault-recoverable vault",
                "local-auth-disabled storage", "network-admin-ports-not-public nsg", "network-ingress-allowlist nsg",
                "network-no-internet-ingress nsg", "storage-firewall-configured storage",
            ],
            findings.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void ViolatingExamples_WhenScanned_ShouldNeverPrintTheirPlaintextPasswords()
    {
        var (_, stdout, stderr) = CliRunner.Run("scan", Example("aws-v7-violating.preview.json"), Example("azure-native-violating.export.json"), "--config", Config);
        foreach (var password in new[] { "Orders-2026-prod!", "P@ssw0rd-prod-2026" })
        {
            Assert.DoesNotContain(password, stdout, StringComparison.Ordinal);
            Assert.DoesNotContain(password, stderr, StringComparison.Ordinal);
        }
    }
}
