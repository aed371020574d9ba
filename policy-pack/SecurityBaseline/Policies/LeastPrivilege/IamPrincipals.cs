using PolicyPack.Sdk.Engine;
using PolicyPack.Sdk.Model;

namespace SecurityBaseline.Policies.LeastPrivilege;

/// <summary>One policy document that reaches a principal, named by where it comes from (resource names and paths, never values).</summary>
/// <param name="Label">How messages name it: `RolePolicy "deploy-inline"`, `Policy "lambda-deploy" via RolePolicyAttachment "attach"`.</param>
/// <param name="Statements">Its statements.</param>
/// <param name="Secret">True when the document is a secret: its resource patterns are not quoted.</param>
public sealed record GrantingDocument(string Label, IReadOnlyList<PolicyStatement> Statements, bool Secret);

/// <summary>An IAM resource a statement's Resource may name: its kind (`role`, `user`, `group`, `policy`), ARN and name when known.</summary>
public sealed record IamTarget(string Kind, string? Arn, string? Name, string Label);

/// <summary>Everything in the stack that reaches one IAM role, user or group.</summary>
public sealed class IamPrincipal(PulumiResource resource, string kind)
{
    public PulumiResource Resource { get; } = resource;

    /// <summary>`role`, `user` or `group`.</summary>
    public string Kind { get; } = kind;

    public IamTarget Target { get; } = IamPrincipals.TargetOf(resource, kind);

    /// <summary>Identity policies that grant it rights: inline, attached customer and AWS managed, and (for users) its groups'.</summary>
    public List<GrantingDocument> Documents { get; } = [];

    /// <summary>The permissions boundary's statements; null when it has none or the boundary is a policy the stack and the table do not know.</summary>
    public GrantingDocument? Boundary { get; set; }

    /// <summary>Property paths that decide what reaches it but are unknown during preview.</summary>
    public List<string> Unknowns { get; } = [];

    /// <summary>An unknown permissions boundary may remove any path: then no path is decided.</summary>
    public string? UnknownBoundary { get; set; }

    /// <summary>The groups a user belongs to in the stack.</summary>
    public List<IamPrincipal> Groups { get; } = [];

    /// <summary>The customer policies attached to it (or, for a user, to its groups).</summary>
    public List<IamTarget> AttachedPolicies { get; } = [];
}

/// <summary>Joins the stack's IAM resources into what reaches each principal (the SDK's aws:iam module, provider v7).</summary>
public static class IamPrincipals
{
    public const string RoleType = "aws:iam/role:Role";
    public const string UserType = "aws:iam/user:User";
    public const string GroupType = "aws:iam/group:Group";
    public const string PolicyType = "aws:iam/policy:Policy";
    public const string RolePolicyType = "aws:iam/rolePolicy:RolePolicy";
    public const string UserPolicyType = "aws:iam/userPolicy:UserPolicy";
    public const string GroupPolicyType = "aws:iam/groupPolicy:GroupPolicy";
    public const string RolePolicyAttachmentType = "aws:iam/rolePolicyAttachment:RolePolicyAttachment";
    public const string UserPolicyAttachmentType = "aws:iam/userPolicyAttachment:UserPolicyAttachment";
    public const string GroupPolicyAttachmentType = "aws:iam/groupPolicyAttachment:GroupPolicyAttachment";
    public const string PolicyAttachmentType = "aws:iam/policyAttachment:PolicyAttachment";
    public const string GroupMembershipType = "aws:iam/groupMembership:GroupMembership";
    public const string UserGroupMembershipType = "aws:iam/userGroupMembership:UserGroupMembership";

    private static readonly Dictionary<string, string> KindOfType = new(StringComparer.Ordinal)
    {
        [RoleType] = "role",
        [UserType] = "user",
        [GroupType] = "group",
    };

