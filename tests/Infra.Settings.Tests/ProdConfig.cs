using Baseline.Settings;

namespace Infra.Settings.Tests;

/// <summary>Stack config shaped like Pulumi.prod.yaml, with one key changed per test.</summary>
internal static class ProdConfig
{
    public static Dictionary<string, string> Values() => new(StringComparer.Ordinal)
    {
        ["aws:region"] = "ap-northeast-1",
        ["azure-native:location"] = "japaneast",
        ["security-baseline:allowedCidrs"] = """["10.40.0.0/16","203.0.113.0/24","198.51.100.0/24","2001:db8:1234::/48"]""",
        ["certificateArn"] = "arn:aws:acm:ap-northeast-1:123456789012:certificate/0f6c1a52-7d3e-4b8a-9c21-5e4f3a2b1c0d",
        ["zoneCount"] = "3",
        ["vpcCidr"] = "10.40.0.0/16",
        ["azureVnetCidr"] = "10.50.0.0/16",
    };

    public static StackSettings Load(Action<Dictionary<string, string>>? change = null, string stack = "prod")
    {
        var values = Values();
        change?.Invoke(values);
        return StackSettings.Load(new DictionaryConfigLookup(values), stack);
    }

    public static StackSettingsException Fails(Action<Dictionary<string, string>> change, string stack = "prod") =>
        Assert.Throws<StackSettingsException>(() => Load(change, stack));
}
