using System.Globalization;
using PolicyPack.Sdk.Engine;

namespace SecurityBaseline.Policies.LeastPrivilege;

/// <summary>§8: no IAM role, user or group of the stack can raise its own rights through a published escalation path, counting every document that reaches it.</summary>
public sealed class IamNoPrivilegeEscalation : StackPolicy
{
    public static readonly PolicyDescriptor Rule = new()
    {
        Id = PolicyIds.IamNoPrivilegeEscalation,
        Title = "No IAM principal can escalate its own privileges",
        Description = "Every IAM role, user and group, with all the inline, attached customer, AWS managed and group policies that reach it in the stack and within its permissions boundary, "
            + "must not hold the actions of a published privilege-escalation path (policy self-editing, PassRole to a compute service, credentials for other users, trust-policy edits, group membership).",
        Message = "The principal can raise its own privileges: the documents that reach it together grant a published escalation path.",
        Control = "§8",
        Severity = Severity.High,
        ResourceTypes = [IamPrincipals.RoleType, IamPrincipals.UserType, IamPrincipals.GroupType],
        Help = "Remove the actions the message names from the documents it names, or narrow their Resource to specific ARNs that are not the principal itself "
            + "(iam:PassRole to the one execution role a deployment needs; iam:CreateAccessKey on `arn:aws:iam::<account>:user/${aws:username}`), "
            + "or give the principal a permissions boundary (`permissionsBoundary`) that does not allow them.",
        AbsentMeans = "A principal with no document in the stack is granted nothing here (policies attached outside the stack are not seen). "
            + "Wildcards and NotAction are expanded against the pinned IAM action catalogue (docs/iam-action-catalogue.md); AWS managed policies are read from the table there, others attached by ARN grant nothing here. "
            + "An absent permissionsBoundary limits nothing; a boundary the stack does not declare and the table does not know is not read (limits nothing). "
            + "Conditions on Allow statements do not remove a path (some request meets them); only an unconditional Deny on every resource removes an action. "
            + "A document, attachment target, policy ARN or boundary unknown during preview leaves the principal not applicable, naming the value, unless a path is already granted by what is known.",
        Tags = ["iam", "least-privilege", "privilege-escalation"],
    };

    public override PolicyDescriptor Descriptor => Rule;

    public override void Evaluate(StackContext context)
    {
        var catalogue = IamActionCatalogue.Default;
        context.Each(IamPrincipals.Collect(context.Stack), principal =>
        {
            var judge = new EscalationJudge(principal, catalogue);
            var findings = judge.Findings();
            foreach (var finding in findings)
            {
                context.Report(principal.Resource, finding);
            }

            if (findings.Count == 0 && (judge.Undecided ?? principal.Unknowns.FirstOrDefault()) is { } unknown)
            {
                throw new UnknownValueException(unknown);
            }
        });
    }
}

/// <summary>Decides, for one principal, which escalation paths its documents grant.</summary>
internal sealed class EscalationJudge(IamPrincipal principal, IamActionCatalogue catalogue)
{
    /// <summary>The first value that kept a path from being decided, when one did.</summary>
    public string? Undecided { get; private set; }

    private string Subject => principal.Target.Label;

    public List<string> Findings()
    {
        var findings = new List<string>();
        if (principal.UnknownBoundary is { } boundary)
        {
            // The boundary could remove any path: decide nothing until it is known.
            Undecided = boundary;
            return findings;
        }

        if (principal.Boundary is null
            && principal.Documents.SelectMany(d => d.Statements.Where(IsEverything).Select(s => (d, s))).FirstOrDefault() is ({ } document, { } statement))
        {
            findings.Add($"{Subject} holds every action on every resource ({document.Label}, {statement.Label}), so every escalation path is open; "
                + "grant the actions its job needs instead.");
            return findings;
        }

        foreach (var path in EscalationPath.All.Where(p => p.Kinds.Contains(principal.Kind, StringComparer.Ordinal)))
        {
            var parts = new List<string>();
            string? undecided = null;
            foreach (var alternatives in path.Steps)
            {
                var (granted, unknown) = FirstGranted(alternatives);
                if (granted is null)
                {
                    undecided = unknown;
                    parts.Clear();
                    break;
                }

                parts.Add(granted);
            }

            if (parts.Count == path.Steps.Count)
            {
                findings.Add($"{Subject} can escalate its privileges by {path.Title} [{path.Id}]: {string.Join(" + ", parts)}.");
            }
            else if (undecided is not null)
            {
                Undecided ??= undecided;
            }
        }

        return findings;
    }

