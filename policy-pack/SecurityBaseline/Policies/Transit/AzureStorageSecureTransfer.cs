using PolicyPack.Sdk.Engine;
using PolicyPack.Sdk.Model;

namespace SecurityBaseline.Policies.Transit;

/// <summary>§3: Azure storage accounts accept HTTPS only, with TLS 1.2 or newer.</summary>
public sealed class AzureStorageSecureTransfer : ResourcePolicy
{
    private const string NativeType = "azure-native:storage:StorageAccount";
    private const string ClassicType = "azure:storage/account:Account";

    public static readonly PolicyDescriptor Rule = new()
    {
        Id = PolicyIds.AzureStorageSecureTransfer,
        Title = "Azure storage requires secure transfer and TLS 1.2",
        Description = "Azure storage accounts must accept HTTPS traffic only and require TLS 1.2 or newer.",
        Message = "The storage account accepts plain HTTP or TLS older than 1.2.",
        Control = "§3",
        Severity = Severity.High,
        ResourceTypes = [NativeType, ClassicType],
        Help = "azure-native: set `enableHttpsTrafficOnly: true` and `minimumTlsVersion: \"TLS1_2\"`. Classic: set `httpsTrafficOnlyEnabled: true` (v5: `enableHttpsTrafficOnly: true`) and `minTlsVersion: \"TLS1_2\"`.",
        AbsentMeans = "azure-native: `enableHttpsTrafficOnly` absent means true (default since API 2019-04-01; the SDK uses 2024-01-01) — compliant; `minimumTlsVersion` absent means TLS 1.0 (the SDK's documented interpretation) — a violation. Classic: `httpsTrafficOnlyEnabled`/`enableHttpsTrafficOnly` absent means true and `minTlsVersion` absent means TLS1_2 (the provider's default for new accounts) — compliant.",
        Tags = ["azure", "storage", "tls", "encryption-in-transit"],
    };

    private static readonly HashSet<string> ModernTls = new(["TLS1_2", "TLS1_3"], StringComparer.OrdinalIgnoreCase);

    public override PolicyDescriptor Descriptor => Rule;

    public override void Evaluate(ResourceContext context)
    {
        var properties = context.Properties;
        if (context.Resource.Type == NativeType)
        {
            context.Guard(() => CheckHttpsOnly(context, "enableHttpsTrafficOnly"));
            context.Guard(() =>
            {
                var version = properties.GetString("minimumTlsVersion");
                if (version is null)
                {
                    context.Report("minimumTlsVersion is absent, which Azure interprets as TLS1_0: set it to \"TLS1_2\".");
                }
                else if (!ModernTls.Contains(version))
                {
                    context.Report($"minimumTlsVersion is {properties.Show("minimumTlsVersion")}: require \"TLS1_2\" or newer.");
                }
            });
            return;
        }

        context.Guard(() => CheckHttpsOnly(context, "httpsTrafficOnlyEnabled"));
        context.Guard(() => CheckHttpsOnly(context, "enableHttpsTrafficOnly"));
        context.Guard(() =>
        {
            var version = properties.GetString("minTlsVersion");
            if (version is not null && !ModernTls.Contains(version))
            {
                context.Report($"minTlsVersion is {properties.Show("minTlsVersion")}: require \"TLS1_2\".");
            }
        });
    }

    public override IReadOnlyDictionary<string, PropertyValue>? Remediate(ResourceContext context)
    {
        if (context.Resource.Type != NativeType)
        {
            return null;
        }

        var https = context.Resource["enableHttpsTrafficOnly"];
        var version = context.Resource["minimumTlsVersion"];
        var httpsOff = https is { IsUnknown: false, IsNull: false } && context.Properties.GetBool("enableHttpsTrafficOnly") == false;
        var tlsWeak = version is null || version.IsNull || (!version.IsUnknown && !ModernTls.Contains(context.Properties.GetString("minimumTlsVersion")!));
        if (!httpsOff && !tlsWeak)
        {
            return null;
        }

        var changes = new List<(string, PropertyValue)>();
        if (https is not { IsUnknown: true })
        {
            changes.Add(("enableHttpsTrafficOnly", PropertyValue.FromBool(true, https?.IsSecret ?? false)));
        }

        if (tlsWeak)
        {
            changes.Add(("minimumTlsVersion", PropertyValue.FromString("TLS1_2", version?.IsSecret ?? false)));
        }

        return context.PropertiesWith(changes);
    }

    private static void CheckHttpsOnly(ResourceContext context, string property)
    {
        if (context.Properties.GetBool(property) == false)
        {
            context.Report($"{property} is {context.Properties.Show(property)}: the account accepts plain HTTP. Set it to true.");
        }
    }
}