    /// <summary>Every role, user and group of the stack with what reaches it, in stack order.</summary>
    public static IReadOnlyList<IamPrincipal> Collect(StackIndex stack)
    {
        var principals = stack.OfType(RoleType, UserType, GroupType).Select(r => new IamPrincipal(r, KindOfType[r.Type])).ToArray();
        var byUrn = principals.ToDictionary(p => p.Resource.Urn, StringComparer.Ordinal);

        // A join property unknown during preview could point at any principal of that kind: each of them stays undecided.
        var stray = new List<(string Kind, string Path)>();
        IamPrincipal[] Targets(PulumiResource from, string property, string type)
        {
            var targets = Referenced(stack, from, property, type, out var unknown);
            if (unknown is not null)
            {
                stray.Add((KindOfType[type], unknown));
            }

            return targets.Select(t => byUrn[t.Urn]).ToArray();
        }

        foreach (var principal in principals)
        {
            if (principal.Kind == "role")
            {
                ReadInlinePolicies(principal);
                ReadManagedPolicyArns(stack, principal);
            }

            if (principal.Kind is "role" or "user")
            {
                ReadBoundary(stack, principal);
            }
        }

        foreach (var (type, property) in new[] { (RolePolicyType, "role"), (UserPolicyType, "user"), (GroupPolicyType, "group") })
        {
            var targetType = property switch { "role" => RoleType, "user" => UserType, _ => GroupType };
            foreach (var inline in stack.OfType(type))
            {
                foreach (var principal in Targets(inline, property, targetType))
                {
                    AddDocument(principal, inline, "policy", Label(inline));
                }
            }
        }

        foreach (var (type, property) in new[] { (RolePolicyAttachmentType, "role"), (UserPolicyAttachmentType, "user"), (GroupPolicyAttachmentType, "group") })
        {
            var targetType = property switch { "role" => RoleType, "user" => UserType, _ => GroupType };
            foreach (var attachment in stack.OfType(type))
            {
                foreach (var principal in Targets(attachment, property, targetType))
                {
                    Attach(stack, principal, attachment);
                }
            }
        }

        foreach (var attachment in stack.OfType(PolicyAttachmentType))
        {
            foreach (var (property, targetType) in new[] { ("roles", RoleType), ("users", UserType), ("groups", GroupType) })
            {
                foreach (var principal in Targets(attachment, property, targetType))
                {
                    Attach(stack, principal, attachment);
                }
            }
        }

        foreach (var membership in stack.OfType(GroupMembershipType))
        {
            var groups = Targets(membership, "group", GroupType);
            foreach (var user in Targets(membership, "users", UserType))
            {
                user.Groups.AddRange(groups.Where(g => !user.Groups.Contains(g)));
            }
        }

        foreach (var membership in stack.OfType(UserGroupMembershipType))
        {
            var groups = Targets(membership, "groups", GroupType);
            foreach (var user in Targets(membership, "user", UserType))
            {
                user.Groups.AddRange(groups.Where(g => !user.Groups.Contains(g)));
            }
        }

        foreach (var (kind, path) in stray)
        {
            // A group's unknown document also reaches the users that may be in it.
            foreach (var principal in principals.Where(p => p.Kind == kind || (kind == "group" && p.Kind == "user")))
            {
                principal.Unknowns.Add(path);
            }
        }

        // A user's groups' documents reach the user; the boundary still limits them.
        foreach (var user in principals.Where(p => p.Kind == "user"))
        {
            foreach (var group in user.Groups)
            {
                user.Documents.AddRange(group.Documents.Select(d => d with { Label = $"{d.Label} of Group \"{group.Resource.Name}\"" }));
                user.AttachedPolicies.AddRange(group.AttachedPolicies);
                user.Unknowns.AddRange(group.Unknowns);
            }
        }

        return principals;
    }

    /// <summary>How a statement's Resource can name the resource: its kind, ARN and name when known.</summary>
    public static IamTarget TargetOf(PulumiResource resource, string kind) =>
        new(kind, KnownString(resource, "arn"), KnownString(resource, "name"), $"{ShortType(resource.Type)} \"{resource.Name}\"");

    private static string? KnownString(PulumiResource resource, string property) =>
        resource[property] is { Kind: ValueKind.String, StringValue: { Length: > 0 } text } ? text : null;

    private static string ShortType(string type) => type[(type.LastIndexOf(':') + 1)..];

    private static string Label(PulumiResource resource) => $"{ShortType(resource.Type)} \"{resource.Name}\"";

    /// <summary>The resources of <paramref name="type"/> that a (list or single) property points at: its dependencies, else its values.</summary>
    private static List<PulumiResource> Referenced(StackIndex stack, PulumiResource from, string property, string type, out string? unknown)
    {
        unknown = null;
        if (from.PropertyDependencies.TryGetValue(property, out var urns) && urns.Count > 0)
        {
            var found = urns.Select(stack.ByUrn).OfType<PulumiResource>().Where(r => r.Type == type).ToList();
            if (found.Count > 0)
            {
                return found;
            }
        }

        var result = new List<PulumiResource>();
        var value = from[property];
        if (value is null || value.IsNull)
        {
            return result;
        }

        var items = value.Kind == ValueKind.Array ? value.Items : [value];
        for (var i = 0; i < items.Count; i++)
        {
            var path = value.Kind == ValueKind.Array ? $"{from.Name}.{property}[{i}]" : $"{from.Name}.{property}";
            if (items[i].IsUnknown)
            {
                unknown ??= path;
            }
            else if (items[i] is { Kind: ValueKind.String or ValueKind.ResourceReference, StringValue: { Length: > 0 } text })
            {
                result.AddRange(stack.Designated(text).Where(r => r.Type == type && r.Urn != from.Urn && !result.Contains(r)));
            }
        }

        return result;
    }