    private static bool IsEverything(PolicyStatement statement) =>
        statement.Allows && !statement.HasCondition && statement.Actions.Contains("*", StringComparer.Ordinal)
        && statement.Resources.Contains("*", StringComparer.Ordinal) && statement.NotResources.Count == 0;

    private (string? Granted, string? Unknown) FirstGranted(IReadOnlyList<EscalationStep> alternatives)
    {
        string? unknown = null;
        foreach (var step in alternatives)
        {
            var action = catalogue.Canonical(step.Action) ?? throw new InvalidOperationException($"{step.Action} is not in the IAM action catalogue");
            if (principal.Boundary is { } boundary && !Allows(boundary.Statements, action))
            {
                continue;
            }

            if (principal.Documents.Any(d => Denies(d.Statements, action)))
            {
                continue;
            }

            foreach (var document in principal.Documents)
            {
                foreach (var statement in document.Statements.Where(s => s.Allows && Covers(s, action)))
                {
                    var (reaches, undecided) = Reaches(statement, step, document);
                    if (reaches)
                    {
                        return (Describe(action, statement, document), null);
                    }

                    unknown ??= undecided;
                }
            }
        }

        return (null, unknown);
    }

    private static bool Covers(PolicyStatement statement, string action) =>
        statement.Actions.Count > 0 ? IamActionCatalogue.AnyMatches(statement.Actions, action)
        : statement.NotActions.Count > 0 && !IamActionCatalogue.AnyMatches(statement.NotActions, action);

    /// <summary>A boundary allows an action some Allow statement of it covers and no unconditional Deny removes.</summary>
    private static bool Allows(IReadOnlyList<PolicyStatement> boundary, string action) =>
        boundary.Any(s => s.Allows && Covers(s, action)) && !Denies(boundary, action);

    /// <summary>Only an unconditional Deny on every resource removes an action for sure; narrower denies leave the path open somewhere.</summary>
    private static bool Denies(IReadOnlyList<PolicyStatement> statements, string action) =>
        statements.Any(s => !s.Allows && !s.HasCondition && s.Resources.Contains("*", StringComparer.Ordinal) && Covers(s, action));

    private (bool Reaches, string? Unknown) Reaches(PolicyStatement statement, EscalationStep step, GrantingDocument document)
    {
        if (statement.UnknownParts.Count > 0)
        {
            return (false, $"{document.Label} {statement.UnknownParts[0]}");
        }

        if (statement.NotResources.Count > 0)
        {
            // Every resource but a few: the step's target is among the rest unless excluded by name, which paths do not rely on.
            return (true, null);
        }

        var resources = statement.Resources;
        switch (step.Scope)
        {
            case TargetScope.Any:
                return (resources.Count > 0, null);
            case TargetScope.Broad:
                return (resources.Any(r => IsBroad(r, step.Kind)), null);
            case TargetScope.Self:
                return CoversAny(resources, [principal.Target]);
            case TargetScope.OwnGroups:
                return CoversAny(resources, principal.Groups.Select(g => g.Target).ToArray());
            case TargetScope.AttachedPolicies:
                return resources.Any(r => IsBroad(r, "policy")) ? (true, null) : CoversAny(resources, principal.AttachedPolicies);
            case TargetScope.OtherUsers:
                return (resources.Any(r => IsBroad(r, "user") || IsOtherUser(r)), null);
            default:
                throw new InvalidOperationException($"unhandled scope {step.Scope}");
        }
    }

