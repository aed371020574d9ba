using PolicyPack.Sdk.Engine;

namespace SecurityBaseline.Policies.AccessManagement;

/// <summary>§2: services that accept Entra ID identities turn off their shared keys, admin users and local accounts.</summary>
public sealed class LocalAuthDisabled : ControlPolicy
{
    private const string SharedSecretProblem = "a shared key or local account is a generic credential: anyone holding it gets in, and no access list names or reviews them.";

    private static readonly Requirement[] Rows =
    [
        new()
        {
            Type = "azure:containerservice/registry:Registry",
            Path = "adminEnabled",
            Expect = Must.Be(false),
            Absent = AbsentReading.Passes("false (the provider's default)"),
            Problem = "the registry's admin user is a shared username and password with push and pull rights.",
            Fix = "Set `adminEnabled: false` and grant AcrPull/AcrPush roles to identities.",
        },
        new()
        {
            Type = "azure-native:containerregistry:Registry",
            Path = "adminUserEnabled",
            Expect = Must.Be(false),
            Absent = AbsentReading.Passes("false (the API's default)"),
            Problem = "the registry's admin user is a shared username and password with push and pull rights.",
            Fix = "Set `adminUserEnabled: false` and grant AcrPull/AcrPush roles to identities.",
        },
        new()
        {
            Type = "azure:containerservice/kubernetesCluster:KubernetesCluster",
            Path = "localAccountDisabled",
            Expect = Must.Be(true),
            Absent = AbsentReading.Fails("false (the provider's default): the clusterAdmin kubeconfig with a static token exists"),
            Problem = SharedSecretProblem,
            Fix = "Set `localAccountDisabled: true` with `azureActiveDirectoryRoleBasedAccessControl` (Entra ID integration) configured.",
        },
        new()
        {
            Type = "azure-native:containerservice:ManagedCluster",
            Path = "disableLocalAccounts",
            Expect = Must.Be(true),
            Absent = AbsentReading.Fails("false (the API's default): the clusterAdmin kubeconfig with a static token exists"),
            Problem = SharedSecretProblem,
            Fix = "Set `disableLocalAccounts: true` with `aadProfile.managed: true` (Entra ID integration).",
        },
        new()
        {
            Type = "azure:mssql/server:Server",
            Path = "azureadAdministrator.azureadAuthenticationOnly",
            Expect = Must.Be(true),
            Absent = AbsentReading.Fails("false (the provider's default): SQL logins with passwords are accepted"),
            Problem = "SQL authentication accepts the shared administrator login and its password alongside Entra ID.",
            Fix = "Set `azureadAdministrator: { loginUsername, objectId, azureadAuthenticationOnly: true }`.",
        },
        new()
        {
            Type = "azure-native:sql:Server",
            Path = "administrators.azureADOnlyAuthentication",
            Expect = Must.Be(true),
            Absent = AbsentReading.Fails("false (the API's default): SQL logins with passwords are accepted"),
            Problem = "SQL authentication accepts the shared administrator login and its password alongside Entra ID.",
            Fix = "Set `administrators: { administratorType: \"ActiveDirectory\", login, sid, azureADOnlyAuthentication: true }`.",
        },
        new()
        {
            Type = "azure:storage/account:Account",
            Path = "sharedAccessKeyEnabled",
            Expect = Must.Be(false),
            Absent = AbsentReading.Fails("true (the provider's default): the account keys and SAS tokens signed with them are accepted"),
            Problem = "the account keys grant full access to every container, queue, table and share, and any SAS signed with them does too.",
            Fix = "Set `sharedAccessKeyEnabled: false` (and `storageUseAzuread: true` on the provider) and grant Storage Blob Data roles to identities.",
        },
        new()
        {
            Type = "azure-native:storage:StorageAccount",
            Path = "allowSharedKeyAccess",
            Expect = Must.Be(false),
            Absent = AbsentReading.Fails("null, which the API treats as true: the account keys and SAS tokens signed with them are accepted"),
            Problem = "the account keys grant full access to every container, queue, table and share, and any SAS signed with them does too.",
            Fix = "Set `allowSharedKeyAccess: false` and grant Storage Blob Data roles to identities.",
        },
        new()
        {
            Type = "azure:cosmosdb/account:Account",
            Path = "localAuthenticationEnabled",
            Expect = Must.Be(false),
            Absent = AbsentReading.Fails("true (the provider's default): the primary and secondary keys are accepted"),
            Problem = SharedSecretProblem,
            Fix = "Set `localAuthenticationEnabled: false` and grant Cosmos DB data-plane roles to identities.",
        },
        new()
        {
            Type = "azure-native:cosmosdb:DatabaseAccount",
            Path = "disableLocalAuth",
            Expect = Must.Be(true),
            Absent = AbsentReading.Fails("false (the API's default): the primary and secondary keys are accepted"),
            Problem = SharedSecretProblem,
            Fix = "Set `disableLocalAuth: true` and grant Cosmos DB data-plane roles to identities.",
        },
        new()
        {
            Type = "azure:servicebus/namespace:Namespace",
            Path = "localAuthEnabled",
            Expect = Must.Be(false),
            Absent = AbsentReading.Fails("true (the provider's default): SAS keys are accepted"),
            Problem = SharedSecretProblem,
            Fix = "Set `localAuthEnabled: false` and grant Azure Service Bus Data roles to identities.",
        },
        new()
        {
            Type = "azure-native:servicebus:Namespace",
            Path = "disableLocalAuth",
            Expect = Must.Be(true),
            Absent = AbsentReading.Fails("false (the API's default): SAS keys are accepted"),
            Problem = SharedSecretProblem,
            Fix = "Set `disableLocalAuth: true` and grant Azure Service Bus Data roles to identities.",
        },
        new()
        {
            Type = "azure:eventhub/eventHubNamespace:EventHubNamespace",
            Path = "localAuthenticationEnabled",
            Expect = Must.Be(false),
            Absent = AbsentReading.Fails("true (the provider's default): SAS keys are accepted"),
            Problem = SharedSecretProblem,
            Fix = "Set `localAuthenticationEnabled: false` and grant Azure Event Hubs Data roles to identities.",
        },
        new()
        {
            Type = "azure-native:eventhub:Namespace",
            Path = "disableLocalAuth",
            Expect = Must.Be(true),
            Absent = AbsentReading.Fails("false (the API's default): SAS keys are accepted"),
            Problem = SharedSecretProblem,
            Fix = "Set `disableLocalAuth: true` and grant Azure Event Hubs Data roles to identities.",
        },
    ];

    public static readonly PolicyDescriptor Rule = new()
    {
        Id = PolicyIds.LocalAuthDisabled,
        Title = "Shared keys and local accounts are off where identities can sign in",
        Description = "Container registries, Kubernetes clusters, SQL servers, storage accounts, Cosmos DB accounts, Service Bus and Event Hubs namespaces must accept only Entra ID identities: admin users, shared keys, SAS keys and local accounts off.",
        Message = "The service accepts a shared key or local account.",
        Control = "§2",
        Severity = Severity.High,
        ResourceTypes = Requirement.TypesOf(Rows),
        Requirements = Rows,
        Help = "Turn local authentication off with the property the table below names, and grant the data-plane roles to the identities (managed identities, groups) that need them.",
        AbsentMeans = "Per resource type, in the table below: absent takes the provider's default, which leaves local authentication on everywhere except container registries.",
        Tags = ["identity", "credentials", "access-management"],
    };

    public override PolicyDescriptor Descriptor => Rule;
}
