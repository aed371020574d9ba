using Baseline.Settings;

namespace Infra.Settings.Tests;

public class StackSettingsTests
{
    [Fact]
    public void Load_WhenProdConfigIsValid_ShouldReadEverySetting()
    {
        var settings = ProdConfig.Load();

        Assert.True(settings.IsProduction);
        Assert.Equal("ap-northeast-1", settings.AwsRegion);
        Assert.Equal("aws", settings.AwsPartition);
        Assert.Equal("japaneast", settings.AzureLocation);
        Assert.Equal(["203.0.113.0/24", "198.51.100.0/24"], settings.AllowlistIPv4);
        Assert.Equal(["2001:db8:1234::/48"], settings.AllowlistIPv6);
        Assert.Equal(3, settings.ZoneCount);
        Assert.Equal(3, settings.Subnets.Count);
        Assert.True(settings.DeletionProtection);
        Assert.True(settings.NatGatewayPerZone);
        Assert.Equal(365, settings.LogRetentionDays);
        Assert.Equal("baseline-prod", settings.NamePrefix);
        Assert.Equal(["web", "app"], settings.AzureSubnets.Select(s => s.Name));
    }

    [Fact]
    public void Load_WhenAllowlistIsCommaSeparated_ShouldParseEachEntry()
    {
        var settings = ProdConfig.Load(c => c["security-baseline:allowedCidrs"] = "203.0.113.0/24, 198.51.100.0/24");

        Assert.Equal(2, settings.Allowlist.Count);
    }

    [Theory]
    [InlineData("0.0.0.0/0")]
    [InlineData("::/0")]
    public void Load_WhenAllowlistAdmitsTheInternet_ShouldFailNamingTheEntry(string everything)
    {
        var error = ProdConfig.Fails(c => c["security-baseline:allowedCidrs"] = $"""["203.0.113.0/24","{everything}"]""");

        Assert.Contains(error.Problems, p => p.Contains("security-baseline:allowedCidrs[1]", StringComparison.Ordinal) && p.Contains("whole internet", StringComparison.Ordinal));
    }

    [Fact]
    public void Load_WhenAllowlistEntryIsNoCidr_ShouldFail()
    {
        var error = ProdConfig.Fails(c => c["security-baseline:allowedCidrs"] = """["203.0.113.0/33"]""");

        Assert.Contains(error.Problems, p => p.Contains("security-baseline:allowedCidrs[0] is not an IPv4 or IPv6 CIDR block", StringComparison.Ordinal));
    }

    [Fact]
    public void Load_WhenAllowlistEntryHasHostBits_ShouldFailNamingTheNetworkAddress()
    {
        var error = ProdConfig.Fails(c => c["security-baseline:allowedCidrs"] = """["203.0.113.7/24"]""");

        Assert.Contains(error.Problems, p => p.Contains("203.0.113.0/24", StringComparison.Ordinal));
    }

    [Fact]
    public void Load_WhenAllowlistIsMissing_ShouldFail()
    {
        var error = ProdConfig.Fails(c => c.Remove("security-baseline:allowedCidrs"));

        Assert.Contains(error.Problems, p => p.StartsWith("security-baseline:allowedCidrs is required", StringComparison.Ordinal));
    }