    private static void AddDocument(IamPrincipal principal, PulumiResource holder, string property, string label) =>
        AddDocument(principal, holder.Root, $"{holder.Name}.{property}", label);

    private static void AddDocument(IamPrincipal principal, PropertyValue holder, string path, string label)
    {
        if (Read(principal, holder, "policy", path) is { } statements)
        {
            principal.Documents.Add(new GrantingDocument(label, statements, holder.Find("policy")?.IsSecret == true));
        }
    }

    /// <summary>The document's statements; null (and the path recorded) when unknown; malformed documents, which AWS refuses, grant nothing.</summary>
    private static IReadOnlyList<PolicyStatement>? Read(IamPrincipal principal, PropertyValue holder, string property, string path)
    {
        try
        {
            return AccessPolicyDocument.Statements(holder, property);
        }
        catch (UnknownValueException)
        {
            principal.Unknowns.Add(path);
            return null;
        }
        catch (PolicyDataException)
        {
            return [];
        }
    }

    private static void ReadInlinePolicies(IamPrincipal role)
    {
        var inline = role.Resource["inlinePolicies"];
        if (inline is { IsUnknown: true })
        {
            role.Unknowns.Add($"{role.Resource.Name}.inlinePolicies");
            return;
        }

        var items = inline is { Kind: ValueKind.Array } ? inline.Items : [];
        for (var i = 0; i < items.Count; i++)
        {
            var name = items[i] is { Kind: ValueKind.Object } item && item["name"] is { Kind: ValueKind.String } n ? n.StringValue : null;
            AddDocument(role, items[i], $"{role.Resource.Name}.inlinePolicies[{i}].policy",
                $"inline policy \"{name ?? i.ToString(System.Globalization.CultureInfo.InvariantCulture)}\" of Role \"{role.Resource.Name}\"");
        }
    }

    private static void ReadManagedPolicyArns(StackIndex stack, IamPrincipal role)
    {
        var arns = Referenced(stack, role.Resource, "managedPolicyArns", PolicyType, out var unknown);
        foreach (var policy in arns)
        {
            AddCustomerPolicy(role, policy, "managedPolicyArns");
        }

        var value = role.Resource["managedPolicyArns"];
        if (unknown is not null && arns.Count == 0)
        {
            role.Unknowns.Add(unknown);
        }

        foreach (var item in value is { Kind: ValueKind.Array } ? value.Items : [])
        {
            if (item is { Kind: ValueKind.String, StringValue: { } arn } && AwsManagedPolicies.Statements(arn) is { } managed)
            {
                role.Documents.Add(new GrantingDocument($"AWS managed policy {AwsManagedPolicies.Name(arn)} via managedPolicyArns", managed, false));
            }
        }
    }

    private static void Attach(StackIndex stack, IamPrincipal principal, PulumiResource attachment)
    {
        var via = Label(attachment);
        var policies = Referenced(stack, attachment, "policyArn", PolicyType, out var unknown);
        foreach (var policy in policies)
        {
            AddCustomerPolicy(principal, policy, via);
        }

        if (policies.Count > 0)
        {
            return;
        }

        if (unknown is not null)
        {
            principal.Unknowns.Add(unknown);
        }
        else if (KnownString(attachment, "policyArn") is { } arn && AwsManagedPolicies.Statements(arn) is { } managed)
        {
            principal.Documents.Add(new GrantingDocument($"AWS managed policy {AwsManagedPolicies.Name(arn)} via {via}", managed, false));
        }
    }

    private static void AddCustomerPolicy(IamPrincipal principal, PulumiResource policy, string via)
    {
        AddDocument(principal, policy, "policy", $"{Label(policy)} via {via}");
        principal.AttachedPolicies.Add(TargetOf(policy, "policy"));
    }

    private static void ReadBoundary(StackIndex stack, IamPrincipal principal)
    {
        var resource = principal.Resource;
        var policies = Referenced(stack, resource, "permissionsBoundary", PolicyType, out var unknown);
        if (policies.Count > 0)
        {
            var policy = policies[0];
            if (Read(principal, policy.Root, "policy", $"{policy.Name}.policy") is { } statements)
            {
                principal.Boundary = new GrantingDocument($"permissions boundary {Label(policy)}", statements, policy.Root.Find("policy")?.IsSecret == true);
            }
            else
            {
                principal.UnknownBoundary = $"{policy.Name}.policy";
            }
        }
        else if (unknown is not null)
        {
            principal.UnknownBoundary = unknown;
        }
        else if (KnownString(resource, "permissionsBoundary") is { } arn && AwsManagedPolicies.Statements(arn) is { } managed)
        {
            principal.Boundary = new GrantingDocument($"permissions boundary AWS managed policy {AwsManagedPolicies.Name(arn)}", managed, false);
        }
    }
}
