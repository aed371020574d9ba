using System.Globalization;
using System.Text;

namespace SecurityBaseline.ProcessBench;

/// <summary>How a secret is written: a stack export carries ciphertext, the engine's gRPC Struct carries the plaintext value.</summary>
internal enum SecretForm
{
    Export,
    Analyzer,
}

/// <summary>One generated resource: its identity, property bag in both secret forms, and what it depends on.</summary>
internal sealed record GeneratedResource(
    string Type,
    string Name,
    string Id,
    string ExportInputs,
    string AnalyzerInputs,
    IReadOnlyList<string> Dependencies,
    IReadOnlyList<KeyValuePair<string, string[]>> PropertyDependencies)
{
    public string Urn => StackGenerator.Urn(Type, Name);
}

/// <summary>
/// Deterministic stack exports of any size: the same unit of aws, azure and azure-native resources repeated with its own
/// names, so stack policies have their joins (bucket ↔ public-access block, encryption, versioning, logging; security
/// group ↔ rules; secrets in passwords, environment variables and secret versions) and every tenth unit violates.
/// </summary>
/// <remarks>Property names follow the pinned SDK declarations (pulumi-aws 7.48.0, pulumi-azure 6.40.0, pulumi-azure-native
/// 3.28.0) and the committed examples/; values are invented.</remarks>
internal static partial class StackGenerator
{
    private const string Stack = "prod";
    private const string Project = "bench";
    private const string SecretKey = "4dabf18193072939515e22adb298388d";
    private const string SecretSig = "1b47061264138c4ac30d75fd1eb44270";
    private const string Account = "123456789012";
    private const string Region = "ap-northeast-1";
    private const string Subscription = "0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0";
    private const string Tenant = "72f988bf-86f1-41af-91ab-2d7cd011db47";

