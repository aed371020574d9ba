using PolicyPack.Sdk.Engine;

namespace SecurityBaseline.Policies.PublicEndpoints;

/// <summary>§1: a classic storage account without inline network rules has its firewall declared by an AccountNetworkRules resource of the stack.</summary>
public sealed class StorageFirewallConfigured : StackPolicy
{
    private const string AccountType = "azure:storage/account:Account";
    private const string NetworkRulesType = "azure:storage/accountNetworkRules:AccountNetworkRules";

    public static readonly PolicyDescriptor Rule = new()
    {
        Id = PolicyIds.StorageFirewallConfigured,
        Title = "Storage accounts without inline network rules get them from a companion resource",
        Description = "An azure storage account that declares no `networkRules` and keeps public network access must be governed by an `azure:storage/accountNetworkRules` resource of the same stack.",
        Message = "The storage account has no firewall rules anywhere in the stack.",
        Control = "§1",
        Severity = Severity.High,
        ResourceTypes = [AccountType],
        Help = "Declare `azure.storage.AccountNetworkRules` with `storageAccountId: <account>.id` and `defaultAction: \"Deny\"` (storage-firewall-default-deny judges its rules), or set `networkRules.defaultAction: \"Deny\"` on the account, or `publicNetworkAccessEnabled: false`.",
        AbsentMeans = "Only accounts whose `networkRules` is absent and whose `publicNetworkAccessEnabled` is not false are judged here. Without a companion AccountNetworkRules resource the firewall's default action is Allow: a violation. "
            + "The companion is found by its `storageAccountId` (property dependency, else id); one whose `storageAccountId` is unknown leaves the account undecided.",
        Tags = ["network", "storage", "firewall"],
    };

    public override PolicyDescriptor Descriptor => Rule;

    public override void Evaluate(StackContext context)
    {
        var governed = new HashSet<string>(StringComparer.Ordinal);
        var unresolved = false;
        foreach (var rules in context.Stack.OfType(NetworkRulesType))
        {
            var accounts = context.Stack.Referenced(rules, "storageAccountId").Where(r => r.Type == AccountType).ToArray();
            if (accounts.Length == 0 && rules["storageAccountId"] is { IsUnknown: true })
            {
                unresolved = true;
                context.Guard(() => throw new UnknownValueException($"{rules.Name}.storageAccountId"));
            }

            governed.UnionWith(accounts.Select(a => a.Urn));
        }

        context.Each(context.Stack.OfType(AccountType), account =>
        {
            if (account.Root.Known("networkRules") is not null || account.Root.GetBool("publicNetworkAccessEnabled") == false || governed.Contains(account.Urn) || unresolved)
            {
                return;
            }

            context.Report(account, "networkRules is absent and no azure:storage/accountNetworkRules resource of the stack governs the account: the firewall's default action is Allow, so every address on the internet reaches it.");
        });
    }
}
