using PolicyPack.Sdk.Engine;

namespace SecurityBaseline.Policies.AtRest;

// AWS services that keep data of their own (caches, build output, models, catalogs, rule sets). Many of them always encrypt
// and take only an optional customer key: their row asks for that key but lets an absent one pass, naming the AWS-owned or
// AWS-managed key that then applies, because the company's rule asks for a customer key only where configured (see
// azure-disk-encrypted's requireCustomerManagedKey); such a row fails only on a key set to an empty value.
public sealed partial class DataEncryptedAtRest
{
    private const string ApiGatewayMethodSettings = "aws:apigateway/methodSettings:MethodSettings";
    private const string AppFlowConnectorProfile = "aws:appflow/connectorProfile:ConnectorProfile";
    private const string AppFlowFlow = "aws:appflow/flow:Flow";
    private const string AppSyncApiCache = "aws:appsync/apiCache:ApiCache";
    private const string BedrockAgent = "aws:bedrock/agentAgent:AgentAgent";
    private const string CodeBuildProject = "aws:codebuild/project:Project";
    private const string CodeGuruRepositoryAssociation = "aws:codegurureviewer/repositoryAssociation:RepositoryAssociation";
    private const string CodePipeline = "aws:codepipeline/pipeline:Pipeline";
    private const string ComprehendEntityRecognizer = "aws:comprehend/entityRecognizer:EntityRecognizer";
    private const string ConnectInstanceStorageConfig = "aws:connect/instanceStorageConfig:InstanceStorageConfig";
    private const string DmsEndpoint = "aws:dms/endpoint:Endpoint";
    private const string DmsS3Endpoint = "aws:dms/s3Endpoint:S3Endpoint";
    private const string EcsCluster = "aws:ecs/cluster:Cluster";
    private const string GlueCrawler = "aws:glue/crawler:Crawler";
    private const string GlueDataCatalogEncryptionSettings = "aws:glue/dataCatalogEncryptionSettings:DataCatalogEncryptionSettings";
    private const string GlueDevEndpoint = "aws:glue/devEndpoint:DevEndpoint";
    private const string GlueJob = "aws:glue/job:Job";
    private const string GlueSecurityConfiguration = "aws:glue/securityConfiguration:SecurityConfiguration";
    private const string ImageBuilderComponent = "aws:imagebuilder/component:Component";
    private const string ImageBuilderDistributionConfiguration = "aws:imagebuilder/distributionConfiguration:DistributionConfiguration";
    private const string ImageBuilderImageRecipe = "aws:imagebuilder/imageRecipe:ImageRecipe";
    private const string KendraIndex = "aws:kendra/index:Index";
    private const string LambdaFunction = "aws:lambda/function:Function";
    private const string NetworkFirewall = "aws:networkfirewall/firewall:Firewall";
    private const string NetworkFirewallPolicy = "aws:networkfirewall/firewallPolicy:FirewallPolicy";
    private const string NetworkFirewallRuleGroup = "aws:networkfirewall/ruleGroup:RuleGroup";
    private const string SageMakerDataQualityJobDefinition = "aws:sagemaker/dataQualityJobDefinition:DataQualityJobDefinition";
    private const string SageMakerDomain = "aws:sagemaker/domain:Domain";
    private const string SageMakerEndpointConfiguration = "aws:sagemaker/endpointConfiguration:EndpointConfiguration";
    private const string SageMakerFlowDefinition = "aws:sagemaker/flowDefinition:FlowDefinition";
    private const string SageMakerNotebookInstance = "aws:sagemaker/notebookInstance:NotebookInstance";
    private const string SchedulerSchedule = "aws:scheduler/schedule:Schedule";

