using Baseline.Settings;
using Pulumi;
using AzNetwork = Pulumi.AzureNative.Network;
using Authorization = Pulumi.AzureNative.Authorization;
using KeyVault = Pulumi.AzureNative.KeyVault;
using AzMonitor = Pulumi.AzureNative.Monitor;
using OperationalInsights = Pulumi.AzureNative.OperationalInsights;
using Resources = Pulumi.AzureNative.Resources;
using Security = Pulumi.AzureNative.Security;
using AzStorage = Pulumi.AzureNative.Storage;

namespace Baseline.Azure;

/// <summary>
/// The Azure stack: a resource group, a VNet whose every subnet has an allowlist-only NSG, a locked-down storage account and a
/// Key Vault with a rotating key, each sending its resource logs to the stack's Log Analytics workspace, and the subscription's
/// Defender for Cloud plans and the export of its activity log (§9).
/// </summary>
/// <remarks>
/// The azure-native 3.x .NET SDK names the diagnostic setting's log entries `Monitor.Inputs.DiagnosticsLogSettingsArgs`
/// (sdk/dotnet/Monitor/Inputs/DiagnosticsLogSettingsArgs.cs; older generations of Monitor/DiagnosticSetting.cs used LogSettingsArgs), matching
/// `inputs.monitor.DiagnosticsLogSettingsArgs` of monitor/diagnosticSetting.d.ts in 3.28.0. The subscription's setting is
/// `Monitor.SubscriptionDiagnosticSetting` with `Monitor.Inputs.SubscriptionLogSettingsArgs` (sdk/dotnet/Monitor/
/// SubscriptionDiagnosticSetting.cs, Inputs/SubscriptionLogSettingsArgs.cs; monitor/subscriptionDiagnosticSetting.d.ts in 3.28.0).
/// </remarks>
public sealed class AzureBaseline : ComponentResource
{
    public AzureBaseline(string name, StackSettings settings, ComponentResourceOptions? options = null)
        : base("baseline:azure:AzureBaseline", name, options)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var child = new CustomResourceOptions { Parent = this };
        var tags = settings.Tags();

        var group = new Resources.ResourceGroup($"rg-{settings.NamePrefix}", new Resources.ResourceGroupArgs
        {
            Location = settings.AzureLocation,
            Tags = tags,
        }, child);

        // Key Vault, storage and NSG logs go here (the pack's azure-diagnostic-settings); local (shared-key) auth is off, as for storage.
        var workspace = new OperationalInsights.Workspace($"log-{settings.NamePrefix}", new OperationalInsights.WorkspaceArgs
        {
            ResourceGroupName = group.Name,
            Location = settings.AzureLocation,
            Sku = new OperationalInsights.Inputs.WorkspaceSkuArgs { Name = OperationalInsights.WorkspaceSkuNameEnum.PerGB2018 },
            RetentionInDays = settings.AzureLogRetentionDays,
            Features = new OperationalInsights.Inputs.WorkspaceFeaturesArgs { DisableLocalAuth = true },
            Tags = tags,
        }, child);

        var subnets = new List<AzNetwork.Inputs.SubnetArgs>();
        foreach (var (subnetName, range) in settings.AzureSubnets)
        {
            var nsg = new AzNetwork.NetworkSecurityGroup($"nsg-{settings.NamePrefix}-{subnetName}", new AzNetwork.NetworkSecurityGroupArgs
            {
                ResourceGroupName = group.Name,
                Location = settings.AzureLocation,
                SecurityRules = AllowlistRules(settings),
                Tags = tags,
            }, child);
            SendLogs($"nsg-{settings.NamePrefix}-{subnetName}", nsg.Id, workspace.Id, child);
            subnets.Add(new AzNetwork.Inputs.SubnetArgs
            {
                Name = subnetName,
                AddressPrefix = range.ToString(),
                NetworkSecurityGroup = new AzNetwork.Inputs.NetworkSecurityGroupArgs { Id = nsg.Id },
                // No implicit internet egress address: outbound goes through what the stack declares.
                DefaultOutboundAccess = false,
            });
        }

        _ = new AzNetwork.VirtualNetwork($"vnet-{settings.NamePrefix}", new AzNetwork.VirtualNetworkArgs
        {
            ResourceGroupName = group.Name,
            Location = settings.AzureLocation,
            AddressSpace = new AzNetwork.Inputs.AddressSpaceArgs { AddressPrefixes = { settings.AzureVnetCidr.ToString() } },
            Subnets = subnets,
            Tags = tags,
        }, child);

