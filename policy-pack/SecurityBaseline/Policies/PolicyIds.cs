namespace SecurityBaseline.Policies;

/// <summary>Every policy id of the pack, in one place: ids are stable, never reused, kebab-case.</summary>
public static class PolicyIds
{
    // ---------------------------------------------------------------------------------------------
    // §1 Network protection — inbound rules (Policies/Network)
    // ---------------------------------------------------------------------------------------------
    public const string NetworkNoInternetIngress = "network-no-internet-ingress";
    public const string NetworkIngressAllowlist = "network-ingress-allowlist";
    public const string NetworkAdminPortsNotPublic = "network-admin-ports-not-public";
    public const string DefaultSecurityGroupClosed = "default-security-group-closed";
    public const string NetworkAclNoInternetAdminPorts = "network-acl-no-internet-admin-ports";
    public const string NetworkPrefixListIngress = "network-prefix-list-ingress";
    public const string NetworkIngressAcrossRules = "network-ingress-across-rules";

    // (end of Network ids)

    // ---------------------------------------------------------------------------------------------
    // §1 Network protection — public IPs, public databases, PaaS firewalls (Policies/PublicEndpoints)
    // ---------------------------------------------------------------------------------------------

    public const string ComputeNoPublicIp = "compute-no-public-ip";
    public const string SubnetNoPublicIpOnLaunch = "subnet-no-public-ip-on-launch";
    public const string DatabaseNotPublic = "database-not-public";
    public const string StorageFirewallDefaultDeny = "storage-firewall-default-deny";
    public const string StorageFirewallConfigured = "storage-firewall-configured";
    public const string KeyVaultFirewallDefaultDeny = "key-vault-firewall-default-deny";
    public const string ServiceNotPublic = "service-not-public";
    public const string DefaultVpcNotUsed = "default-vpc-not-used";
    public const string DatabaseFirewallNoPublicRange = "database-firewall-no-public-range";

    // (end of PublicEndpoints ids)

    // ---------------------------------------------------------------------------------------------
    // §3 Encryption in transit (Policies/Transit)
    // ---------------------------------------------------------------------------------------------
    public const string LoadBalancerListenerTls = "load-balancer-listener-tls";
    public const string LoadBalancerTlsPolicy = "load-balancer-tls-policy";
    public const string LoadBalancerListenerRuleTls = "load-balancer-listener-rule-tls";
    public const string CloudFrontOriginHttps = "cloudfront-origin-https";
    public const string ClassicLoadBalancerTls = "classic-load-balancer-tls";
    public const string AzureStorageSecureTransfer = "azure-storage-secure-transfer";
    public const string WebAppHttpsOnly = "web-app-https-only";
    public const string ApplicationGatewayTls = "application-gateway-tls";
    public const string CloudFrontViewerHttps = "cloudfront-viewer-https";
    public const string TransitEncryptionEnabled = "transit-encryption-enabled";
    public const string ServiceMinimumTlsVersion = "service-minimum-tls-version";

    // (end of Transit ids)

    // ---------------------------------------------------------------------------------------------
    // §7 Encryption at rest (Policies/AtRest)
    // ---------------------------------------------------------------------------------------------

    public const string S3BucketEncryption = "s3-bucket-encryption";
    public const string S3BucketEncryptionConfigured = "s3-bucket-encryption-configured";
    public const string EbsVolumeEncrypted = "ebs-volume-encrypted";
    public const string EbsVolumeDefaultEncryption = "ebs-volume-default-encryption";
    public const string InstanceBlockDevicesEncrypted = "instance-block-devices-encrypted";
    public const string RdsStorageEncrypted = "rds-storage-encrypted";
    public const string EfsEncrypted = "efs-encrypted";
    public const string DynamoDbTableEncrypted = "dynamodb-table-encrypted";
    public const string SqsQueueEncrypted = "sqs-queue-encrypted";
    public const string SnsTopicEncrypted = "sns-topic-encrypted";
    public const string LogGroupEncrypted = "log-group-encrypted";
    public const string AzureDiskEncrypted = "azure-disk-encrypted";
    public const string DataEncryptedAtRest = "data-encrypted-at-rest";

