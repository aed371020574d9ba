using PolicyPack.Sdk.Engine;
using SecurityBaseline.Policies.LeastPrivilege;

namespace SecurityBaseline.Tests.Policies.LeastPrivilege;

public class AzurePrivilegedRoleAssignmentTests
{
    private const string Subscription = "/subscriptions/00000000-0000-0000-0000-000000000001";
    private const string Owner = Subscription + "/providers/Microsoft.Authorization/roleDefinitions/8e3af657-a8ff-443c-a75c-2fe8c4bcb635";
    private const string UserAccessAdministrator = "/providers/Microsoft.Authorization/roleDefinitions/18d7d88d-4d8b-4e5c-8e4a-d6c08ed3a3d8";
    private const string Contributor = Subscription + "/providers/Microsoft.Authorization/roleDefinitions/b24988ac-6180-42a0-ab88-20f7382dd24c";
    private const string Principal = "11111111-2222-3333-4444-555555555555";
    private readonly AzurePrivilegedRoleAssignment policy = new();

    private static string Assignment(string role, string scope, string principal = Principal) =>
        "{\"principalId\":\"" + principal + "\",\"principalType\":\"User\",\"roleDefinitionId\":\"" + role + "\",\"scope\":\"" + scope + "\"}";

    public static TheoryData<string, string> Broad { get; } = new()
    {
        { "azure-native:authorization:RoleAssignment", Assignment(Owner, Subscription) },
        { "azure-native:authorization:RoleAssignment", Assignment(UserAccessAdministrator, "/providers/Microsoft.Management/managementGroups/platform") },
        { "azure:authorization/assignment:Assignment", Assignment(Owner, Subscription + "/") },
        { "azure:authorization/assignment:Assignment", "{\"principalId\":\"" + Principal + "\",\"roleDefinitionName\":\"User Access Administrator\",\"scope\":\"" + Subscription + "\"}" },
    };

    public static TheoryData<string, string> Narrow { get; } = new()
    {
        { "azure-native:authorization:RoleAssignment", Assignment(Contributor, Subscription) },
        { "azure-native:authorization:RoleAssignment", Assignment(Owner, Subscription + "/resourceGroups/app") },
        { "azure:authorization/assignment:Assignment", "{\"principalId\":\"" + Principal + "\",\"roleDefinitionName\":\"Reader\",\"scope\":\"" + Subscription + "\"}" },
        { "azure:authorization/assignment:Assignment", Assignment(UserAccessAdministrator, Subscription + "/resourceGroups/app/providers/Microsoft.Storage/storageAccounts/data") },
    };

    [Theory]
    [MemberData(nameof(Broad))]
    public void Assignment_WhenOwnerOrUserAccessAdministratorOnSubscription_ShouldFailAdvisory(string type, string inputs)
    {
        var result = Fixtures.Evaluate(policy, type, inputs);
        Assert.Equal(Outcome.Fail, result.Outcome);
        Assert.Equal(EnforcementLevel.Advisory, result.Level);
        Assert.Single(result.Messages);
    }

    [Theory]
    [MemberData(nameof(Narrow))]
    public void Assignment_WhenRoleOrScopeIsNarrow_ShouldPass(string type, string inputs)
    {
        Assert.Equal(Outcome.Pass, Fixtures.Evaluate(policy, type, inputs).Outcome);
    }

    [Fact]
    public void Assignment_WhenPrincipalIsAllowed_ShouldPass()
    {
        var config = "{\"" + "azure-privileged-role-assignment" + "\":{\"allowedPrincipalIds\":[\"" + Principal.ToUpperInvariant() + "\"]}}";
        var result = Fixtures.Evaluate(policy, "azure-native:authorization:RoleAssignment", Assignment(Owner, Subscription), config);
        Assert.Equal(Outcome.Pass, result.Outcome);
    }

    [Fact]
    public void Assignment_WhenScopeIsComputed_ShouldBeNotApplicable()
    {
        var result = Fixtures.Evaluate(policy, "azure-native:authorization:RoleAssignment", Assignment(Owner, "04da6b54-80e4-46f7-96ec-b56ff0331ba9"));
        Assert.Equal(Outcome.NotApplicable, result.Outcome);
        Assert.Contains("scope", result.Reason, StringComparison.Ordinal);
    }
}
