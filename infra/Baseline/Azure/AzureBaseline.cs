using Baseline.Settings;
using Pulumi;
using AzNetwork = Pulumi.AzureNative.Network;
using Authorization = Pulumi.AzureNative.Authorization;
using KeyVault = Pulumi.AzureNative.KeyVault;
using Resources = Pulumi.AzureNative.Resources;
using AzStorage = Pulumi.AzureNative.Storage;

namespace Baseline.Azure;

/// <summary>The Azure stack: a resource group, a VNet whose every subnet has an allowlist-only NSG, a locked-down storage account and a Key Vault with a rotating key.</summary>
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

        var tenantId = Authorization.GetClientConfig.Invoke().Apply(client => client.TenantId);
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
