using Google.Protobuf.WellKnownTypes;
using PolicyPack.Sdk.Model;
using PolicyPack.Sdk.Hosting.Protocol;

namespace SecurityBaseline.Analyzer.Tests;

/// <summary>A resource as the engine would send it: type, name and the property bag as JSON (Pulumi's Struct encoding).</summary>
internal sealed record TestResource(string Type, string Name, string PropertiesJson)
{
    public string Urn => $"urn:pulumi:dev::infra::{Type}::{Name}";

    public Struct Properties => Struct.Parser.ParseJson(PropertiesJson);

    public AnalyzeRequest Request() => new() { Type = Type, Name = Name, Urn = Urn, Properties = Properties };

    public AnalyzerResource StackResource() => new() { Type = Type, Name = Name, Urn = Urn, Properties = Properties };

    public override string ToString() => $"{Type} {Name}";
}

/// <summary>What the analyzer must say about one resource: the policies that fail it and those that report not applicable.</summary>
/// <remarks>Add rows here as policy groups are merged: one row per resource, the verdicts by policy id.</remarks>
internal sealed record Verdict(TestResource Resource, string[] Fails, string[] NotApplicable);

/// <summary>Realistic aws, azure and azure-native resources and the analyzer's expected verdicts.</summary>
internal static class TestResources
{
    public const string Kms = "kms-key-rotation-enabled";
    public const string SecretSig = $"\"{PulumiSignatures.Key}\": \"{PulumiSignatures.Secret}\"";

    public static readonly TestResource RotatingKey = new("aws:kms/key:Key", "rotating", """
        {"description": "orders data key", "enableKeyRotation": true, "rotationPeriodInDays": 365, "deletionWindowInDays": 30, "tags": {"team": "orders"}}
        """);

    public static readonly TestResource StaticKey = new("aws:kms/key:Key", "static", """
        {"description": "legacy key", "enableKeyRotation": false, "deletionWindowInDays": 30}
        """);

    public static readonly TestResource KeyWithoutRotationProperty = new("aws:kms/key:Key", "defaulted", """
        {"description": "defaults only", "customerMasterKeySpec": "SYMMETRIC_DEFAULT"}
        """);

    /// <summary>The rotation flag itself is secret: the policy must still read it (and never print it).</summary>
    public static readonly TestResource SecretRotationOff = new("aws:kms/key:Key", "secret-flag", $$"""
        {"description": "secret flag", "enableKeyRotation": { {{SecretSig}}, "value": false } }
        """);

    public static readonly TestResource SecretDescriptionRotating = new("aws:kms/key:Key", "secret-description", $$"""
        {"description": { {{SecretSig}}, "value": "s3cr3t-description" }, "enableKeyRotation": true}
        """);

    public static readonly TestResource UnknownRotation = new("aws:kms/key:Key", "preview", $$"""
        {"description": "computed during preview", "enableKeyRotation": "{{PulumiSignatures.UnknownString}}"}
        """);

    public static readonly TestResource AsymmetricKey = new("aws:kms/key:Key", "signing", """
        {"description": "signing key", "customerMasterKeySpec": "ECC_NIST_P256", "keyUsage": "SIGN_VERIFY"}
        """);

    public static readonly TestResource Bucket = new("aws:s3/bucket:Bucket", "logs", """
        {"bucket": "company-logs", "forceDestroy": false, "tags": {"team": "platform"}}
        """);

    public static readonly TestResource PublicBucket = new("aws:s3/bucket:Bucket", "public", """
        {"bucket": "company-public", "acl": "public-read", "website": {"indexDocument": "index.html"}}
        """);

    public static readonly TestResource OpenSecurityGroup = new("aws:ec2/securityGroup:SecurityGroup", "open", """
        {"vpcId": "vpc-0a1b2c3d", "ingress": [{"protocol": "tcp", "fromPort": 22, "toPort": 22, "cidrBlocks": ["0.0.0.0/0"]}]}
        """);

    public static readonly TestResource AzureStorageAccount = new("azure:storage/account:Account", "classic", """
        {"name": "companydata", "resourceGroupName": "rg-data", "location": "japaneast", "accountTier": "Standard", "accountReplicationType": "ZRS", "httpsTrafficOnlyEnabled": true, "minTlsVersion": "TLS1_2", "allowNestedItemsToBePublic": false, "sharedAccessKeyEnabled": false, "networkRules": {"defaultAction": "Deny", "ipRules": ["203.0.113.0/24"]}}
        """);