    [Fact]
    public void Load_WhenAllowlistEntriesOverlap_ShouldFail()
    {
        var error = ProdConfig.Fails(c => c["security-baseline:allowedCidrs"] = """["203.0.113.0/24","203.0.113.128/25"]""");

        Assert.Contains(error.Problems, p => p.Contains("overlaps", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("10.40.0.0/33")]
    [InlineData("10.40.0/16")]
    [InlineData("banana")]
    public void Load_WhenVpcCidrDoesNotParse_ShouldFail(string cidr)
    {
        var error = ProdConfig.Fails(c => c["vpcCidr"] = cidr);

        Assert.Contains(error.Problems, p => p.Contains($"vpcCidr \"{cidr}\" is not a CIDR block", StringComparison.Ordinal));
    }

    [Fact]
    public void Load_WhenVpcCidrIsPublic_ShouldFail()
    {
        var error = ProdConfig.Fails(c => c["vpcCidr"] = "198.18.0.0/16");

        Assert.Contains(error.Problems, p => p.Contains("RFC 1918", StringComparison.Ordinal));
    }

    [Fact]
    public void Load_WhenProdHasOneZone_ShouldFail()
    {
        var error = ProdConfig.Fails(c => c["zoneCount"] = "1");

        Assert.Contains(error.Problems, p => p.Contains("at least two availability zones", StringComparison.Ordinal));
    }

    [Fact]
    public void Load_WhenDevHasOneZone_ShouldPassWithoutDeletionProtection()
    {
        var settings = ProdConfig.Load(c => c["zoneCount"] = "1", stack: "dev");

        Assert.False(settings.IsProduction);
        Assert.Single(settings.Subnets);
        Assert.False(settings.DeletionProtection);
        Assert.False(settings.NatGatewayPerZone);
    }

    [Theory]
    [InlineData("arn:aws:acm:ap-northeast-1:123456789012:certificate/not-a-uuid")]
    [InlineData("arn:aws:iam::123456789012:server-certificate/web")]
    [InlineData("arn:aws:acm:ap-northeast-1:1234:certificate/0f6c1a52-7d3e-4b8a-9c21-5e4f3a2b1c0d")]
    public void Load_WhenCertificateArnHasTheWrongShape_ShouldFail(string arn)
    {
        var error = ProdConfig.Fails(c => c["certificateArn"] = arn);

        Assert.Contains(error.Problems, p => p.Contains("is not an ACM certificate ARN", StringComparison.Ordinal));
    }

    [Fact]
    public void Load_WhenCertificateIsInAnotherRegion_ShouldFail()
    {
        var error = ProdConfig.Fails(c => c["certificateArn"] = "arn:aws:acm:us-east-1:123456789012:certificate/0f6c1a52-7d3e-4b8a-9c21-5e4f3a2b1c0d");

        Assert.Contains(error.Problems, p => p.Contains("ACM certificates are regional", StringComparison.Ordinal));
    }

    [Fact]
    public void Load_WhenExplicitSubnetsOverlap_ShouldFail()
    {
        var error = ProdConfig.Fails(c =>
        {
            c["zoneCount"] = "2";
            c["publicSubnetCidrs"] = """["10.40.0.0/24","10.40.1.0/24"]""";
            c["privateSubnetCidrs"] = """["10.40.1.0/24","10.40.16.0/20"]""";
        });

        Assert.Contains(error.Problems, p => p.Contains("private subnet 0 10.40.1.0/24 overlaps public subnet 1 10.40.1.0/24", StringComparison.Ordinal));
    }

    [Fact]
    public void Load_WhenExplicitSubnetLiesOutsideTheVpc_ShouldFail()
    {
        var error = ProdConfig.Fails(c =>
        {
            c["zoneCount"] = "2";
            c["publicSubnetCidrs"] = """["10.40.0.0/24","10.41.1.0/24"]""";
            c["privateSubnetCidrs"] = """["10.40.32.0/20","10.40.48.0/20"]""";
        });

        Assert.Contains(error.Problems, p => p.Contains("10.41.1.0/24 lies outside vpcCidr 10.40.0.0/16", StringComparison.Ordinal));
    }

    [Fact]
    public void Load_WhenExplicitSubnetsAreValid_ShouldUseThem()
    {
        var settings = ProdConfig.Load(c =>
        {
            c["zoneCount"] = "2";
            c["publicSubnetCidrs"] = "10.40.0.0/24,10.40.1.0/24";
            c["privateSubnetCidrs"] = "10.40.32.0/20,10.40.48.0/20";
        });

        Assert.Equal("10.40.48.0/20", settings.Subnets[1].Private.ToString());
    }

    [Fact]
    public void Load_WhenDeletionProtectionIsTurnedOffInProd_ShouldFail()
    {
        var error = ProdConfig.Fails(c => c["deletionProtection"] = "false");

        Assert.Contains("deletionProtection cannot be turned off in prod", error.Problems);
    }

    [Theory]
    [InlineData("30", "shorter than")]
    [InlineData("100", "not a value CloudWatch Logs accepts")]
    [InlineData("a year", "not a whole number")]
    public void Load_WhenLogRetentionIsWrong_ShouldFail(string days, string expected)
    {
        var error = ProdConfig.Fails(c => c["logRetentionDays"] = days);

        Assert.Contains(error.Problems, p => p.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void Load_WhenSeveralSettingsAreWrong_ShouldReportThemAllAtOnce()
    {
        var error = ProdConfig.Fails(c =>
        {
            c.Remove("aws:region");
            c["security-baseline:allowedCidrs"] = "0.0.0.0/0";
            c["zoneCount"] = "1";
        });

        Assert.True(error.Problems.Count >= 3, string.Join("; ", error.Problems));
        Assert.Contains("aws:region is required", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ProdStackFile_WhenLoaded_ShouldBeValidAndHoldNoPlaintextSecret()
    {
        var values = StackFile.Read(Path.Combine(AppContext.BaseDirectory, "Pulumi.prod.yaml"));

        var settings = StackSettings.Load(new DictionaryConfigLookup(values), "prod");

        Assert.Equal("ap-northeast-1", settings.AwsRegion);
        Assert.Equal("japaneast", settings.AzureLocation);
        Assert.Equal(3, settings.ZoneCount);
        Assert.Contains(settings.Allowlist, r => r.IsIPv6);
        Assert.DoesNotContain(values.Keys, k => k.Contains("password", StringComparison.OrdinalIgnoreCase) || k.Contains("secret", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void Load_WhenTheAllowlistListsTheVpcRange_ShouldAdmitOnlyTheOutsideRangesFromOutside()
    {
        var settings = ProdConfig.Load();

        Assert.DoesNotContain(settings.Allowlist, r => r.ToString() == "10.40.0.0/16");
        Assert.Equal(3, settings.Allowlist.Count);
    }

    [Fact]
    public void Load_WhenTheOldBaselineAllowlistKeyIsSet_ShouldFailPointingAtTheOneList()
    {
        var error = ProdConfig.Fails(c => c["allowlist"] = "203.0.113.0/24");

        Assert.Contains(error.Problems, p => p.Contains("security-baseline:allowedCidrs", StringComparison.Ordinal) && p.StartsWith("baseline:allowlist", StringComparison.Ordinal));
    }

    [Fact]
    public void Load_WhenAccountSecurityKeysAreAbsent_ShouldHoldTheServicesWithAQuarterlyReview()
    {
        var settings = ProdConfig.Load();

        Assert.True(settings.AccountSecurityServices);
        Assert.Equal(90, settings.UnusedAccessAgeDays);
        Assert.Equal(["Arm", "KeyVaults", "StorageAccounts"], settings.DefenderPlans);
        Assert.Equal(365, settings.AzureLogRetentionDays);
    }

    [Fact]
    public void Load_WhenUnusedAccessAgeExceedsAQuarter_ShouldFail()
    {
        var error = ProdConfig.Fails(c => c["unusedAccessAgeDays"] = "180");

        Assert.Contains("unusedAccessAgeDays 180 is outside 1..90", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_WhenDefenderPlanIsUnknown_ShouldFailNamingIt()
    {
        var error = ProdConfig.Fails(c => c["defenderPlans"] = """["KeyVaults","KeyVault"]""");

        Assert.Contains("defenderPlans[1] \"KeyVault\" is not a Defender for Cloud plan", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_WhenLogRetentionExceedsTheWorkspaceMaximum_ShouldCapOnlyTheAzureRetention()
    {
        var settings = ProdConfig.Load(c => c["logRetentionDays"] = "1827");

        Assert.Equal(1827, settings.LogRetentionDays);
        Assert.Equal(730, settings.AzureLogRetentionDays);
    }
}