        // Storage and Key Vault firewalls take IPv4 rules only; IPv6 allowlist entries apply to the NSGs.
        // The storage firewall refuses /31 and /32 rules; the settings write those as single addresses.
        var storageRules = settings.StorageFirewallIPv4.Select(cidr => new AzStorage.Inputs.IPRuleArgs { IPAddressOrRange = cidr, Action = AzStorage.Action.Allow }).ToList();
        var accountArgs = new AzStorage.StorageAccountArgs
        {
            ResourceGroupName = group.Name,
            Location = settings.AzureLocation,
            Kind = AzStorage.Kind.StorageV2,
            Sku = new AzStorage.Inputs.SkuArgs { Name = AzStorage.SkuName.Standard_ZRS },
            EnableHttpsTrafficOnly = true,
            MinimumTlsVersion = AzStorage.MinimumTlsVersion.TLS1_2,
            AllowBlobPublicAccess = false,
            AllowSharedKeyAccess = false,
            AllowCrossTenantReplication = false,
            DefaultToOAuthAuthentication = true,
            NetworkRuleSet = new AzStorage.Inputs.NetworkRuleSetArgs
            {
                DefaultAction = AzStorage.DefaultAction.Deny,
                Bypass = AzStorage.Bypass.AzureServices,
                IpRules = storageRules,
            },
            Encryption = new AzStorage.Inputs.EncryptionArgs
            {
                KeySource = AzStorage.KeySource.Microsoft_Storage,
                RequireInfrastructureEncryption = true,
                Services = new AzStorage.Inputs.EncryptionServicesArgs
                {
                    Blob = new AzStorage.Inputs.EncryptionServiceArgs { Enabled = true, KeyType = AzStorage.KeyType.Account },
                    File = new AzStorage.Inputs.EncryptionServiceArgs { Enabled = true, KeyType = AzStorage.KeyType.Account },
                },
            },
            Tags = tags,
        };

        // Pulumi auto-names the account from the logical name unless the settings had to name it (see StackSettings.StorageAccountName).
        if (settings.StorageAccountName is { } accountName)
        {
            accountArgs.AccountName = accountName;
        }

        var account = new AzStorage.StorageAccount($"st{settings.Environment}baseline", accountArgs, child);

        // The account itself has metrics only; its logs belong to the services. Blob and file are the services it encrypts.
        foreach (var service in new[] { "blobServices", "fileServices" })
        {
            SendLogs($"st{settings.Environment}baseline-{service}", account.Id.Apply(id => $"{id}/{service}/default"), workspace.Id, child);
        }

        var client = Authorization.GetClientConfig.Invoke();
        var tenantId = client.Apply(c => c.TenantId);
        var vault = new KeyVault.Vault($"kv-{settings.Environment}", new KeyVault.VaultArgs
        {
            ResourceGroupName = group.Name,
            Location = settings.AzureLocation,
            Properties = new KeyVault.Inputs.VaultPropertiesArgs
            {
                TenantId = tenantId,
                Sku = new KeyVault.Inputs.SkuArgs { Family = KeyVault.SkuFamily.A, Name = KeyVault.SkuName.Standard },
                EnableRbacAuthorization = true,
                EnableSoftDelete = true,
                SoftDeleteRetentionInDays = SecurityDefaults.KeyVaultSoftDeleteRetentionDays,
                EnablePurgeProtection = true,
                NetworkAcls = new KeyVault.Inputs.NetworkRuleSetArgs
                {
                    DefaultAction = KeyVault.NetworkRuleAction.Deny,
                    Bypass = KeyVault.NetworkRuleBypassOptions.AzureServices,
                    IpRules = settings.AllowlistIPv4.Select(cidr => new KeyVault.Inputs.IPRuleArgs { Value = cidr }).ToList(),
                },
            },
            Tags = tags,
        }, child);

        SendLogs($"kv-{settings.Environment}", vault.Id, workspace.Id, child);

        // One plan per subscription and name: a second stack in the subscription turns these off (see StackSettings).
        if (settings.AccountSecurityServices)
        {
            var subscriptionScope = client.Apply(c => $"subscriptions/{c.SubscriptionId}");
            foreach (var plan in settings.DefenderPlans)
            {
                _ = new Security.Pricing($"defender-{plan}", new Security.PricingArgs
                {
                    PricingName = plan,
                    PricingTier = Security.PricingTier.Standard,
                    ScopeId = subscriptionScope,
                }, child);
            }

            // Azure keeps the activity log 90 days; sent to the workspace it is kept as long as the workspace's retention (§9).
            _ = new AzMonitor.SubscriptionDiagnosticSetting($"activity-log-{settings.NamePrefix}", new AzMonitor.SubscriptionDiagnosticSettingArgs
            {
                Name = "activity-to-log-analytics",
                WorkspaceId = workspace.Id,
                Logs =
                {
                    new AzMonitor.Inputs.SubscriptionLogSettingsArgs { Category = "Administrative", Enabled = true },
                    new AzMonitor.Inputs.SubscriptionLogSettingsArgs { Category = "Security", Enabled = true },
                    new AzMonitor.Inputs.SubscriptionLogSettingsArgs { Category = "Policy", Enabled = true },
                },
            }, child);
        }