    /// <summary>
    /// The resource templates of one unit, in dependency order; each names what it joins to by template name. Inputs are JSON
    /// with placeholders (plain text, not interpolation, so JSON braces need no escaping): «N», «HEX», «OCTET», «GUID» of
    /// the unit, «V:violating|compliant», and «SECRET:kind» for a secret value.
    /// </summary>
    private static readonly (string Type, string Name, Func<Unit, string> Id, string Inputs, (string Property, string Target)[] Joins)[] Templates =
    [
        ("aws:ec2/vpc:Vpc", "vpc", u => $"vpc-{u.Hex}", """{"cidrBlock":"10.«OCTET».0.0/16","enableDnsHostnames":true,"enableDnsSupport":true,"tags":{"Name":"vpc-«N»"}}""", []),
        ("aws:ec2/subnet:Subnet", "subnet", u => $"subnet-{u.Hex}", """{"vpcId":"vpc-«HEX»","cidrBlock":"10.«OCTET».1.0/24","availabilityZone":"ap-northeast-1a","mapPublicIpOnLaunch":false,"tags":{"tier":"private"}}""", [("vpcId", "vpc")]),
        ("aws:ec2/securityGroup:SecurityGroup", "app-sg", u => $"sg-{u.Hex}", """{"vpcId":"vpc-«HEX»","description":"app tier","ingress":[{"description":"https from the office","protocol":"tcp","fromPort":443,"toPort":443,"cidrBlocks":["203.0.113.0/24","198.51.100.0/24"]}],"egress":[{"protocol":"tcp","fromPort":5432,"toPort":5432,"cidrBlocks":["10.«OCTET».0.0/16"]}],"revokeRulesOnDelete":true}""", [("vpcId", "vpc")]),
        ("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule", "app-from-self", u => $"sgr-{u.Hex}a", """{"securityGroupId":"sg-«HEX»","referencedSecurityGroupId":"sg-«HEX»","ipProtocol":"tcp","fromPort":8080,"toPort":8080}""", [("securityGroupId", "app-sg")]),
        ("aws:ec2/securityGroupRule:SecurityGroupRule", "app-ssh", u => $"sgrule-{u.Hex}", """{"type":"ingress","securityGroupId":"sg-«HEX»","protocol":"tcp","fromPort":22,"toPort":22,"cidrBlocks":["«V:0.0.0.0/0|10.0.0.0/8»"]}""", [("securityGroupId", "app-sg")]),
        ("aws:kms/key:Key", "data-key", u => u.Guid, """{"description":"data key«N»","enableKeyRotation":«V:false|true»,"deletionWindowInDays":30}""", []),
        ("aws:s3/bucket:Bucket", "logs", u => $"bench-logs-{u.N}", """{"bucket":"bench-logs-«N»","forceDestroy":false,"tags":{"data-class":"internal"}}""", []),
        ("aws:s3/bucket:Bucket", "data", u => $"bench-data-{u.N}", """{"bucket":"bench-data-«N»","forceDestroy":false,"tags":{"data-class":"personal"}}""", []),
        ("aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock", "data-pab", u => $"bench-data-{u.N}", """{"bucket":"bench-data-«N»","blockPublicAcls":true,"blockPublicPolicy":«V:false|true»,"ignorePublicAcls":true,"restrictPublicBuckets":true}""", [("bucket", "data")]),
        ("aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration", "data-sse", u => $"bench-data-{u.N}", """{"bucket":"bench-data-«N»","rules":[{"applyServerSideEncryptionByDefault":{"sseAlgorithm":"aws:kms","kmsMasterKeyId":"arn:aws:kms:ap-northeast-1:123456789012:key/«GUID»"},"bucketKeyEnabled":true}]}""", [("bucket", "data"), ("rules", "data-key")]),
        ("aws:s3/bucketVersioning:BucketVersioning", "data-versioning", u => $"bench-data-{u.N}", """{"bucket":"bench-data-«N»","versioningConfiguration":{"status":"Enabled"}}""", [("bucket", "data")]),
        ("aws:s3/bucketLogging:BucketLogging", "data-logging", u => $"bench-data-{u.N}", """{"bucket":"bench-data-«N»","targetBucket":"bench-logs-«N»","targetPrefix":"data/"}""", [("bucket", "data"), ("targetBucket", "logs")]),
        ("aws:rds/instance:Instance", "orders-db", u => $"orders-db-{u.N}", """{"engine":"postgres","engineVersion":"16.4","instanceClass":"db.t4g.medium","allocatedStorage":50,"username":"orders_admin","password":«SECRET:db-password»,"publiclyAccessible":false,"storageEncrypted":true,"kmsKeyId":"arn:aws:kms:ap-northeast-1:123456789012:key/«GUID»","vpcSecurityGroupIds":["sg-«HEX»"],"backupRetentionPeriod":14,"deletionProtection":true}""", [("kmsKeyId", "data-key"), ("vpcSecurityGroupIds", "app-sg")]),
        ("aws:secretsmanager/secret:Secret", "db-secret", u => $"arn:aws:secretsmanager:{Region}:{Account}:secret:bench/{u.N}/db", """{"name":"bench/«N»/db","kmsKeyId":"arn:aws:kms:ap-northeast-1:123456789012:key/«GUID»","recoveryWindowInDays":30}""", [("kmsKeyId", "data-key")]),
        ("aws:secretsmanager/secretVersion:SecretVersion", "db-secret-version", u => $"bench/{u.N}/db|v1", """{"secretId":"arn:aws:secretsmanager:ap-northeast-1:123456789012:secret:bench/«N»/db","secretString":«SECRET:db-secret-string»}""", [("secretId", "db-secret")]),
        ("aws:iam/role:Role", "fn-role", u => $"bench-fn-{u.N}", """{"name":"bench-fn-«N»","assumeRolePolicy":"{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Service\":\"lambda.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}"}""", []),
        ("aws:lambda/function:Function", "fn", u => $"bench-fn-{u.N}", """{"name":"bench-fn-«N»","role":"arn:aws:iam::123456789012:role/bench-fn-«N»","runtime":"nodejs20.x","handler":"index.handler","kmsKeyArn":"arn:aws:kms:ap-northeast-1:123456789012:key/«GUID»","environment":{"variables":{"STAGE":"prod","API_TOKEN":«SECRET:token»}},"tracingConfig":{"mode":"Active"}}""", [("role", "fn-role"), ("kmsKeyArn", "data-key")]),
        ("aws:cloudwatch/logGroup:LogGroup", "fn-logs", u => $"/aws/lambda/bench-fn-{u.N}", """{"name":"/aws/lambda/bench-fn-«N»","retentionInDays":365,"kmsKeyId":"arn:aws:kms:ap-northeast-1:123456789012:key/«GUID»"}""", [("kmsKeyId", "data-key")]),
        ("aws:lb/loadBalancer:LoadBalancer", "alb", u => $"arn:aws:elasticloadbalancing:{Region}:{Account}:loadbalancer/app/bench-{u.N}/{u.Hex}", """{"loadBalancerType":"application","internal":false,"securityGroups":["sg-«HEX»"],"subnets":["subnet-«HEX»"],"dropInvalidHeaderFields":true,"enableDeletionProtection":true,"accessLogs":{"bucket":"bench-logs-«N»","enabled":true}}""", [("securityGroups", "app-sg"), ("subnets", "subnet")]),
        ("aws:lb/listener:Listener", "https", u => $"https-{u.Hex}", """{"loadBalancerArn":"arn:aws:elasticloadbalancing:ap-northeast-1:123456789012:loadbalancer/app/bench-«N»/«HEX»","port":443,"protocol":"HTTPS","certificateArn":"arn:aws:acm:ap-northeast-1:123456789012:certificate/«GUID»","sslPolicy":"ELBSecurityPolicy-TLS13-1-2-2021-06","defaultActions":[{"type":"fixed-response","fixedResponse":{"contentType":"text/plain","statusCode":"404"}}]}""", [("loadBalancerArn", "alb")]),
        ("azure:core/resourceGroup:ResourceGroup", "rg", u => $"/subscriptions/{Subscription}/resourceGroups/rg-classic-{u.N}", """{"name":"rg-classic-«N»","location":"japaneast"}""", []),
        ("azure:storage/account:Account", "classic-storage", u => $"stc{u.N}", """{"name":"stc«N»","resourceGroupName":"rg-classic-«N»","location":"japaneast","accountTier":"Standard","accountReplicationType":"ZRS","httpsTrafficOnlyEnabled":true,"minTlsVersion":"TLS1_2","allowNestedItemsToBePublic":«V:true|false»,"infrastructureEncryptionEnabled":true,"sharedAccessKeyEnabled":false,"networkRules":{"defaultAction":"Deny","bypasses":["AzureServices"],"ipRules":["203.0.113.0/24"]}}""", [("resourceGroupName", "rg")]),
        ("azure:storage/container:Container", "classic-exports", u => $"exports-{u.N}", """{"name":"exports","storageAccountName":"stc«N»","containerAccessType":"private"}""", [("storageAccountName", "classic-storage")]),
        ("azure:network/networkSecurityGroup:NetworkSecurityGroup", "classic-nsg", u => $"nsg-classic-{u.N}", """{"name":"nsg-classic-«N»","resourceGroupName":"rg-classic-«N»","location":"japaneast","securityRules":[{"name":"ssh-from-office","priority":100,"direction":"Inbound","access":"Allow","protocol":"Tcp","sourcePortRange":"*","sourceAddressPrefix":"«V:*|198.51.100.0/24»","destinationPortRange":"22","destinationAddressPrefix":"*"}]}""", [("resourceGroupName", "rg")]),
        ("azure:keyvault/keyVault:KeyVault", "classic-vault", u => $"kv-classic-{u.N}", """{"name":"kv-classic-«N»","resourceGroupName":"rg-classic-«N»","location":"japaneast","tenantId":"72f988bf-86f1-41af-91ab-2d7cd011db47","skuName":"standard","purgeProtectionEnabled":true,"softDeleteRetentionDays":90,"rbacAuthorizationEnabled":true,"publicNetworkAccessEnabled":false,"networkAcls":{"defaultAction":"Deny","bypass":"AzureServices"}}""", [("resourceGroupName", "rg")]),
        ("azure:mssql/server:Server", "classic-sql", u => $"sql-classic-{u.N}", """{"name":"sql-classic-«N»","resourceGroupName":"rg-classic-«N»","location":"japaneast","version":"12.0","administratorLogin":"orders_admin","administratorLoginPassword":«SECRET:sql-password»,"minimumTlsVersion":"1.2","publicNetworkAccessEnabled":false}""", [("resourceGroupName", "rg")]),
        ("azure-native:resources:ResourceGroup", "native-rg", u => $"/subscriptions/{Subscription}/resourceGroups/rg-native-{u.N}", """{"resourceGroupName":"rg-native-«N»","location":"japaneast"}""", []),
        ("azure-native:storage:StorageAccount", "native-storage", u => $"/subscriptions/{Subscription}/resourceGroups/rg-native-{u.N}/providers/Microsoft.Storage/storageAccounts/stn{u.N}", """{"resourceGroupName":"rg-native-«N»","accountName":"stn«N»","location":"japaneast","kind":"StorageV2","sku":{"name":"Standard_ZRS"},"enableHttpsTrafficOnly":true,"minimumTlsVersion":"TLS1_2","allowBlobPublicAccess":«V:true|false»,"allowSharedKeyAccess":false,"networkRuleSet":{"defaultAction":"Deny","bypass":"AzureServices"},"encryption":{"keySource":"Microsoft.Storage","requireInfrastructureEncryption":true,"services":{"blob":{"enabled":true,"keyType":"Account"},"file":{"enabled":true,"keyType":"Account"}}}}""", [("resourceGroupName", "native-rg")]),
        ("azure-native:storage:BlobContainer", "native-reports", u => $"reports-{u.N}", """{"resourceGroupName":"rg-native-«N»","accountName":"stn«N»","containerName":"reports","publicAccess":"None"}""", [("accountName", "native-storage")]),
        ("azure-native:network:NetworkSecurityGroup", "native-nsg", u => $"nsg-native-{u.N}", """{"resourceGroupName":"rg-native-«N»","networkSecurityGroupName":"nsg-native-«N»","location":"japaneast","securityRules":[{"name":"https-from-office","priority":100,"direction":"Inbound","access":"Allow","protocol":"Tcp","sourcePortRange":"*","sourceAddressPrefix":"203.0.113.0/24","destinationAddressPrefix":"*","destinationPortRange":"443"}]}""", [("resourceGroupName", "native-rg")]),
        ("azure-native:keyvault:Vault", "native-vault", u => $"kv-native-{u.N}", """{"resourceGroupName":"rg-native-«N»","vaultName":"kv-native-«N»","location":"japaneast","properties":{"tenantId":"72f988bf-86f1-41af-91ab-2d7cd011db47","sku":{"family":"A","name":"standard"},"enableRbacAuthorization":true,"enableSoftDelete":true,"softDeleteRetentionInDays":90,"enablePurgeProtection":true,"publicNetworkAccess":"Disabled","networkAcls":{"defaultAction":"Deny","bypass":"AzureServices"}}}""", [("resourceGroupName", "native-rg")]),
        ("azure-native:sql:Server", "native-sql", u => $"sql-native-{u.N}", """{"resourceGroupName":"rg-native-«N»","serverName":"sql-native-«N»","location":"japaneast","administratorLogin":"orders_admin","administratorLoginPassword":«SECRET:sql-password»,"minimalTlsVersion":"1.2","publicNetworkAccess":"Disabled"}""", [("resourceGroupName", "native-rg")]),
    ];

