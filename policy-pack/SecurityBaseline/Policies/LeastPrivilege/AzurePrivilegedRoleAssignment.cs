using PolicyPack.Sdk.Engine;

namespace SecurityBaseline.Policies.LeastPrivilege;

/// <summary>§8: Owner and User Access Administrator are not assigned on whole subscriptions or management groups, except to listed principals.</summary>
public sealed class AzurePrivilegedRoleAssignment : ResourcePolicy
{
    private const string Classic = "azure:authorization/assignment:Assignment";

    /// <summary>Built-in role ids (the same in every tenant) and names of the roles that can assign any role.</summary>
    private static readonly Dictionary<string, string> PrivilegedRoles = new(StringComparer.OrdinalIgnoreCase)
    {
        ["8e3af657-a8ff-443c-a75c-2fe8c4bcb635"] = "Owner",
        ["18d7d88d-4d8b-4e5c-8e4a-d6c08ed3a3d8"] = "User Access Administrator",
    };

    public static readonly PolicyDescriptor Rule = new()
    {
        Id = PolicyIds.AzurePrivilegedRoleAssignment,
        Title = "Owner and User Access Administrator are not assigned on subscriptions",
        Description = "A role assignment of Owner (8e3af657-a8ff-443c-a75c-2fe8c4bcb635) or User Access Administrator (18d7d88d-4d8b-4e5c-8e4a-d6c08ed3a3d8) at a subscription, management-group or root scope is reported unless its principalId is in `allowedPrincipalIds`.",
        Message = "A principal can assign itself, or anyone, any role on a whole subscription or management group.",
        Control = "§8",
        Severity = Severity.High,
        DefaultEnforcement = EnforcementLevel.Advisory,
        ResourceTypes =
        [
            "azure-native:authorization:RoleAssignment",
            Classic,
        ],
        ConfigSchema = """
            {
              "allowedPrincipalIds": {
                "type": "array",
                "items": { "type": "string" },
                "description": "Object ids of the principals (break-glass accounts, the platform team's group) that may hold Owner or User Access Administrator on a subscription or management group."
              }
            }
            """,
        Help = "Assign a narrower built-in role (Contributor, Reader, a service's Contributor role) or scope the assignment to the resource group or resource that needs it. If the principal must own the subscription, add its object id to `allowedPrincipalIds` in the policy configuration.",
        AbsentMeans = "The role is read from the last segment of `roleDefinitionId` (the built-in ids are the same in every tenant) or, on `azure:authorization/assignment:Assignment`, from `roleDefinitionName`. " +
                      "Scopes `/subscriptions/<id>`, `/providers/Microsoft.Management/managementGroups/<id>` and `/` count; resource groups and resources do not. `allowedPrincipalIds` absent allows nobody. Advisory by default.",
        Tags = ["azure", "rbac", "least-privilege"],
    };

    public override PolicyDescriptor Descriptor => Rule;

    public override void Evaluate(ResourceContext context)
    {
        var role = Role(context);
        if (role is null)
        {
            return;
        }

        var scope = context.Properties.GetString("scope");
        if (scope is null || !IsBroadScope(scope))
        {
            return;
        }

        var allowed = context.Parameters.GetStrings("allowedPrincipalIds");
        if (allowed.Count > 0 && context.Properties.GetString("principalId") is { } principal
            && allowed.Contains(principal, StringComparer.OrdinalIgnoreCase))
        {
            return;
        }

        context.Report($"{role} is assigned at scope {context.Properties.Show("scope")} to principal {context.Properties.Show("principalId")}, which allowedPrincipalIds does not list: it can grant any role on everything below that scope.");
    }

    private static string? Role(ResourceContext context)
    {
        if (context.Properties.GetString("roleDefinitionId") is { } id)
        {
            var guid = id.TrimEnd('/').Split('/')[^1];
            return PrivilegedRoles.GetValueOrDefault(guid);
        }

        if (context.Resource.Type == Classic && context.Properties.GetString("roleDefinitionName") is { } name)
        {
            return PrivilegedRoles.Values.FirstOrDefault(r => string.Equals(r, name.Trim(), StringComparison.OrdinalIgnoreCase));
        }

        return null;
    }

    /// <summary>True for the tenant root, a management group or a whole subscription.</summary>
    private static bool IsBroadScope(string scope)
    {
        var parts = scope.Trim().Trim('/').Split('/');
        return parts switch
        {
            [""] => true,
            ["subscriptions", _] => true,
            ["providers", var provider, "managementGroups", _] => string.Equals(provider, "Microsoft.Management", StringComparison.OrdinalIgnoreCase),
            _ => false,
        };
    }
}