    /// <summary>True for `*` and for ARN patterns that match any name of the kind (`arn:aws:iam::*:role/*`), never for policy variables alone.</summary>
    private static bool IsBroad(string pattern, string kind)
    {
        if (pattern == "*")
        {
            return true;
        }

        var parts = pattern.Split(':', 6);
        if (parts.Length != 6 || !Wildcard.Matches(parts[2], "iam", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var resource = parts[5];
        return resource.AsSpan().IndexOfAny('*', '?') >= 0
               && (Wildcard.Matches(resource, $"{kind}/any-name-at-all", StringComparison.Ordinal)
                   || Wildcard.Matches(resource, $"{kind}/any-path/any-name-at-all", StringComparison.Ordinal));
    }

    /// <summary>True for a pattern naming a user that is not the principal itself (`${aws:username}` is the caller itself).</summary>
    private bool IsOtherUser(string pattern)
    {
        if (pattern.Contains("${", StringComparison.Ordinal) || !pattern.Contains(":user/", StringComparison.Ordinal))
        {
            return false;
        }

        return principal.Kind != "user" || !Matches(pattern, principal.Target).GetValueOrDefault(true);
    }

    private (bool Reaches, string? Unknown) CoversAny(IReadOnlyList<string> patterns, IReadOnlyList<IamTarget> targets)
    {
        string? unknown = null;
        foreach (var pattern in patterns)
        {
            foreach (var target in targets)
            {
                switch (Matches(pattern, target))
                {
                    case true:
                        return (true, null);
                    case null:
                        unknown ??= $"{target.Label}.arn";
                        break;
                }
            }
        }

        return (false, unknown);
    }

    /// <summary>Whether a Resource pattern names the target: by ARN when known, else by kind and name; null while neither is known.</summary>
    private bool? Matches(string pattern, IamTarget target)
    {
        if (pattern.Contains("${aws:username}", StringComparison.OrdinalIgnoreCase))
        {
            // The variable is the calling user's name: it names the principal itself and nobody else.
            if (principal.Kind != "user" || principal.Target.Name is not { } self)
            {
                return principal.Kind != "user" ? false : null;
            }

            pattern = pattern.Replace("${aws:username}", self, StringComparison.OrdinalIgnoreCase);
        }

        if (pattern == "*")
        {
            return true;
        }

        if (target.Arn is { } arn)
        {
            return Wildcard.Matches(pattern, arn, StringComparison.Ordinal);
        }

        var parts = pattern.Split(':', 6);
        if (parts.Length != 6 || !parts[5].StartsWith($"{target.Kind}/", StringComparison.Ordinal))
        {
            return false;
        }

        var name = parts[5][(parts[5].LastIndexOf('/') + 1)..];
        return target.Name is { } known ? Wildcard.Matches(name, known, StringComparison.Ordinal) : null;
    }

    private string Describe(string action, PolicyStatement statement, GrantingDocument document)
    {
        var on = statement.NotResources.Count > 0
            ? $"every resource but {Quote(statement.NotResources, document.Secret)}"
            : Quote(statement.Resources, document.Secret);
        var through = statement.Actions.Count == 0
            ? string.Format(
                CultureInfo.InvariantCulture,
                " through NotAction {0} (every one of {1:N0} catalogue actions but {2:N0})",
                Quote(statement.NotActions, document.Secret),
                catalogue.Count,
                catalogue.Expand(statement.NotActions).Count())
            : string.Empty;
        return $"{action} on {on}{through} ({document.Label}, {statement.Label})";
    }

    private static string Quote(IReadOnlyList<string> values, bool secret) =>
        secret ? "[secret]" : string.Join(", ", values.Select(v => $"\"{v}\""));
}
