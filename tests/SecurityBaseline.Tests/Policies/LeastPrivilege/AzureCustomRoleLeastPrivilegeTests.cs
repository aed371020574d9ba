using PolicyPack.Sdk.Engine;
using SecurityBaseline.Policies.LeastPrivilege;

namespace SecurityBaseline.Tests.Policies.LeastPrivilege;

public class AzureCustomRoleLeastPrivilegeTests
{
    private const string Scope = "/subscriptions/00000000-0000-0000-0000-000000000001";
    private readonly AzureCustomRoleLeastPrivilege policy = new();

    private static string Native(string permission) =>
        "{\"roleName\":\"app-operator\",\"scope\":\"" + Scope + "\",\"assignableScopes\":[\"" + Scope + "\"],\"roleType\":\"CustomRole\",\"permissions\":[" + permission + "]}";

    private static string Classic(string permission) =>
        "{\"name\":\"app-operator\",\"scope\":\"" + Scope + "\",\"assignableScopes\":[\"" + Scope + "\"],\"permissions\":[" + permission + "]}";

    public static TheoryData<string, string> TooBroad { get; } = new()
    {
        { "azure-native:authorization:RoleDefinition", Native("{\"actions\":[\"*\"]}") },
        { "azure-native:authorization:RoleDefinition", Native("{\"actions\":[\"*\"],\"notActions\":[\"Microsoft.Authorization/*/Write\",\"Microsoft.Authorization/*/Delete\"]}") },
        { "azure-native:authorization:RoleDefinition", Native("{\"actions\":[\"Microsoft.Authorization/*\"]}") },
        { "azure:authorization/roleDefinition:RoleDefinition", Classic("{\"actions\":[\"*/write\"]}") },
        { "azure:authorization/roleDefinition:RoleDefinition", Classic("{\"actions\":[\"Microsoft.Storage/*/read\"],\"dataActions\":[\"*\"]}") },
        { "azure:authorization/roleDefinition:RoleDefinition", Classic("{\"actions\":[\"Microsoft.Authorization/roleAssignments/write\"]}") },
    };

    public static TheoryData<string, string> Named { get; } = new()
    {
        { "azure-native:authorization:RoleDefinition", Native("{\"actions\":[\"Microsoft.Storage/storageAccounts/read\",\"Microsoft.Web/sites/restart/action\"]}") },
        { "azure-native:authorization:RoleDefinition", Native("{\"actions\":[\"Microsoft.Compute/*\"],\"notActions\":[]}") },
        { "azure-native:authorization:RoleDefinition", "{\"roleName\":\"empty\",\"scope\":\"" + Scope + "\"}" },
        { "azure:authorization/roleDefinition:RoleDefinition", Classic("{\"actions\":[\"*/read\"]}") },
        { "azure:authorization/roleDefinition:RoleDefinition", Classic("{\"actions\":[\"Microsoft.Resources/*/write\"]}") },
        { "azure:authorization/roleDefinition:RoleDefinition", Classic("{\"actions\":[\"*/write\"],\"notActions\":[\"Microsoft.Authorization/*/write\"]}") },
    };

    [Theory]
    [MemberData(nameof(TooBroad))]
    public void RoleDefinition_WhenItGrantsEverythingOrRoleAssignment_ShouldFail(string type, string inputs)
    {
        var result = Fixtures.Evaluate(policy, type, inputs);
        Assert.Equal(Outcome.Fail, result.Outcome);
        Assert.NotEmpty(result.Messages);
    }

    [Theory]
    [MemberData(nameof(Named))]
    public void RoleDefinition_WhenOperationsAreNamed_ShouldPass(string type, string inputs)
    {
        Assert.Equal(Outcome.Pass, Fixtures.Evaluate(policy, type, inputs).Outcome);
    }

    [Fact]
    public void RoleDefinition_WhenAuthorizationWildcard_ShouldNameTheEscalation()
    {
        var result = Fixtures.Evaluate(policy, "azure-native:authorization:RoleDefinition", Native("{\"actions\":[\"Microsoft.Authorization/*\"]}"));
        Assert.Contains(result.Messages, m => m.Contains("Microsoft.Authorization/roleAssignments/write", StringComparison.Ordinal));
    }

    [Fact]
    public void RoleDefinition_WhenActionsAreComputed_ShouldBeNotApplicable()
    {
        var result = Fixtures.Evaluate(policy, "azure-native:authorization:RoleDefinition", Native("{\"actions\":\"04da6b54-80e4-46f7-96ec-b56ff0331ba9\"}"));
        Assert.Equal(Outcome.NotApplicable, result.Outcome);
    }
}