        _ = new KeyVault.Key("data-key", new KeyVault.KeyArgs
        {
            ResourceGroupName = group.Name,
            VaultName = vault.Name,
            KeyName = "data-key",
            Properties = new KeyVault.Inputs.KeyPropertiesArgs
            {
                Kty = KeyVault.JsonWebKeyType.RSA,
                KeySize = 3072,
                Attributes = new KeyVault.Inputs.KeyAttributesArgs { Enabled = true },
                RotationPolicy = new KeyVault.Inputs.RotationPolicyArgs
                {
                    Attributes = new KeyVault.Inputs.KeyRotationPolicyAttributesArgs { ExpiryTime = SecurityDefaults.KeyVaultKeyExpiresAfter },
                    LifetimeActions =
                    {
                        new KeyVault.Inputs.LifetimeActionArgs
                        {
                            Action = new KeyVault.Inputs.ActionArgs { Type = KeyVault.KeyRotationPolicyActionType.Rotate },
                            Trigger = new KeyVault.Inputs.TriggerArgs { TimeAfterCreate = SecurityDefaults.KeyVaultKeyRotateAfter },
                        },
                        new KeyVault.Inputs.LifetimeActionArgs
                        {
                            Action = new KeyVault.Inputs.ActionArgs { Type = KeyVault.KeyRotationPolicyActionType.Notify },
                            Trigger = new KeyVault.Inputs.TriggerArgs { TimeBeforeExpiry = SecurityDefaults.KeyVaultKeyNotifyBeforeExpiry },
                        },
                    },
                },
            },
            Tags = tags,
        }, child);

        StorageAccountName = account.Name;
        KeyVaultName = vault.Name;
        RegisterOutputs();
    }

    public Output<string> StorageAccountName { get; }
    public Output<string> KeyVaultName { get; }

    /// <summary>A diagnostic setting sending every resource-log category of <paramref name="resourceUri"/> to the workspace.</summary>
    private static AzMonitor.DiagnosticSetting SendLogs(string name, Input<string> resourceUri, Input<string> workspaceId, CustomResourceOptions options) =>
        new($"diag-{name}", new AzMonitor.DiagnosticSettingArgs
        {
            Name = "to-log-analytics",
            ResourceUri = resourceUri,
            WorkspaceId = workspaceId,
            Logs = { new AzMonitor.Inputs.DiagnosticsLogSettingsArgs { CategoryGroup = SecurityDefaults.AllLogsCategoryGroup, Enabled = true } },
        }, options);

    /// <summary>HTTPS from the allowlist (one rule per address family, as Azure does not mix them), then an explicit deny of everything else.</summary>
    private static InputList<AzNetwork.Inputs.SecurityRuleArgs> AllowlistRules(StackSettings settings)
    {
        var rules = new InputList<AzNetwork.Inputs.SecurityRuleArgs>();
        var priority = 100;
        foreach (var (family, prefixes) in new[] { ("ipv4", settings.AllowlistIPv4), ("ipv6", settings.AllowlistIPv6) })
        {
            if (prefixes.Count == 0)
            {
                continue;
            }

            rules.Add(new AzNetwork.Inputs.SecurityRuleArgs
            {
                Name = $"allow-https-allowlist-{family}",
                Priority = priority,
                Direction = AzNetwork.SecurityRuleDirection.Inbound,
                Access = AzNetwork.SecurityRuleAccess.Allow,
                Protocol = AzNetwork.SecurityRuleProtocol.Tcp,
                SourceAddressPrefixes = prefixes.ToArray(),
                SourcePortRange = "*",
                DestinationAddressPrefix = "VirtualNetwork",
                DestinationPortRange = SecurityDefaults.HttpsPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
                Description = "HTTPS from the company allowlist",
            });
            priority += 10;
        }

        rules.Add(new AzNetwork.Inputs.SecurityRuleArgs
        {
            Name = "deny-all-other-inbound",
            Priority = 4096,
            Direction = AzNetwork.SecurityRuleDirection.Inbound,
            Access = AzNetwork.SecurityRuleAccess.Deny,
            Protocol = AzNetwork.SecurityRuleProtocol.Asterisk,
            SourceAddressPrefix = "*",
            SourcePortRange = "*",
            DestinationAddressPrefix = "*",
            DestinationPortRange = "*",
            Description = "Nothing else; Azure's defaults would admit the whole VNet and the load balancer probe",
        });
        return rules;
    }
}