    /// <summary>Resources in one unit (the export adds the stack and three providers once).</summary>
    public static int UnitSize => Templates.Length;

    public static string Urn(string type, string name) => $"urn:pulumi:{Stack}::{Project}::{type}::{name}";

    /// <summary>The first <paramref name="count"/> generated resources, unit after unit.</summary>
    public static IEnumerable<GeneratedResource> Resources(int count)
    {
        for (var i = 0; i < count; i++)
        {
            var unit = new Unit(i / Templates.Length);
            var template = Templates[i % Templates.Length];
            var name = $"{template.Name}-{unit.N}";
            var joins = template.Joins
                .Select(j => new KeyValuePair<string, string[]>(j.Property, [Urn(Templates.First(t => t.Name == j.Target).Type, $"{j.Target}-{unit.N}")]))
                .ToArray();
            yield return new GeneratedResource(
                template.Type,
                name,
                template.Id(unit),
                Expand(template.Inputs, unit, SecretForm.Export),
                Expand(template.Inputs, unit, SecretForm.Analyzer),
                joins.SelectMany(j => j.Value).Distinct().ToArray(),
                joins);
        }
    }

    /// <summary>Writes a `pulumi stack export` document of <paramref name="resources"/> custom resources and returns its size in bytes.</summary>
    public static long WriteExport(string path, int resources)
    {
        using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
        using var writer = new StreamWriter(stream, new UTF8Encoding(false));
        var stackUrn = Urn("pulumi:pulumi:Stack", $"{Project}-{Stack}");
        writer.Write("{\"version\":3,\"deployment\":{\"manifest\":{\"time\":\"2026-01-01T00:00:00Z\",\"magic\":\"bench\",\"version\":\"v3.260.0\"},\"resources\":[");
        writer.Write("{\"urn\":\"" + stackUrn + "\",\"custom\":false,\"type\":\"pulumi:pulumi:Stack\",\"outputs\":{}}");
        foreach (var (provider, version) in new[] { ("aws", "7.48.0"), ("azure", "6.40.0"), ("azure-native", "3.28.0") })
        {
            writer.Write(",{\"urn\":\"" + ProviderUrn(provider) + "\",\"custom\":true,\"id\":\"" + provider + "-provider-0001\",\"type\":\"pulumi:providers:" + provider
                + "\",\"inputs\":{\"version\":\"" + version + "\"},\"outputs\":{\"version\":\"" + version + "\"},\"parent\":\"" + stackUrn + "\"}");
        }

        foreach (var resource in Resources(resources))
        {
            var provider = resource.Type[..resource.Type.IndexOf(':', StringComparison.Ordinal)];
            var dependencies = string.Join(',', resource.Dependencies.Select(JsonString));
            var propertyDependencies = string.Join(',', resource.PropertyDependencies.Select(p => JsonString(p.Key) + ":[" + string.Join(',', p.Value.Select(JsonString)) + "]"));
            writer.Write(",{\"urn\":" + JsonString(resource.Urn) + ",\"custom\":true,\"id\":" + JsonString(resource.Id) + ",\"type\":" + JsonString(resource.Type)
                + ",\"inputs\":" + resource.ExportInputs + ",\"outputs\":" + resource.ExportInputs + ",\"parent\":" + JsonString(stackUrn)
                + ",\"provider\":" + JsonString(ProviderUrn(provider) + "::" + provider + "-provider-0001")
                + ",\"dependencies\":[" + dependencies + "],\"propertyDependencies\":{" + propertyDependencies + "}}");
        }

        writer.Write("]}}");
        writer.Flush();
        return stream.Length;
    }