    // (end of AtRest ids)

    // ---------------------------------------------------------------------------------------------
    // §7 Key custody and secrets (Policies/Keys)
    // ---------------------------------------------------------------------------------------------
    public const string KmsKeyRotation = "kms-key-rotation-enabled";
    public const string KmsKeyPolicyNotPublic = "kms-key-policy-not-public";
    public const string KmsKeyLockoutCheckKept = "kms-key-lockout-check-kept";
    public const string KeyVaultRecoverable = "key-vault-recoverable";
    public const string SecretsNotPlaintext = "secrets-not-plaintext";

    // (end of Keys ids)

    // ---------------------------------------------------------------------------------------------
    // §7 No public links (Policies/PublicAccess)
    // ---------------------------------------------------------------------------------------------
    public const string S3PublicAccessBlockFlags = "s3-public-access-block-flags";
    public const string S3PublicAccessBlockPresent = "s3-public-access-block-present";
    public const string S3NoPublicAcl = "s3-no-public-acl";
    public const string S3BucketPolicyNotPublic = "s3-bucket-policy-not-public";
    public const string S3NoWebsiteHosting = "s3-no-website-hosting";
    public const string AzureStorageNoPublicBlobAccess = "azure-storage-no-public-blob-access";
    public const string AzureBlobContainerPrivate = "azure-blob-container-private";
    public const string ResourcePolicyNotPublic = "resource-policy-not-public";

    // (end of PublicAccess ids)

    // ---------------------------------------------------------------------------------------------
    // §8 Least privilege (Policies/LeastPrivilege)
    // ---------------------------------------------------------------------------------------------
    public const string IamPolicyLeastPrivilege = "iam-policy-least-privilege";
    public const string ResourcePolicyLeastPrivilege = "resource-policy-least-privilege";
    public const string IamRoleTrustRestricted = "iam-role-trust-restricted";
    public const string AzureCustomRoleLeastPrivilege = "azure-custom-role-least-privilege";
    public const string AzurePrivilegedRoleAssignment = "azure-privileged-role-assignment";

    // (end of LeastPrivilege ids)
    // §2 Access management (Policies/AccessManagement)
    // ---------------------------------------------------------------------------------------------
    public const string IamUserNoLongLivedCredentials = "iam-user-no-long-lived-credentials";
    public const string DatabaseNoDefaultAdminName = "database-no-default-admin-name";
    public const string DatabaseMasterPasswordManaged = "database-master-password-managed";
    public const string LocalAuthDisabled = "local-auth-disabled";
    public const string AccessReviewAnalyzer = "access-review-analyzer";

    // (end of AccessManagement ids)

    // ---------------------------------------------------------------------------------------------
    // §9 Logging and monitoring, §5 deletion of old versions (Policies/Logging)
    // ---------------------------------------------------------------------------------------------
    public const string CloudTrailSecured = "cloudtrail-secured";
    public const string VpcFlowLogsEnabled = "vpc-flow-logs-enabled";
    public const string LoadBalancerAccessLogs = "load-balancer-access-logs";
    public const string CloudFrontAccessLogs = "cloudfront-access-logs";
    public const string S3BucketAccessLogging = "s3-bucket-access-logging";
    public const string LogGroupRetention = "log-group-retention";
    public const string AzureDiagnosticSettings = "azure-diagnostic-settings";
    public const string GuardDutyEnabled = "guardduty-enabled";
    public const string ConfigRecorderEnabled = "config-recorder-enabled";
    public const string DefenderPlansEnabled = "defender-plans-enabled";
    public const string AzureActivityLogExported = "azure-activity-log-exported";
    public const string S3NoncurrentVersionExpiration = "s3-noncurrent-version-expiration";

    // (end of Logging ids)
    // §8 Least privilege — privilege escalation across the stack (Policies/LeastPrivilege)
    // ---------------------------------------------------------------------------------------------
    public const string IamNoPrivilegeEscalation = "iam-no-privilege-escalation";

    // (end of LeastPrivilege escalation ids)
}
