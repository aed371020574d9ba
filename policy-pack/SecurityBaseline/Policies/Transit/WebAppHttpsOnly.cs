using PolicyPack.Sdk.Engine;

namespace SecurityBaseline.Policies.Transit;

/// <summary>§3: App Service web apps serve HTTPS only, with TLS 1.2+ and no plain FTP.</summary>
public sealed class WebAppHttpsOnly : ResourcePolicy
{
    private const string NativeType = "azure-native:web:WebApp";
    private const string NativeSlotType = "azure-native:web:WebAppSlot";

    // The classic provider's deprecated site resources, still in azure 6.x: their `siteConfig` names the TLS setting
    // `minTlsVersion`, has no SCM one, and leaves `ftpsState` to Azure's default.
    private static readonly string[] LegacyClassicTypes =
    [
        "azure:appservice/appService:AppService", "azure:appservice/slot:Slot",
        "azure:appservice/functionApp:FunctionApp", "azure:appservice/functionAppSlot:FunctionAppSlot",
    ];

    public static readonly PolicyDescriptor Rule = new()
    {
        Id = PolicyIds.WebAppHttpsOnly,
        Title = "Web apps are HTTPS-only with TLS 1.2",
        Description = "App Service web apps, function apps and their deployment slots must set httpsOnly, require TLS 1.2 or newer on the site and its SCM site, and must not allow plain FTP.",
        Message = "The web app accepts plain HTTP, TLS older than 1.2 or plain FTP.",
        Control = "§3",
        Severity = Severity.High,
        ResourceTypes =
        [
            NativeType, NativeSlotType,
            "azure:appservice/linuxWebApp:LinuxWebApp", "azure:appservice/windowsWebApp:WindowsWebApp",
            "azure:appservice/linuxWebAppSlot:LinuxWebAppSlot", "azure:appservice/windowsWebAppSlot:WindowsWebAppSlot",
            "azure:appservice/linuxFunctionApp:LinuxFunctionApp", "azure:appservice/windowsFunctionApp:WindowsFunctionApp",
            "azure:appservice/linuxFunctionAppSlot:LinuxFunctionAppSlot", "azure:appservice/windowsFunctionAppSlot:WindowsFunctionAppSlot",
            .. LegacyClassicTypes,
        ],
        Help = "Set `httpsOnly: true`. azure-native: `siteConfig: { minTlsVersion: \"1.2\", scmMinTlsVersion: \"1.2\", ftpsState: \"FtpsOnly\" }` (or `\"Disabled\"`). Classic: `siteConfig: { minimumTlsVersion: \"1.2\", scmMinimumTlsVersion: \"1.2\", ftpsState: \"Disabled\" }`; the deprecated classic `AppService`, `Slot`, `FunctionApp` and `FunctionAppSlot`: `siteConfig: { minTlsVersion: \"1.2\", ftpsState: \"Disabled\" }`.",
        AbsentMeans = "`httpsOnly` absent means false (both providers) — a violation. TLS versions absent mean 1.2 (Azure's and the classic provider's default) — compliant. azure-native and deprecated-classic (`AppService`, `Slot`, `FunctionApp`, `FunctionAppSlot`) `siteConfig.ftpsState` absent means Azure's default `AllAllowed` — a violation; current classic `siteConfig.ftpsState` absent means `Disabled` (the provider's own default) — compliant.",
        Tags = ["azure", "app-service", "tls", "encryption-in-transit"],
    };

    public override PolicyDescriptor Descriptor => Rule;

    public override void Evaluate(ResourceContext context)
    {
        var properties = context.Properties;
        // A slot or function app is a site like any other: same inputs, same defaults, in both providers.
        var native = context.Resource.Type is NativeType or NativeSlotType;
        var legacy = LegacyClassicTypes.Contains(context.Resource.Type, StringComparer.Ordinal);
        context.Guard(() =>
        {
            if (properties.GetBool("httpsOnly") != true)
            {
                var shown = properties.Find("httpsOnly") is null ? "absent (false by default)" : properties.Show("httpsOnly");
                context.Report($"httpsOnly is {shown}: the app answers plain HTTP. Set httpsOnly: true.");
            }
        });

        string[] tlsPaths = native ? ["siteConfig.minTlsVersion", "siteConfig.scmMinTlsVersion"]
            : legacy ? ["siteConfig.minTlsVersion"]
            : ["siteConfig.minimumTlsVersion", "siteConfig.scmMinimumTlsVersion"];
        foreach (var path in tlsPaths)
        {
            context.Guard(() =>
            {
                var version = properties.GetString(path);
                if (version is not null && !TlsVersions.IsAtLeast12(version))
                {
                    context.Report($"{path} is {properties.Show(path)}: require \"1.2\" or newer.");
                }
            });
        }

        context.Guard(() =>
        {
            var ftps = properties.GetString("siteConfig.ftpsState");
            if (ftps is null && (native || legacy))
            {
                context.Report("siteConfig.ftpsState is absent, which Azure treats as AllAllowed (plain FTP): set \"FtpsOnly\" or \"Disabled\".");
            }
            else if (string.Equals(ftps, "AllAllowed", StringComparison.OrdinalIgnoreCase))
            {
                context.Report($"siteConfig.ftpsState is {properties.Show("siteConfig.ftpsState")}: plain FTP is allowed. Set \"FtpsOnly\" or \"Disabled\".");
            }
        });
    }
}