    private static IEnumerable<Requirement> AwsServiceRows =>
    [
        new()
        {
            Type = ApiGatewayMethodSettings,
            Path = "settings.cacheDataEncrypted",
            Expect = Must.Be(true),
            Absent = AbsentReading.Fails("false (the provider's default)"),
            Problem = "the stage cache keeps API responses unencrypted.",
            Fix = "Set `settings.cacheDataEncrypted: true` wherever `settings.cachingEnabled` is true.",
            When = new Condition("settings.cachingEnabled", Must.Be(true)),
        },
        new()
        {
            Type = AppFlowConnectorProfile,
            Path = "kmsArn",
            Expect = Must.BeSet(),
            Absent = AbsentReading.Passes("the Amazon AppFlow-managed KMS key (connection credentials still encrypted)"),
            Problem = "the connector profile names no key for its stored credentials.",
            Fix = "Set `kmsArn` to the company's KMS key ARN, or leave it out to use the AppFlow-managed key.",
        },
        new()
        {
            Type = AppFlowFlow,
            Path = "kmsArn",
            Expect = Must.BeSet(),
            Absent = AbsentReading.Passes("the Amazon AppFlow-managed KMS key (flow data still encrypted)"),
            Problem = "the flow names no key for the data it moves.",
            Fix = "Set `kmsArn` to the company's KMS key ARN, or leave it out to use the AppFlow-managed key.",
        },
        new()
        {
            Type = AppSyncApiCache,
            Path = "atRestEncryptionEnabled",
            Expect = Must.Be(true),
            Absent = AbsentReading.Fails("false (the provider's default)"),
            Problem = "the GraphQL cache stores resolver results unencrypted.",
            Fix = "Set `atRestEncryptionEnabled: true` (the cache is replaced: the flag cannot change after creation).",
        },
        new()
        {
            Type = BedrockAgent,
            Path = "customerEncryptionKeyArn",
            Expect = Must.BeSet(),
            Absent = AbsentReading.Passes("an AWS owned key (the agent is still encrypted)"),
            Problem = "the agent names no key for its stored configuration.",
            Fix = "Set `customerEncryptionKeyArn` to the company's KMS key ARN, or leave it out to use the AWS owned key.",
        },
        new()
        {
            Type = CodeBuildProject,
            Path = "artifacts.encryptionDisabled",
            Expect = Must.Be(false),
            Absent = AbsentReading.Passes("false (the provider's default): artifacts are encrypted"),
            Problem = "the build writes its output artifacts unencrypted.",
            Fix = "Remove `artifacts.encryptionDisabled` or set it to `false`.",
            When = new Condition("artifacts.type", Must.NotBeOneOf("NO_ARTIFACTS")),
        },
        new()
        {
            Type = CodeBuildProject,
            Within = "secondaryArtifacts[]",
            Path = "encryptionDisabled",
            Expect = Must.Be(false),
            Absent = AbsentReading.Passes("false (the provider's default): artifacts are encrypted"),
            Problem = "the build writes a secondary artifact unencrypted.",
            Fix = "Remove `encryptionDisabled` from the secondary artifact or set it to `false`.",
            When = new Condition("type", Must.NotBeOneOf("NO_ARTIFACTS")),
        },
        new()
        {
            Type = CodeBuildProject,
            Path = "logsConfig.s3Logs.encryptionDisabled",
            Expect = Must.Be(false),
            Absent = AbsentReading.Passes("false (the provider's default): S3 logs are encrypted"),
            Problem = "the build writes its logs to S3 unencrypted.",
            Fix = "Remove `logsConfig.s3Logs.encryptionDisabled` or set it to `false`.",
            When = new Condition("logsConfig.s3Logs.status", Must.BeOneOf("ENABLED")),
        },
        new()
        {
            Type = CodeGuruRepositoryAssociation,
            Path = "kmsKeyDetails.kmsKeyId",
            Expect = Must.BeSet(),
            Absent = AbsentReading.Passes("an AWS owned key (`AWS_OWNED_CMK`, the service's default; code and reviews still encrypted)"),
            Problem = "the association names no key for the code and reviews it stores.",
            Fix = "Set `kmsKeyDetails` to `encryptionOption: \"CUSTOMER_MANAGED_CMK\"` with `kmsKeyId` the company's key, or leave it out to use the AWS owned key.",
        },
        new()
        {
            Type = CodePipeline,
            Within = "artifactStores[]",
            Path = "encryptionKey.id",
            Expect = Must.BeSet(),
            Absent = AbsentReading.Passes("the AWS managed key for S3 (`aws/s3`; artifacts still encrypted)"),
            Problem = "the artifact store names no key for the pipeline's artifacts.",
            Fix = "Set `encryptionKey` to `{ id: <the company's KMS key ARN>, type: \"KMS\" }`, or leave it out to use the AWS managed key.",
        },
        new()
        {
            Type = ComprehendEntityRecognizer,
            Path = "modelKmsKeyId",
            Expect = Must.BeSet(),
            Absent = AbsentReading.Passes("a key Amazon Comprehend manages (the trained model is still encrypted)"),
            Problem = "the recognizer names no key for the trained model.",
            Fix = "Set `modelKmsKeyId` to the company's KMS key, or leave it out to use the service's key.",
        },
        new()
        {
            Type = ComprehendEntityRecognizer,
            Path = "volumeKmsKeyId",
            Expect = Must.BeSet(),
            Absent = AbsentReading.Passes("a key Amazon Comprehend manages (training volumes are still encrypted)"),
            Problem = "the recognizer names no key for its training volumes.",
            Fix = "Set `volumeKmsKeyId` to the company's KMS key, or leave it out to use the service's key.",
        },
        new()
        {
            Type = ConnectInstanceStorageConfig,
            Within = "storageConfig.s3Config",
            Path = "encryptionConfig.keyId",
            Expect = Must.BeSet(),
            Absent = AbsentReading.Passes("the bucket's default encryption (S3 encrypts every new object, SSE-S3 at least)"),
            Problem = "the contact data goes to S3 without the company's KMS key.",
            Fix = "Set `encryptionConfig` to `{ encryptionType: \"KMS\", keyId: <the company's KMS key ARN> }`.",
        },
        new()
        {
            Type = ConnectInstanceStorageConfig,
            Within = "storageConfig.kinesisVideoStreamConfig",
            Path = "encryptionConfig.keyId",
            Expect = Must.BeSet(),
            Absent = AbsentReading.Fails("no key (the input is required; be strict)"),
            Problem = "the media stream names no key for the recordings it retains.",
            Fix = "Set `encryptionConfig` to `{ encryptionType: \"KMS\", keyId: <the company's KMS key ARN> }`.",
        },
        new()
        {
            Type = DmsEndpoint,
            Path = "kmsKeyArn",
            Expect = Must.BeSet(),
            Absent = AbsentReading.Passes("the account's default DMS key (`aws/dms`; connection parameters still encrypted)"),
            Problem = "the endpoint names no key for its connection parameters.",
            Fix = "Set `kmsKeyArn` to the company's KMS key ARN, or leave it out to use the account's DMS key.",
        },
        new()
        {
            Type = DmsS3Endpoint,
            Path = "encryptionMode",
            Expect = Must.BeOneOf("SSE_S3", "SSE_KMS"),
            Absent = AbsentReading.Passes("\"SSE_S3\" (AWS's default)"),
            Problem = "the endpoint writes its files to S3 without server-side encryption.",
            Fix = "Set `encryptionMode: \"SSE_KMS\"` with `serverSideEncryptionKmsKeyId`, or `\"SSE_S3\"`.",
        },
        new()
        {
            Type = DmsS3Endpoint,
            Path = "serverSideEncryptionKmsKeyId",
            Expect = Must.BeSet(),
            Absent = AbsentReading.Fails("no key for SSE-KMS (the provider documents none; be strict)"),
            Problem = "the endpoint asks for SSE-KMS but names no key.",
            Fix = "Set `serverSideEncryptionKmsKeyId` to the company's KMS key ARN.",
            When = new Condition("encryptionMode", Must.BeOneOf("SSE_KMS")),
        },
        new()
        {
            Type = EcsCluster,
            Path = "configuration.managedStorageConfiguration.fargateEphemeralStorageKmsKeyId",
            Expect = Must.BeSet(),
            Absent = AbsentReading.Passes("an AWS owned key (Fargate ephemeral storage is always encrypted)"),
            Problem = "the cluster names no key for its tasks' ephemeral storage.",
            Fix = "Set `configuration.managedStorageConfiguration.fargateEphemeralStorageKmsKeyId` to the company's KMS key ARN, or leave it out to use the AWS owned key.",
        },
        new()
        {
            Type = EcsCluster,
            Within = "configuration.executeCommandConfiguration.logConfiguration",
            Path = "cloudWatchEncryptionEnabled",
            Expect = Must.Be(true),
            Absent = AbsentReading.Fails("false (the provider's default: \"If not specified, encryption will be disabled\")"),
            Problem = "the execute-command session logs go to CloudWatch without encryption being enforced.",
            Fix = "Set `cloudWatchEncryptionEnabled: true` and send the logs to a KMS-encrypted log group.",
            When = new Condition("cloudWatchLogGroupName", Must.BeSet()),
        },
        new()
        {
            Type = EcsCluster,
            Within = "configuration.executeCommandConfiguration.logConfiguration",
            Path = "s3BucketEncryptionEnabled",
            Expect = Must.Be(true),
            Absent = AbsentReading.Fails("false (the provider's default: \"If not specified, encryption will be disabled\")"),
            Problem = "the execute-command session logs go to S3 without encryption being enforced.",
            Fix = "Set `s3BucketEncryptionEnabled: true` and send the logs to an encrypted bucket.",
            When = new Condition("s3BucketName", Must.BeSet()),
        },
        .. GlueRows,
        new()
        {
            Type = ImageBuilderComponent,
            Path = "kmsKeyId",
            Expect = Must.BeSet(),
            Absent = AbsentReading.Passes("an AWS owned key (the component is still encrypted)"),
            Problem = "the component names no key for its stored document.",
            Fix = "Set `kmsKeyId` to the company's KMS key ARN, or leave it out to use the AWS owned key.",
        },
        new()
        {
            Type = ImageBuilderDistributionConfiguration,
            Within = "distributions[].amiDistributionConfiguration",
            Path = "kmsKeyId",
            Expect = Must.BeSet(),
            Absent = AbsentReading.Fails("the build image's own snapshot encryption, which is none unless the recipe encrypts its volumes"),
            Problem = "the distributed AMI copies may carry unencrypted snapshots.",
            Fix = "Set `kmsKeyId` in each `amiDistributionConfiguration` to the company's KMS key ARN.",
        },
        new()
        {
            Type = ImageBuilderImageRecipe,
            Within = "blockDeviceMappings[].ebs",
            Path = "encrypted",
            Expect = Must.Be(true),
            Absent = AbsentReading.Fails("the parent image's setting, which may be unencrypted"),
            Problem = "the image's EBS volume may be stored unencrypted.",
            Fix = "Set `ebs.encrypted: \"true\"` (with `ebs.kmsKeyId`) on every block device mapping.",
        },
        new()
        {
            Type = KendraIndex,
            Path = "serverSideEncryptionConfiguration.kmsKeyId",
            Expect = Must.BeSet(),
            Absent = AbsentReading.Passes("an AWS owned key (indexed data is still encrypted)"),
            Problem = "the index names no key for the documents it stores.",
            Fix = "Set `serverSideEncryptionConfiguration.kmsKeyId` to the company's KMS key, or leave it out to use the AWS owned key.",
        },
        new()
        {
            Type = LambdaFunction,
            Path = "kmsKeyArn",
            Expect = Must.BeSet(),
            Absent = AbsentReading.Passes("the default Lambda service key (`aws/lambda`; environment variables still encrypted)"),
            Problem = "the function names no key for its environment variables.",
            Fix = "Set `kmsKeyArn` to the company's KMS key ARN, or leave it out to use the Lambda service key.",
            When = new Condition("environment.variables", Must.BeSet()),
        },
        .. NetworkFirewallRows,
        .. SageMakerRows,
        new()
        {
            Type = SchedulerSchedule,
            Path = "kmsKeyArn",
            Expect = Must.BeSet(),
            Absent = AbsentReading.Passes("an AWS owned key (the schedule and its target input are still encrypted)"),
            Problem = "the schedule names no key for its stored target input.",
            Fix = "Set `kmsKeyArn` to the company's KMS key ARN, or leave it out to use the AWS owned key.",
        },
    ];

