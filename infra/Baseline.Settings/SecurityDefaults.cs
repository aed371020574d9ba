namespace Baseline.Settings;

/// <summary>The fixed security choices of the reference stacks: the values the policy pack asks for, in one place.</summary>
public static class SecurityDefaults
{
    /// <summary>TLS 1.3 with TLS 1.2 fallback; the pack's listener policy accepts it (§3).</summary>
    public const string LoadBalancerTlsPolicy = "ELBSecurityPolicy-TLS13-1-2-2021-06";
    public const int HttpsPort = 443;

    /// <summary>Plain HTTP is listened on only to redirect to HTTPS.</summary>
    public const int HttpPort = 80;
    public const string RedirectStatus = "HTTP_301";
    public const string AzureMinimumTlsVersion = "TLS1_2";

    /// <summary>KMS waits this long before deleting a key, so a mistaken deletion can be cancelled.</summary>
    public const int KeyDeletionWindowDays = 30;
    public const int KeyRotationPeriodDays = 365;
    public const int KeyVaultSoftDeleteRetentionDays = 90;

    /// <summary>ISO 8601 durations of the Key Vault key's rotation policy: rotate yearly, expire after two years.</summary>
    public const string KeyVaultKeyRotateAfter = "P1Y";
    public const string KeyVaultKeyExpiresAfter = "P2Y";
    public const string KeyVaultKeyNotifyBeforeExpiry = "P30D";

    /// <summary>The retention values CloudWatch Logs accepts.</summary>
    public static IReadOnlyList<int> CloudWatchRetentionDays { get; } =
        [1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653];

    /// <summary>The shortest log retention the stacks accept: a year of evidence for §9 and audits (§10).</summary>
    public const int MinimumLogRetentionDays = 365;

    /// <summary>
    /// The longest unused-access age the stacks accept: §2 reviews access quarterly, so access unused for a quarter must be
    /// listed by then (the pack's access-review-analyzer asks for at most 90; the API would accept up to 365).
    /// </summary>
    public const int MaximumUnusedAccessAgeDays = 90;

    /// <summary>IAM Access Analyzer type that reports unused roles, keys and permissions of this account (not external access).</summary>
    public const string AccessAnalyzerType = "ACCOUNT_UNUSED_ACCESS";

    /// <summary>GuardDuty publishes updates of a finding this often (the provider's default is SIX_HOURS).</summary>
    public const string GuardDutyPublishingFrequency = "FIFTEEN_MINUTES";

    /// <summary>
    /// The Defender for Cloud plans the Azure stack turns on at Standard tier: the ones covering what it holds (Key Vault,
    /// storage) and Resource Manager, through which every change to it goes.
    /// </summary>
    public static IReadOnlyList<string> DefenderPlans { get; } = ["Arm", "KeyVaults", "StorageAccounts"];

    /// <summary>Defender for Cloud plan names (`pricingName`) the settings accept, so a typo fails before a preview.</summary>
    public static IReadOnlyList<string> KnownDefenderPlans { get; } =
    [
        "AI", "Api", "AppServices", "Arm", "CloudPosture", "Containers", "ContainerRegistry", "CosmosDbs", "Dns", "KeyVaults",
        "KubernetesService", "OpenSourceRelationalDatabases", "SqlServers", "SqlServerVirtualMachines", "StorageAccounts", "VirtualMachines",
    ];

    /// <summary>The diagnostic-setting category group that sends every resource-log category of a resource.</summary>
    public const string AllLogsCategoryGroup = "allLogs";

    /// <summary>The longest interactive retention of a Log Analytics workspace on the PerGB2018 tier.</summary>
    public const int LogAnalyticsMaximumRetentionDays = 730;
}
