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
            + "after explicit Deny statements and `iam:PassedToService` conditions, must not hold the actions of a published privilege-escalation path (policy self-editing, PassRole to a compute service, credentials for other users, trust-policy edits, group membership).",
        Message = "The principal can raise its own privileges: the documents that reach it together grant a published escalation path.",
        Control = "§8",
        Severity = Severity.High,
        ResourceTypes = [IamPrincipals.RoleType, IamPrincipals.UserType, IamPrincipals.GroupType],
        Help = "Remove the actions the message names from the documents it names, or narrow their Resource to specific ARNs that are not the principal itself "
            + "(iam:PassRole to the one execution role a deployment needs; iam:CreateAccessKey on `arn:aws:iam::<account>:user/${aws:username}`), "
            + "limit iam:PassRole with a Condition on `iam:PassedToService` to the one service the job passes roles to, "
            + "add an unconditional Deny of the actions on every resource (`*`, `arn:aws:iam::*:role/*`), "
            + "or give the principal a permissions boundary (`permissionsBoundary`) that does not allow them.",
        AbsentMeans = "A principal with no document in the stack is granted nothing here (policies attached outside the stack are not seen). "
            + "Wildcards and NotAction are expanded against the pinned IAM action catalogue (docs/iam-action-catalogue.md); AWS managed policies are read from the table there, others attached by ARN grant nothing here. "
            + "As in IAM's evaluation, a step needs an Allow in the principal's documents and, when it has a permissionsBoundary, an Allow in the boundary on the same resources, and an explicit Deny (in either) wins. "
            + "A Deny removes a step only where it surely applies: on `*`, on every role/user/group/policy of the account (`arn:aws:iam::*:role/*`) or on the principal's own ARN; a Deny on some roles (`role/admin-*`) leaves PassRole on the others. "
            + "Conditions: `iam:PassedToService` is evaluated (PassRole limited to `ecs-tasks.amazonaws.com` completes the ECS path, not the Lambda one); every other condition narrows how the principal calls (MFA, source IP, region, tags), which an insider can meet, "
            + "so it never removes an Allow and a Deny under it removes nothing. A Deny whose resources the pack cannot decide removes nothing. "
            + "An absent permissionsBoundary limits nothing; a boundary the stack does not declare and the table does not know is not read (limits nothing, the finding stays). "
            + "A document, attachment target, policy ARN or boundary unknown during preview, or the principal's ARN where a Deny names it by account or partition, leaves the principal not applicable, naming the value, unless a path is already granted by what is known.",
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

/// <summary>A resource a step's action may be used on, as the judge reasons about it.</summary>
/// <param name="Kind">The IAM kind (`role`, `user`, `group`, `policy`), or `*` for any resource of the action.</param>
/// <param name="Every">True for "a resource of the kind the principal picks": only a grant on every one of the kind reaches it, only a Deny on every one removes it.</param>
/// <param name="Target">A resource of the stack: the principal itself, its group, a policy attached to it.</param>
/// <param name="Named">A user ARN (pattern) an Allow names, for credentials of other users.</param>
internal sealed record Witness(string Kind, bool Every, IamTarget? Target = null, string? Named = null);

/// <summary>Decides, for one principal, which escalation paths its documents grant.</summary>
/// <remarks>
/// IAM's evaluation for one principal (AWS IAM User Guide, "Policy evaluation logic"): a request is allowed when an identity
/// policy allows it, the permissions boundary (if any) allows it too, and no Deny in either applies; an explicit Deny wins.
/// So a step is open when some Allow reaches a resource the path can use, the boundary reaches that resource as well, and no Deny
/// surely covers it. "Surely" is the rule for Deny throughout: a Deny whose resources or conditions the pack cannot decide
/// removes nothing, so no principal passes on a guess.
/// </remarks>
internal sealed class EscalationJudge(IamPrincipal principal, IamActionCatalogue catalogue)
{
    /// <summary>The first value that kept a path from being decided, when one did.</summary>
    public string? Undecided { get; private set; }

    private string Subject => principal.Target.Label;

    /// <summary>The principal's ARN fields (partition, account) when its ARN is known.</summary>
    private string[]? OwnArn => principal.Target.Arn?.Split(':', 6) is { Length: 6 } parts ? parts : null;

    /// <summary>Every Deny that applies to the principal: in its documents and in its boundary.</summary>
    private IEnumerable<(GrantingDocument Document, PolicyStatement Statement)> Denies =>
        principal.Documents.Concat(principal.Boundary is { } b ? [b] : [])
            .SelectMany(d => d.Statements.Where(s => !s.Allows).Select(s => (d, s)));