    // A crawler, job or dev endpoint without a security configuration writes its S3 output, logs and bookmarks with no Glue encryption.
    private static IEnumerable<Requirement> GlueRows =>
    [
        .. new[] { GlueCrawler, GlueDevEndpoint, GlueJob }.Select(type => new Requirement
        {
            Type = type,
            Path = "securityConfiguration",
            Expect = Must.BeSet(),
            Absent = AbsentReading.Fails("no security configuration (the service's default): no Glue encryption of output, logs and bookmarks"),
            Problem = "Glue writes what this resource produces without its encryption settings.",
            Fix = "Set `securityConfiguration` to the name of a Glue security configuration that encrypts S3 data, CloudWatch logs and job bookmarks.",
        }),
        new()
        {
            Type = GlueSecurityConfiguration,
            Path = "encryptionConfiguration.s3Encryption.s3EncryptionMode",
            Expect = Must.BeOneOf("SSE-KMS", "SSE-S3"),
            Absent = AbsentReading.Fails("\"DISABLED\" (the provider's default)"),
            Problem = "jobs using this configuration write S3 data unencrypted.",
            Fix = "Set `encryptionConfiguration.s3Encryption.s3EncryptionMode: \"SSE-KMS\"` with `kmsKeyArn`.",
        },
        new()
        {
            Type = GlueSecurityConfiguration,
            Path = "encryptionConfiguration.cloudwatchEncryption.cloudwatchEncryptionMode",
            Expect = Must.BeOneOf("SSE-KMS"),
            Absent = AbsentReading.Fails("\"DISABLED\" (the provider's default)"),
            Problem = "jobs using this configuration write CloudWatch logs without KMS encryption.",
            Fix = "Set `encryptionConfiguration.cloudwatchEncryption.cloudwatchEncryptionMode: \"SSE-KMS\"` with `kmsKeyArn`.",
        },
        new()
        {
            Type = GlueSecurityConfiguration,
            Path = "encryptionConfiguration.jobBookmarksEncryption.jobBookmarksEncryptionMode",
            Expect = Must.BeOneOf("CSE-KMS"),
            Absent = AbsentReading.Fails("\"DISABLED\" (the provider's default)"),
            Problem = "jobs using this configuration store their bookmarks unencrypted.",
            Fix = "Set `encryptionConfiguration.jobBookmarksEncryption.jobBookmarksEncryptionMode: \"CSE-KMS\"` with `kmsKeyArn`.",
        },
        new()
        {
            Type = GlueDataCatalogEncryptionSettings,
            Path = "dataCatalogEncryptionSettings.encryptionAtRest.catalogEncryptionMode",
            Expect = Must.BeOneOf("SSE-KMS", "SSE-KMS-WITH-SERVICE-ROLE"),
            Absent = AbsentReading.Fails("no catalog encryption (the input is required; be strict)"),
            Problem = "the Data Catalog stores its metadata unencrypted.",
            Fix = "Set `dataCatalogEncryptionSettings.encryptionAtRest.catalogEncryptionMode: \"SSE-KMS\"` with `sseAwsKmsKeyId`.",
        },
        new()
        {
            Type = GlueDataCatalogEncryptionSettings,
            Path = "dataCatalogEncryptionSettings.connectionPasswordEncryption.returnConnectionPasswordEncrypted",
            Expect = Must.Be(true),
            Absent = AbsentReading.Fails("false (the input is required; be strict)"),
            Problem = "connection passwords are not kept under the company's KMS key.",
            Fix = "Set `dataCatalogEncryptionSettings.connectionPasswordEncryption.returnConnectionPasswordEncrypted: true` with `awsKmsKeyId`.",
        },
    ];

