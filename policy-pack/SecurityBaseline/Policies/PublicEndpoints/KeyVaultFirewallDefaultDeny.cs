using PolicyPack.Sdk.Engine;

namespace SecurityBaseline.Policies.PublicEndpoints;

/// <summary>§1: Key Vault firewalls deny by default and never admit the whole internet.</summary>
public sealed class KeyVaultFirewallDefaultDeny : ResourcePolicy
{
    private const string AzureNativeVault = "azure-native:keyvault:Vault";
    private const string AzureKeyVault = "azure:keyvault/keyVault:KeyVault";

    public static readonly PolicyDescriptor Rule = new()
    {
        Id = PolicyIds.KeyVaultFirewallDefaultDeny,
        Title = "Key Vault firewalls deny by default",
        Description = "Key vaults must disable public network access or set their network ACLs' default action to Deny, with IP rules only for the company's own ranges.",
        Message = "The key vault's firewall lets the internet in.",
        Control = "§1",
        Severity = Severity.High,
        ResourceTypes = [AzureNativeVault, AzureKeyVault],
        ConfigSchema = $$"""
            {
              {{FirewallIpRules.ParameterSchema}}
            }
            """,
        Help = "azure-native: set `properties.networkAcls.defaultAction: \"Deny\"` (with `bypass: \"AzureServices\"` and `ipRules[].value` / `virtualNetworkRules` for what must get in) " +
               "or `properties.publicNetworkAccess: \"Disabled\"` with private endpoints. azure: set `networkAcls.defaultAction: \"Deny\"` or `publicNetworkAccessEnabled: false`. " +
               "Never list `0.0.0.0/0` in the IP rules.",
        AbsentMeans = "azure-native `properties.publicNetworkAccess` defaults to \"enabled\" and absent `networkAcls` mean default action Allow: a violation. " +
                      "azure `publicNetworkAccessEnabled` defaults to true and absent `networkAcls` mean Allow: a violation.",
        Tags = ["network", "key-vault", "firewall"],
    };

    public override PolicyDescriptor Descriptor => Rule;

    public override IEnumerable<string> ValidateParameters(PolicyParameters parameters) => FirewallIpRules.Validate(parameters);

    public override void Evaluate(ResourceContext context)
    {
        switch (context.Resource.Type)
        {
            case AzureNativeVault:
                if (string.Equals(context.Properties.GetString("properties.publicNetworkAccess"), "Disabled", StringComparison.OrdinalIgnoreCase))
                {
                    return;
                }

                context.Guard(() => CheckDefaultAction(context, "properties.networkAcls"));
                FirewallIpRules.CheckAll(context, "properties.networkAcls.ipRules", "value");
                break;
            case AzureKeyVault:
                if (context.Properties.GetBool("publicNetworkAccessEnabled") == false)
                {
                    return;
                }

                context.Guard(() => CheckDefaultAction(context, "networkAcls"));
                FirewallIpRules.CheckAll(context, "networkAcls.ipRules", field: null);
                break;
        }
    }

    private static void CheckDefaultAction(ResourceContext context, string block)
    {
        var path = $"{block}.defaultAction";
        var action = context.Properties.GetString(path);
        if (string.Equals(action, "Deny", StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        if (action is null)
        {
            var absent = context.Properties.Known(block) is null ? block : path;
            context.Report($"{absent} is absent, so the vault's default network action is Allow: every address on the internet reaches the vault.");
        }
        else
        {
            context.Report($"{path} is {context.Properties.Known(path)!.Describe()}: every address on the internet reaches the vault.");
        }
    }
}
