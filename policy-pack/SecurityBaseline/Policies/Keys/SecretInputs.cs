namespace SecurityBaseline.Policies.Keys;

/// <summary>An input that carries a credential or secret payload, optionally only when another input has a given value.</summary>
/// <param name="Path">The property path of the secret input.</param>
/// <param name="WhenPath">The input that decides whether <paramref name="Path"/> is secret (for example an SSM parameter's `type`), or null.</param>
/// <param name="WhenValue">The value of <paramref name="WhenPath"/> that makes the input secret.</param>
public sealed record SecretInput(string Path, string? WhenPath = null, string? WhenValue = null);

/// <summary>The inputs per resource type that hold passwords, tokens or secret payloads (names checked against the provider SDKs).</summary>
public static class SecretInputs
{
    /// <summary>Secret inputs by type token.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<SecretInput>> ByType { get; } = new Dictionary<string, IReadOnlyList<SecretInput>>(StringComparer.Ordinal)
    {
        // AWS: the `…Wo` write-only twins are kept out of state but still travel as plaintext inputs when not secret.
        ["aws:rds/instance:Instance"] = [new("password"), new("passwordWo")],
        ["aws:rds/cluster:Cluster"] = [new("masterPassword"), new("masterPasswordWo")],
        ["aws:docdb/cluster:Cluster"] = [new("masterPassword"), new("masterPasswordWo")],
        ["aws:redshift/cluster:Cluster"] = [new("masterPassword"), new("masterPasswordWo")],
        ["aws:secretsmanager/secretVersion:SecretVersion"] = [new("secretString"), new("secretBinary"), new("secretStringWo")],
        ["aws:elasticache/replicationGroup:ReplicationGroup"] = [new("authToken"), new("authTokenWo")],
        ["aws:elasticache/user:User"] = [new("passwords"), new("passwordsWo")],
        ["aws:ssm/parameter:Parameter"] = [new("value", "type", "SecureString"), new("valueWo", "type", "SecureString")],

        // azure-native.
        ["azure-native:sql:Server"] = [new("administratorLoginPassword")],
        ["azure-native:sql:ManagedInstance"] = [new("administratorLoginPassword")],
        ["azure-native:dbforpostgresql:Server"] = [new("administratorLoginPassword")],
        ["azure-native:dbformysql:Server"] = [new("administratorLoginPassword")],
        ["azure-native:compute:VirtualMachine"] = [new("osProfile.adminPassword")],
        ["azure-native:compute:VirtualMachineScaleSet"] = [new("virtualMachineProfile.osProfile.adminPassword")],
        ["azure-native:keyvault:Secret"] = [new("properties.value")],

        // Azure classic (azurerm 4.x).
        ["azure:mssql/server:Server"] = [new("administratorLoginPassword")],
        ["azure:mssql/managedInstance:ManagedInstance"] = [new("administratorLoginPassword")],
        ["azure:postgresql/server:Server"] = [new("administratorLoginPassword")],
        ["azure:postgresql/flexibleServer:FlexibleServer"] = [new("administratorPassword")],
        ["azure:mysql/flexibleServer:FlexibleServer"] = [new("administratorPassword")],
        ["azure:keyvault/secret:Secret"] = [new("value"), new("valueWo")],
        ["azure:compute/linuxVirtualMachine:LinuxVirtualMachine"] = [new("adminPassword")],
        ["azure:compute/windowsVirtualMachine:WindowsVirtualMachine"] = [new("adminPassword")],
        ["azure:compute/linuxVirtualMachineScaleSet:LinuxVirtualMachineScaleSet"] = [new("adminPassword")],
        ["azure:compute/windowsVirtualMachineScaleSet:WindowsVirtualMachineScaleSet"] = [new("adminPassword")],
    };
}
