using PolicyPack.Sdk.Engine;

namespace SecurityBaseline.Policies.LeastPrivilege;

/// <summary>§8: custom Azure roles grant named operations, never every operation or the right to hand out roles.</summary>
public sealed class AzureCustomRoleLeastPrivilege : ResourcePolicy
{
    /// <summary>The operations that let a holder grant itself any role: write role assignments, or rewrite role definitions.</summary>
    private static readonly string[] EscalationActions =
    [
        "Microsoft.Authorization/roleAssignments/write",
        "Microsoft.Authorization/roleDefinitions/write",
    ];

    public static readonly PolicyDescriptor Rule = new()
    {
        Id = PolicyIds.AzureCustomRoleLeastPrivilege,
        Title = "Custom Azure roles grant named operations",
        Description = "A custom role definition must not allow every operation (`*` in actions or dataActions) or an operation pattern that covers writing role assignments or role definitions (`Microsoft.Authorization/*`, `*/write`, `Microsoft.Authorization/roleAssignments/*`) unless notActions takes it out again.",
        Message = "A custom role grants every operation, or lets its holders assign themselves any role.",
        Control = "§8",
        Severity = Severity.High,
        ResourceTypes =
        [
            "azure-native:authorization:RoleDefinition",
            "azure:authorization/roleDefinition:RoleDefinition",
        ],
        Help = "List the operations the role needs (`Microsoft.Storage/storageAccounts/read`, `Microsoft.Web/sites/restart/action`). Leave role assignment to built-in roles (Role Based Access Control Administrator with a condition) held by few people; if a pattern such as `Microsoft.Compute/*` is needed, keep authorization writes in `notActions` (`Microsoft.Authorization/*/write`).",
        AbsentMeans = "`permissions` absent or empty grants nothing: compliant. Operation names and patterns are compared case-insensitively, `*` matching any run of characters. " +
                      "`*` in actions or dataActions is a violation even with notActions (that is a Contributor-like role, not a least-privilege one).",
        Tags = ["azure", "rbac", "least-privilege"],
    };

    public override PolicyDescriptor Descriptor => Rule;

    public override void Evaluate(ResourceContext context)
    {
        context.Each(context.Properties.ItemPaths("permissions"), path =>
        {
            var actions = context.Properties.GetStrings($"{path}.actions");
            var dataActions = context.Properties.GetStrings($"{path}.dataActions");
            var everything = actions.Concat(dataActions).Where(a => a.Trim() == "*").ToArray();
            if (everything.Length > 0)
            {
                context.Report($"{path} allows every operation (\"*\"): the role is an owner of everything in its assignable scopes.");
                return;
            }

            var excluded = context.Properties.GetStrings($"{path}.notActions");
            foreach (var escalation in EscalationActions)
            {
                var granting = actions.Where(a => IamGrants.Matches(a.Trim(), escalation)).ToArray();
                if (granting.Length > 0 && !excluded.Any(n => IamGrants.Matches(n.Trim(), escalation)))
                {
                    context.Report($"{path}.actions {string.Join(", ", granting.Select(a => $"\"{a}\""))} covers {escalation} and notActions does not exclude it: holders can grant themselves, or anyone, any role.");
                }
            }
        });
    }
}
