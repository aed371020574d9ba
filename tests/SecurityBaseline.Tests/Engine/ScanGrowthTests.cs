using System.Globalization;
using System.Text;
using PolicyPack.Sdk.Engine;
using PolicyPack.Sdk.Inputs;
using SecurityBaseline.Policies;
using PolicyPack.Sdk.Reporting;

namespace SecurityBaseline.Tests.Engine;

/// <summary>A guard against super-linear scans that counts allocated bytes instead of timing, so a loaded CI machine cannot make it flaky.</summary>
/// <remarks>
/// An O(n²) join, or a full copy of the stack per resource, makes ten times the resources cost a hundred times the
/// allocations; linear work costs about ten. 15× leaves room for dictionaries and lists that grow by doubling.
/// </remarks>
public class ScanGrowthTests
{
    private const string Stack = "urn:pulumi:prod::growth::pulumi:pulumi:Stack::growth-prod";
    private const string Provider = "urn:pulumi:prod::growth::pulumi:providers:aws::default::aws-provider-0001";

    [Fact]
    public void Scan_WhenTheStackGrowsTenfold_ShouldAllocateAtMostFifteenTimesAsMuch()
    {
        const int Small = 200;
        var small = Export(Small);
        var large = Export(Small * 10);
        _ = Scan(small); // JIT and lazily built catalogues allocate once; they are not the scan's growth.

        var smallBytes = AllocatedBy(() => Scan(small));
        var largeBytes = AllocatedBy(() => Scan(large));

        Assert.True(largeBytes <= smallBytes * 15, $"{Small} groups allocated {smallBytes:N0} bytes, {Small * 10} groups {largeBytes:N0} bytes (×{(double)largeBytes / smallBytes:F1}); a scan should grow linearly");
    }

    private static long AllocatedBy(Func<int> scan)
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        Assert.True(scan() > 0);
        return GC.GetAllocatedBytesForCurrentThread() - before;
    }

    /// <summary>Reads, evaluates and writes the text report in process, as `scan` does; returns the report's length.</summary>
    private static int Scan(byte[] export)
    {
        var input = StackInputReader.Read(export.AsMemory(), "growth.json");
        var engine = new PolicyEngine(PolicyCatalog.All, PackConfiguration.Default(PolicyCatalog.All));
        var report = new ScanReport(PolicyCatalog.Pack, [input], engine.Analyze(input.Inputs, input.Outputs));
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        TextReporter.Write(report, writer);
        return writer.ToString().Length;
    }

    /// <summary>A deterministic `pulumi stack export` of <paramref name="groups"/> VPCs, each with a subnet and a security group that reference it (the stack policies' joins).</summary>
    private static byte[] Export(int groups)
    {
        var json = new StringBuilder();
        json.Append(CultureInfo.InvariantCulture, $$$"""{"version":3,"deployment":{"resources":[{"urn":"{{{Stack}}}","custom":false,"type":"pulumi:pulumi:Stack"}""");
        json.Append(""",{"urn":"urn:pulumi:prod::growth::pulumi:providers:aws::default","custom":true,"id":"aws-provider-0001","type":"pulumi:providers:aws","inputs":{"region":"ap-northeast-1"},"outputs":{"region":"ap-northeast-1"}}""");
        for (var i = 0; i < groups; i++)
        {
            var vpcUrn = $"urn:pulumi:prod::growth::aws:ec2/vpc:Vpc::vpc-{i:D5}";
            var vpcId = $"vpc-{i:D8}";
            var vpc = "{\"cidrBlock\":\"10." + (i % 250) + ".0.0/16\",\"enableDnsHostnames\":true,\"enableDnsSupport\":true,\"tags\":{\"Name\":\"vpc-" + i.ToString("D5", CultureInfo.InvariantCulture) + "\"}}";
            var subnet = "{\"vpcId\":\"" + vpcId + "\",\"cidrBlock\":\"10." + (i % 250) + ".1.0/24\",\"availabilityZone\":\"ap-northeast-1a\",\"mapPublicIpOnLaunch\":" + (i % 7 == 0 ? "true" : "false") + ",\"tags\":{\"tier\":\"private\"}}";
            var group = "{\"vpcId\":\"" + vpcId + "\",\"description\":\"app tier\",\"ingress\":[{\"description\":\"https\",\"protocol\":\"tcp\",\"fromPort\":443,\"toPort\":443,\"cidrBlocks\":[\"" + (i % 5 == 0 ? "0.0.0.0/0" : "203.0.113.0/24")
                + "\"]}],\"egress\":[{\"protocol\":\"tcp\",\"fromPort\":5432,\"toPort\":5432,\"cidrBlocks\":[\"10.0.0.0/16\"]}],\"revokeRulesOnDelete\":true}";
            Resource(json, vpcUrn, vpcId, "aws:ec2/vpc:Vpc", vpc, dependsOn: null);
            Resource(json, $"urn:pulumi:prod::growth::aws:ec2/subnet:Subnet::subnet-{i:D5}", $"subnet-{i:D8}", "aws:ec2/subnet:Subnet", subnet, vpcUrn);
            Resource(json, $"urn:pulumi:prod::growth::aws:ec2/securityGroup:SecurityGroup::app-sg-{i:D5}", $"sg-{i:D8}", "aws:ec2/securityGroup:SecurityGroup", group, vpcUrn);
        }

        json.Append("]}}");
        return Encoding.UTF8.GetBytes(json.ToString());
    }

    private static void Resource(StringBuilder json, string urn, string id, string type, string properties, string? dependsOn)
    {
        var dependencies = dependsOn is null ? "[]" : $"[\"{dependsOn}\"]";
        var propertyDependencies = dependsOn is null ? "{}" : "{\"vpcId\":[\"" + dependsOn + "\"]}";
        json.Append(",{\"urn\":\"").Append(urn).Append("\",\"custom\":true,\"id\":\"").Append(id).Append("\",\"type\":\"").Append(type)
            .Append("\",\"inputs\":").Append(properties).Append(",\"outputs\":").Append(properties)
            .Append(",\"parent\":\"").Append(Stack).Append("\",\"provider\":\"").Append(Provider)
            .Append("\",\"dependencies\":").Append(dependencies).Append(",\"propertyDependencies\":").Append(propertyDependencies).Append('}');
    }
}
