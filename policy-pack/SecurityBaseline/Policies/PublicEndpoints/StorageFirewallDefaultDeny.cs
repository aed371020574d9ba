using PolicyPack.Sdk.Engine;
using PolicyPack.Sdk.Model;

namespace SecurityBaseline.Policies.PublicEndpoints;

/// <summary>§1: storage account firewalls deny by default and never admit the whole internet.</summary>
public sealed class StorageFirewallDefaultDeny : ResourcePolicy
{
    private const string AzureNativeAccount = "azure-native:storage:StorageAccount";
    private const string AzureAccount = "azure:storage/account:Account";
    private const string AzureAccountNetworkRules = "azure:storage/accountNetworkRules:AccountNetworkRules";

    public static readonly PolicyDescriptor Rule = new()
    {
        Id = PolicyIds.StorageFirewallDefaultDeny,
        Title = "Storage account firewalls deny by default",
        Description = "Storage accounts must disable public network access or set their firewall's default action to Deny, with IP rules only for the company's own ranges.",
        Message = "The storage account's firewall lets the internet in.",
        Control = "§1",
        Severity = Severity.High,
        ResourceTypes = [AzureNativeAccount, AzureAccount, AzureAccountNetworkRules],
        ConfigSchema = $$"""
            {
              {{FirewallIpRules.ParameterSchema}}
            }
            """,
        Help = "azure-native: set `networkRuleSet.defaultAction: \"Deny\"` (with `bypass: \"AzureServices\"`, `ipRules[].iPAddressOrRange` and `virtualNetworkRules` for what must get in) " +
               "or `publicNetworkAccess: \"Disabled\"` with private endpoints. azure: set `networkRules.defaultAction: \"Deny\"` or `publicNetworkAccessEnabled: false`; " +
               "`azure:storage/accountNetworkRules` needs `defaultAction: \"Deny\"`. Never list `0.0.0.0/0` in the IP rules.",
        AbsentMeans = "An absent `networkRuleSet` / `networkRules` (or `defaultAction`) means Allow: a violation. `publicNetworkAccess` absent (or `SecuredByPerimeter`, whose transition mode still applies the firewall) leaves the firewall in charge. " +
                      "An `azure:storage/account:Account` without `networkRules` is not applicable here: its rules may live in a separate `azure:storage/accountNetworkRules` resource, and the stack policy storage-firewall-configured decides.",
        Tags = ["network", "storage", "firewall"],
    };

    public override PolicyDescriptor Descriptor => Rule;

    public override IEnumerable<string> ValidateParameters(PolicyParameters parameters) => FirewallIpRules.Validate(parameters);

    public override void Evaluate(ResourceContext context)
    {
        switch (context.Resource.Type)
        {
            case AzureNativeAccount:
                if (IsDisabled(context.Properties.GetString("publicNetworkAccess")))
                {
                    return;
                }

                context.Guard(() => CheckDefaultAction(context, "networkRuleSet"));
                FirewallIpRules.CheckAll(context, "networkRuleSet.ipRules", "iPAddressOrRange");
                break;
            case AzureAccount:
                if (context.Properties.GetBool("publicNetworkAccessEnabled") == false)
                {
                    return;
                }

                if (context.Properties.Known("networkRules") is null)
                {
                    // The firewall may live in a separate azure:storage/accountNetworkRules resource: only the stack shows it.
                    context.NotApplicable($"networkRules is absent: the firewall may be declared by a separate azure:storage/accountNetworkRules resource, which {PolicyIds.StorageFirewallConfigured} checks across the stack");
                    return;
                }

                context.Guard(() => CheckDefaultAction(context, "networkRules"));
                FirewallIpRules.CheckAll(context, "networkRules.ipRules", field: null);
                break;
            case AzureAccountNetworkRules:
                context.Guard(() => CheckDefaultAction(context, block: null));
                FirewallIpRules.CheckAll(context, "ipRules", field: null);
                break;
        }
    }

    public override IReadOnlyDictionary<string, PropertyValue>? Remediate(ResourceContext context)
    {
        if (context.Resource.Type != AzureNativeAccount ||
            IsDisabled(context.Properties.GetString("publicNetworkAccess")) ||
            IsDeny(context.Properties.GetString("networkRuleSet.defaultAction")))
        {
            return null;
        }

        var ruleSet = context.Properties.Known("networkRuleSet");
        if (ruleSet is not null && ruleSet.Kind != ValueKind.Object)
        {
            throw new PolicyDataException("networkRuleSet", $"expected an object, found {ruleSet.Kind}");
        }

        var fields = new Dictionary<string, PropertyValue>(ruleSet?.Fields ?? new Dictionary<string, PropertyValue>(), StringComparer.Ordinal)
        {
            ["defaultAction"] = PropertyValue.FromString("Deny"),
        };

        // Without the bypass, Azure's own services (backup, monitoring, trusted services) would lose access the moment the default flips.
        if (fields.GetValueOrDefault("bypass") is null or { IsNull: true })
        {
            fields["bypass"] = PropertyValue.FromString("AzureServices");
        }

        var fixedRuleSet = PropertyValue.FromObject(fields);
        return context.PropertiesWith(("networkRuleSet", ruleSet is { IsSecret: true } ? fixedRuleSet.AsSecret() : fixedRuleSet));
    }

    /// <summary>Reports unless the default action of <paramref name="block"/> (the resource itself when null) is Deny.</summary>
    private static void CheckDefaultAction(ResourceContext context, string? block)
    {
        var path = block is null ? "defaultAction" : $"{block}.defaultAction";
        var action = context.Properties.GetString(path);
        if (IsDeny(action))
        {
            return;
        }

        if (action is null)
        {
            var absent = block is not null && context.Properties.Known(block) is null ? block : path;
            context.Report($"{absent} is absent, so the firewall's default action is Allow: every address on the internet reaches the account.");
        }
        else
        {
            context.Report($"{path} is {context.Properties.Known(path)!.Describe()}: every address on the internet reaches the account.");
        }
    }

    private static bool IsDeny(string? action) => string.Equals(action, "Deny", StringComparison.OrdinalIgnoreCase);

    private static bool IsDisabled(string? access) => string.Equals(access, "Disabled", StringComparison.OrdinalIgnoreCase);
}