    // Network Firewall always encrypts its configuration; `encryptionConfiguration` only switches to a customer key.
    private static IEnumerable<Requirement> NetworkFirewallRows =>
        new[] { NetworkFirewall, NetworkFirewallPolicy, NetworkFirewallRuleGroup }.Select(type => new Requirement
        {
            Type = type,
            Path = "encryptionConfiguration.keyId",
            Expect = Must.BeSet(),
            Absent = AbsentReading.Passes("an AWS owned key (`AWS_OWNED_KMS_KEY`, the service's default; still encrypted)"),
            Problem = "the firewall resource names no key for its stored configuration.",
            Fix = "Set `encryptionConfiguration` to `{ type: \"CUSTOMER_KMS\", keyId: <the company's KMS key ARN> }`, or leave it out to use the AWS owned key.",
        });

    private static IEnumerable<Requirement> SageMakerRows =>
    [
        new()
        {
            Type = SageMakerDataQualityJobDefinition,
            Path = "dataQualityJobOutputConfig.kmsKeyId",
            Expect = Must.BeSet(),
            Absent = AbsentReading.Passes("the bucket's default encryption (S3 encrypts every new object, SSE-S3 at least)"),
            Problem = "the monitoring job names no key for the results it writes to S3.",
            Fix = "Set `dataQualityJobOutputConfig.kmsKeyId` to the company's KMS key, or leave it out to use the bucket's default encryption.",
        },
        new()
        {
            Type = SageMakerDataQualityJobDefinition,
            Path = "jobResources.clusterConfig.volumeKmsKeyId",
            Expect = Must.BeSet(),
            Absent = AbsentReading.Passes("an AWS managed key (SageMaker encrypts ML storage volumes by default)"),
            Problem = "the monitoring job names no key for its storage volumes.",
            Fix = "Set `jobResources.clusterConfig.volumeKmsKeyId` to the company's KMS key, or leave it out to use the AWS managed key.",
        },
        new()
        {
            Type = SageMakerDomain,
            Path = "kmsKeyId",
            Expect = Must.BeSet(),
            Absent = AbsentReading.Passes("an AWS managed key (the domain's EFS volume is still encrypted)"),
            Problem = "the domain names no key for its users' EFS home directories.",
            Fix = "Set `kmsKeyId` to the company's KMS key ARN, or leave it out to use the AWS managed key.",
        },
        new()
        {
            Type = SageMakerEndpointConfiguration,
            Path = "kmsKeyArn",
            Expect = Must.BeSet(),
            Absent = AbsentReading.Passes("an AWS managed key (SageMaker encrypts ML storage volumes by default)"),
            Problem = "the endpoint configuration names no key for its hosting storage volumes.",
            Fix = "Set `kmsKeyArn` to the company's KMS key ARN, or leave it out to use the AWS managed key.",
        },
        new()
        {
            Type = SageMakerFlowDefinition,
            Path = "outputConfig.kmsKeyId",
            Expect = Must.BeSet(),
            Absent = AbsentReading.Passes("the bucket's default encryption (S3 encrypts every new object, SSE-S3 at least)"),
            Problem = "the human review flow names no key for the output it writes to S3.",
            Fix = "Set `outputConfig.kmsKeyId` to the company's KMS key ARN, or leave it out to use the bucket's default encryption.",
        },
        new()
        {
            Type = SageMakerNotebookInstance,
            Path = "kmsKeyId",
            Expect = Must.BeSet(),
            Absent = AbsentReading.Passes("an AWS managed key (the notebook's ML storage volume is still encrypted)"),
            Problem = "the notebook instance names no key for its storage volume.",
            Fix = "Set `kmsKeyId` to the company's KMS key ARN, or leave it out to use the AWS managed key.",
        },
    ];
}