    public List<string> Findings()
    {
        var findings = new List<string>();
        if (principal.UnknownBoundary is { } boundary)
        {
            // The boundary could remove any path: decide nothing until it is known.
            Undecided = boundary;
            return findings;
        }

        if (principal.Boundary is null && !Denies.Any()
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
                var (granted, unknown) = FirstGranted(path, alternatives);
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

    /// <summary>The service principals the path's iam:PassRole request may carry: the `.cn` form too when the principal is in aws-cn.</summary>
    private IReadOnlyList<string> PassedTo(EscalationPath path) =>
        path.PassedTo is not { } service ? []
        : OwnArn is [_, "aws-cn", ..] ? [service, $"{service}.cn"]
        : [service];

    private (string? Granted, string? Unknown) FirstGranted(EscalationPath path, IReadOnlyList<EscalationStep> alternatives)
    {
        string? unknown = null;
        var services = PassedTo(path);
        foreach (var step in alternatives)
        {
            var action = catalogue.Canonical(step.Action) ?? throw new InvalidOperationException($"{step.Action} is not in the IAM action catalogue");
            foreach (var document in principal.Documents)
            {
                foreach (var statement in document.Statements.Where(s => s.Allows && Covers(s, action)))
                {
                    var (condition, test) = RequestConditions.Evaluate(statement, action, services);
                    if (condition == ConditionOutcome.Fails)
                    {
                        // iam:PassedToService names other services: this grant cannot pass the role where the path needs it.
                        continue;
                    }

                    if (condition == ConditionOutcome.Unknown)
                    {
                        unknown ??= $"{document.Label} {statement.Label}.{test}";
                        continue;
                    }

                    var (witnesses, undecided) = Witnesses(statement, step, document);
                    unknown ??= undecided;
                    foreach (var witness in witnesses)
                    {
                        var (open, blocked) = Open(witness, action, services);
                        if (open)
                        {
                            return (Describe(action, statement, document), null);
                        }

                        unknown ??= blocked;
                    }
                }
            }
        }

        return (null, unknown);
    }

    private static bool Covers(PolicyStatement statement, string action) =>
        statement.Actions.Count > 0 ? IamActionCatalogue.AnyMatches(statement.Actions, action)
        : statement.NotActions.Count > 0 && !IamActionCatalogue.AnyMatches(statement.NotActions, action);

    /// <summary>The resources an Allow statement lets the step use (NotResource: every resource but a few, which paths do not rely on).</summary>
    private (List<Witness> Witnesses, string? Unknown) Witnesses(PolicyStatement statement, EscalationStep step, GrantingDocument document)
    {
        var witnesses = new List<Witness>();
        string? unknown = statement.UnknownParts.Count > 0 ? $"{document.Label} {statement.UnknownParts[0]}" : null;
        var resources = statement.NotResources.Count > 0 || statement.HasNotResource ? ["*"] : statement.Resources;
        switch (step.Scope)
        {
            case TargetScope.Any when resources.Count > 0:
                witnesses.Add(new Witness("*", Every: true));
                break;
            case TargetScope.Broad when resources.Any(r => IsBroad(r, step.Kind)):
                witnesses.Add(new Witness(step.Kind, Every: true));
                break;
            case TargetScope.Self:
                AddTargets(witnesses, resources, [principal.Target], ref unknown);
                break;
            case TargetScope.OwnGroups:
                AddTargets(witnesses, resources, principal.Groups.Select(g => g.Target).ToArray(), ref unknown);
                break;
            case TargetScope.AttachedPolicies:
                if (resources.Any(r => IsBroad(r, "policy")))
                {
                    witnesses.Add(new Witness("policy", Every: true));
                }

                AddTargets(witnesses, resources, principal.AttachedPolicies, ref unknown);
                break;
            case TargetScope.OtherUsers:
                if (resources.Any(r => IsBroad(r, "user")))
                {
                    witnesses.Add(new Witness("user", Every: true));
                }

                witnesses.AddRange(resources.Where(IsOtherUser).Select(r => new Witness("user", Every: false, Named: r)));
                break;
        }

        return (witnesses, witnesses.Count > 0 ? null : unknown);
    }

    private void AddTargets(List<Witness> witnesses, IReadOnlyList<string> patterns, IReadOnlyList<IamTarget> targets, ref string? unknown)
    {
        foreach (var target in targets)
        {
            var (reaches, undecided) = CoversAny(patterns, [target]);
            if (reaches)
            {
                witnesses.Add(new Witness(target.Kind, Every: false, Target: target));
            }

            unknown ??= undecided;
        }
    }

    /// <summary>Whether the step stays open on the resource: the boundary reaches it too and no Deny surely covers it; else what left it undecided.</summary>
    private (bool Open, string? Unknown) Open(Witness witness, string action, IReadOnlyList<string> services)
    {
        string? unknown = null;
        if (principal.Boundary is { } boundary)
        {
            var allowed = false;
            foreach (var statement in boundary.Statements.Where(s => s.Allows && Covers(s, action)))
            {
                var (condition, test) = RequestConditions.Evaluate(statement, action, services);
                if (condition == ConditionOutcome.Fails)
                {
                    continue;
                }

                if (condition == ConditionOutcome.Unknown)
                {
                    unknown ??= $"{boundary.Label} {statement.Label}.{test}";
                    continue;
                }

                var reaches = BoundaryReaches(statement, witness);
                if (reaches == true)
                {
                    allowed = true;
                    break;
                }

                if (reaches is null)
                {
                    unknown ??= statement.UnknownParts.Count > 0 ? $"{boundary.Label} {statement.UnknownParts[0]}" : $"{witness.Target?.Label ?? Subject}.arn";
                }
            }

            if (!allowed)
            {
                return (false, unknown);
            }
        }

        foreach (var (document, statement) in Denies.Where(d => Covers(d.Statement, action)))
        {
            var (condition, test) = RequestConditions.Evaluate(statement, action, services);
            if (condition == ConditionOutcome.Unknown)
            {
                unknown ??= $"{document.Label} {statement.Label}.{test}";
                continue;
            }

            if (condition != ConditionOutcome.Holds)
            {
                // A Deny that applies only sometimes (another service, no MFA, another network) leaves the insider a way round it.
                continue;
            }

            var covers = DenyCovers(statement, witness, action);
            if (covers == true)
            {
                return (false, null);
            }

            if (covers is null)
            {
                unknown ??= statement.UnknownParts.Count > 0 ? $"{document.Label} {statement.UnknownParts[0]}" : $"{witness.Target?.Label ?? Subject}.arn";
            }
        }

        return unknown is null ? (true, null) : (false, unknown);
    }

    /// <summary>Whether a boundary Allow reaches the resource; generous like the identity side (a path is never dropped on a guess).</summary>
    private bool? BoundaryReaches(PolicyStatement statement, Witness witness)
    {
        if (statement.NotResources.Count > 0 || statement.HasNotResource)
        {
            return !(witness.Target?.Arn is { } arn && statement.NotResources.Any(p => Wildcard.Matches(p, arn, StringComparison.Ordinal)));
        }

        bool? result = false;
        foreach (var pattern in statement.Resources)
        {
            bool? reaches = witness switch
            {
                { Kind: "*", Every: true } => true,
                { Every: true } => IsBroad(pattern, witness.Kind),
                { Target: { } target } => Matches(pattern, target),
                { Named: { } named } => IsBroad(pattern, "user") || Wildcard.Matches(pattern, named, StringComparison.Ordinal) || HasWildcard(named),
                _ => false,
            };
            if (reaches == true)
            {
                return true;
            }

            result = reaches is null ? null : result;
        }

        return statement.UnknownParts.Count > 0 ? null : result;
    }

    /// <summary>Whether a Deny surely covers the resource: true only when it does for every value the resource may take; null while an ARN is unknown.</summary>
    private bool? DenyCovers(PolicyStatement statement, Witness witness, string action)
    {
        if (statement.NotResources.Count > 0 || statement.HasNotResource)
        {
            if (statement.UnknownParts.Count > 0)
            {
                return null;
            }

            if (witness.Target is { Arn: { } arn })
            {
                return !statement.NotResources.Any(p => Wildcard.Matches(p, arn, StringComparison.Ordinal));
            }

            // Every IAM resource of the kind is denied when the exclusions name no IAM resource at all (`NotResource: arn:aws:s3:::logs/*`).
            return witness.Every && witness.Kind != "*" && statement.NotResources.All(p => !MayNameIam(p));
        }

        bool? result = false;
        foreach (var pattern in statement.Resources)
        {
            var covers = DenyPatternCovers(pattern, witness, action);
            if (covers == true)
            {
                return true;
            }

            result = covers is null ? null : result;
        }

        return statement.UnknownParts.Count > 0 ? null : result;
    }

    private bool? DenyPatternCovers(string pattern, Witness witness, string action)
    {
        if (pattern == "*")
        {
            return true;
        }

        switch (witness)
        {
            case { Kind: "*", Every: true }:
                return CoversEveryResourceOf(pattern, action);
            case { Every: true }:
                return CoversEveryOfKind(pattern, witness.Kind);
            case { Target: { } target }:
                if (pattern.Contains("${aws:username}", StringComparison.OrdinalIgnoreCase) && principal.Kind == "user" && principal.Target.Name is { } self)
                {
                    pattern = pattern.Replace("${aws:username}", self, StringComparison.OrdinalIgnoreCase);
                }

                if (pattern.Contains("${", StringComparison.Ordinal))
                {
                    // Another policy variable: its value depends on the request; not surely this resource.
                    return false;
                }

                if (target.Arn is { } arn)
                {
                    return Wildcard.Matches(pattern, arn, StringComparison.Ordinal);
                }

                return CoversEveryOfKind(pattern, target.Kind) is var every && every == true ? true
                    : MayNameIam(pattern) ? null : false;
            case { Named: { } named }:
                return CoversEveryOfKind(pattern, "user") == true
                       || string.Equals(pattern, named, StringComparison.Ordinal)
                       || (!HasWildcard(named) && !named.Contains("${", StringComparison.Ordinal) && Wildcard.Matches(pattern, named, StringComparison.Ordinal));
            default:
                return false;
        }
    }

    /// <summary>True for an ARN pattern naming every IAM resource of the kind in the principal's account (`arn:aws:iam::*:role/*`); null while that depends on the principal's unknown ARN.</summary>
    private bool? CoversEveryOfKind(string pattern, string kind)
    {
        var parts = pattern.Split(':', 6);
        if (parts.Length != 6 || parts[0] != "arn" || !Wildcard.Matches(parts[2], "iam", StringComparison.OrdinalIgnoreCase)
            || !Wildcard.Matches(parts[3], string.Empty, StringComparison.Ordinal) || !CoversEveryName(parts[5], $"{kind}/"))
        {
            return false;
        }

        return OwnField(parts, 1) & OwnField(parts, 4);
    }

    /// <summary>True for an ARN pattern naming every resource the action can take (`arn:aws:lambda:*:*:*`); sts:AssumeRole acts on IAM roles.</summary>
    private bool? CoversEveryResourceOf(string pattern, string action)
    {
        var service = action[..action.IndexOf(':', StringComparison.Ordinal)];
        service = service == "sts" ? "iam" : service;
        var parts = pattern.Split(':', 6);
        if (parts.Length != 6 || parts[0] != "arn" || !Wildcard.Matches(parts[2], service, StringComparison.OrdinalIgnoreCase)
            || !(IsEveryValue(parts[3]) || (service == "iam" && parts[3].Length == 0)) || !IsEveryValue(parts[5]))
        {
            return false;
        }

        return OwnField(parts, 1) & OwnField(parts, 4);
    }

    /// <summary>Whether an ARN pattern's partition or account field matches the principal's own; null while its ARN is unknown.</summary>
    private bool? OwnField(string[] parts, int index) =>
        IsEveryValue(parts[index]) ? true
        : OwnArn is { } own ? Wildcard.Matches(parts[index], own[index], StringComparison.Ordinal)
        : null;

    /// <summary>True when the resource part (`role/*`, `*`, `ro*`) matches every name under <paramref name="prefix"/>: a literal start of it, then only `*`.</summary>
    private static bool CoversEveryName(string resource, string prefix)
    {
        var star = resource.IndexOf('*', StringComparison.Ordinal);
        return star >= 0 && resource[star..].All(c => c == '*') && !resource[..star].Contains('?', StringComparison.Ordinal)
               && prefix.StartsWith(resource[..star], StringComparison.Ordinal);
    }

    /// <summary>False only for a pattern that surely names no IAM resource (another service's ARN).</summary>
    private static bool MayNameIam(string pattern)
    {
        var parts = pattern.Split(':', 6);
        return parts.Length != 6 || Wildcard.Matches(parts[2], "iam", StringComparison.OrdinalIgnoreCase);
    }

    private static bool IsEveryValue(string field) => field.Contains('*', StringComparison.Ordinal) && field.All(c => c is '*' or '?') && !field.Contains('?', StringComparison.Ordinal);

    private static bool HasWildcard(string value) => value.AsSpan().IndexOfAny('*', '?') >= 0;

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