    private static string ProviderUrn(string provider) => Urn($"pulumi:providers:{provider}", "default");

    private static string Expand(string template, Unit unit, SecretForm form)
    {
        var text = template.Replace("«N»", unit.N, StringComparison.Ordinal)
            .Replace("«HEX»", unit.Hex, StringComparison.Ordinal)
            .Replace("«OCTET»", unit.Octet.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("«GUID»", unit.Guid, StringComparison.Ordinal);
        text = Placeholder().Replace(text, match => match.Groups["kind"].Value == "V"
            ? (unit.Violating ? match.Groups["a"].Value : match.Groups["b"].Value)
            : Secret($"{match.Groups["a"].Value}-{unit.N}", form));
        return text;
    }

    [System.Text.RegularExpressions.GeneratedRegex("«(?<kind>V|SECRET):(?<a>[^|»]*)(?:\\|(?<b>[^»]*))?»")]
    private static partial System.Text.RegularExpressions.Regex Placeholder();

    // The export's ciphertext is opaque to the pack; a reversible stand-in keeps the file deterministic.
    private static string Secret(string plain, SecretForm form) => form == SecretForm.Export
        ? "{\"" + SecretKey + "\":\"" + SecretSig + "\",\"ciphertext\":\"v1:" + Convert.ToBase64String(Encoding.UTF8.GetBytes(plain)) + "\"}"
        : "{\"" + SecretKey + "\":\"" + SecretSig + "\",\"value\":" + JsonString(plain) + "}";

    private static string JsonString(string text) => System.Text.Json.JsonSerializer.Serialize(text, BenchJsonContext.Default.String);

    /// <summary>The values that make one unit's names unique and decide whether it is one of the violating tenth.</summary>
    private readonly record struct Unit(int Index)
    {
        public string N => Index.ToString("D5", CultureInfo.InvariantCulture);

        public string Hex => Index.ToString("x8", CultureInfo.InvariantCulture);

        public int Octet => Index % 250;

        public string Guid => $"6f1c2a3b-4d5e-6f70-8192-{Index.ToString("x12", CultureInfo.InvariantCulture)}";

        public bool Violating => Index % 10 == 0;
    }
}

/// <summary>Source-generated JSON metadata (no reflection) for the few strings the generator escapes.</summary>
[System.Text.Json.Serialization.JsonSerializable(typeof(string))]
internal sealed partial class BenchJsonContext : System.Text.Json.Serialization.JsonSerializerContext;