    public static readonly TestResource AzureStorageAccountOpen = new("azure:storage/account:Account", "classic-open", """
        {"name": "companyopen", "resourceGroupName": "rg-data", "location": "japaneast", "accountTier": "Standard", "accountReplicationType": "LRS", "httpsTrafficOnlyEnabled": false, "minTlsVersion": "TLS1_2", "allowNestedItemsToBePublic": false, "sharedAccessKeyEnabled": false, "networkRules": {"defaultAction": "Deny"}}
        """);

    public static readonly TestResource AzureNativeStorageAccount = new("azure-native:storage:StorageAccount", "native", """
        {"accountName": "companynative", "resourceGroupName": "rg-data", "location": "japaneast", "kind": "StorageV2", "sku": {"name": "Standard_ZRS"}, "enableHttpsTrafficOnly": true, "minimumTlsVersion": "TLS1_2", "allowBlobPublicAccess": false, "allowSharedKeyAccess": false, "networkRuleSet": {"defaultAction": "Deny", "bypass": "AzureServices"}}
        """);

    public static readonly TestResource AzureNativeStorageAccountOldTls = new("azure-native:storage:StorageAccount", "native-tls10", """
        {"allowSharedKeyAccess": false, "accountName": "companytls", "resourceGroupName": "rg-data", "location": "japaneast", "kind": "StorageV2", "sku": {"name": "Standard_LRS"}, "allowBlobPublicAccess": false, "networkRuleSet": {"defaultAction": "Deny"}}
        """);

    public static readonly TestResource AzureNativeKeyVault = new("azure-native:keyvault:Vault", "vault", """
        {"vaultName": "company-kv", "resourceGroupName": "rg-sec", "location": "japaneast", "properties": {"tenantId": "00000000-0000-0000-0000-000000000000", "sku": {"family": "A", "name": "standard"}, "enablePurgeProtection": true, "networkAcls": {"defaultAction": "Deny", "bypass": "AzureServices"}}}
        """);

    public static readonly TestResource AzureNativeKeyVaultOpen = new("azure-native:keyvault:Vault", "vault-open", """
        {"vaultName": "company-kv-open", "resourceGroupName": "rg-sec", "location": "japaneast", "properties": {"tenantId": "00000000-0000-0000-0000-000000000000", "sku": {"family": "A", "name": "standard"}}}
        """);

    /// <summary>Resource-by-resource verdicts of the whole catalogue (failing policy ids are exact; not-applicable ids must be among those reported).</summary>
    public static readonly Verdict[] Verdicts =
    [
        new(RotatingKey, [], []),
        new(StaticKey, [Kms], []),
        new(KeyWithoutRotationProperty, [Kms], []),
        new(SecretRotationOff, [Kms], []),
        new(SecretDescriptionRotating, [], []),
        new(UnknownRotation, [], [Kms]),
        new(AsymmetricKey, [], [Kms]),
        new(Bucket, [], [Kms, "s3-bucket-encryption"]),
        new(PublicBucket, ["s3-no-public-acl", "s3-no-website-hosting"], [Kms]),
        new(OpenSecurityGroup, ["network-admin-ports-not-public", "network-ingress-allowlist", "network-no-internet-ingress"], [Kms]),
        new(AzureStorageAccount, [], [Kms]),
        new(AzureStorageAccountOpen, ["azure-storage-secure-transfer"], [Kms]),
        new(AzureNativeStorageAccount, [], [Kms]),
        new(AzureNativeStorageAccountOldTls, ["azure-storage-secure-transfer"], [Kms]),
        new(AzureNativeKeyVault, [], [Kms]),
        new(AzureNativeKeyVaultOpen, ["key-vault-firewall-default-deny", "key-vault-recoverable"], [Kms]),
    ];
}

/// <summary>Scopes assertions to the policy under test, so they hold as more policy groups join the catalogue.</summary>
internal static class ResponseExtensions
{
    public static IEnumerable<AnalyzeDiagnostic> KmsDiagnostics(this AnalyzeResponse response) =>
        response.Diagnostics.Where(d => d.PolicyName == TestResources.Kms);
}
