using PolicyPack.Sdk.Engine;

namespace SecurityBaseline.Policies.LeastPrivilege;

/// <summary>§8: a role's trust policy names who may assume it; web-identity trust names the subject (repository, service account).</summary>
public sealed class IamRoleTrustRestricted : ResourcePolicy
{
    private const string WebIdentity = "sts:AssumeRoleWithWebIdentity";

    /// <summary>Identity pools are told apart by audience, not subject: Cognito's trust condition is the pool id in `…:aud`.</summary>
    private const string Cognito = "cognito-identity.amazonaws.com";

    public static readonly PolicyDescriptor Rule = new()
    {
        Id = PolicyIds.IamRoleTrustRestricted,
        Title = "Role trust policies name who may assume the role",
        Description = "An Allow statement of a role's assumeRolePolicy must not trust Principal \"*\" (or {\"AWS\": \"*\"}, or NotPrincipal) without a Condition that narrows the caller, and a web-identity trust (an OIDC provider such as token.actions.githubusercontent.com with sts:AssumeRoleWithWebIdentity) must test the token's subject (`<provider>:sub`) with StringEquals or StringLike against a value that is not just \"*\" or \"repo:*\".",
        Message = "Anyone, or any repository or workload of the identity provider, may assume the role.",
        Control = "§8",
        Severity = Severity.Critical,
        ResourceTypes = ["aws:iam/role:Role"],
        Help = "Trust named principals (`{\"AWS\": \"arn:aws:iam::123456789012:role/deployer\"}`, `{\"Service\": \"lambda.amazonaws.com\"}`), or limit `\"*\"` with `StringEquals` on `aws:PrincipalOrgID` / `aws:PrincipalAccount`. " +
               "For GitHub Actions add `\"StringEquals\": {\"token.actions.githubusercontent.com:sub\": \"repo:acme/app:ref:refs/heads/main\"}` (or `StringLike` `repo:acme/app:*`) next to the `:aud` test; for EKS test `<oidc-provider>:sub` against `system:serviceaccount:<namespace>:<name>`; for Cognito test `cognito-identity.amazonaws.com:aud` against the identity pool id.",
        AbsentMeans = "`assumeRolePolicy` is required by the provider; an empty one trusts nobody. Deny statements and SAML providers are not judged. " +
                      "A Condition counts for Principal \"*\" only when its operator and values narrow the caller (as in `resource-policy-not-public`). " +
                      "A subject test counts only with StringEquals, StringEqualsIgnoreCase or StringLike (optionally ForAnyValue:), values that are not wildcard-only, and for GitHub not `repo:*` or any value whose owner is a wildcard; `…IfExists`, `Not…` and `ForAllValues:` tests pass tokens without that subject. " +
                      "For `cognito-identity.amazonaws.com` the audience (`:aud`, the identity pool id) is the subject test.",
        Tags = ["iam", "least-privilege", "trust-policy", "oidc"],
    };

    public override PolicyDescriptor Descriptor => Rule;

    public override void Evaluate(ResourceContext context)
    {
        var secret = context.Resource["assumeRolePolicy"]?.IsSecret == true;
        context.Each(AccessPolicyDocument.Statements(context.Properties, "assumeRolePolicy").Where(s => s.Allows), statement =>
        {
            var label = IamGrants.Label(statement, secret);
            if (statement.IsForEveryone && !statement.RestrictsCaller)
            {
                context.Report($"assumeRolePolicy {label} trusts Principal \"*\" {statement.DescribeConditions(secret)}: any AWS identity of any account may assume the role.");
            }

            if (!statement.Actions.Any(a => IamGrants.Matches(a, WebIdentity)))
            {
                return;
            }

            foreach (var provider in statement.FederatedPrincipals.Where(p => !p.Contains(":saml-provider/", StringComparison.OrdinalIgnoreCase)))
            {
                var host = Host(provider);
                if (!TestsSubject(statement, host))
                {
                    var who = secret ? "a web-identity provider" : host;
                    context.Report($"assumeRolePolicy {label} trusts {who} for {WebIdentity} without a StringEquals/StringLike test of {(secret ? "the token subject" : $"{host}:{SubjectKey(host)}")} that names a subject: every repository or workload that provider issues tokens to may assume the role.");
                }
            }
        });
    }

    /// <summary>The provider's host as condition keys spell it: the part after `oidc-provider/` of the provider ARN, or the principal itself.</summary>
    private static string Host(string provider)
    {
        var marker = provider.IndexOf(":oidc-provider/", StringComparison.OrdinalIgnoreCase);
        return marker >= 0 ? provider[(marker + ":oidc-provider/".Length)..] : provider;
    }

    private static string SubjectKey(string host) => string.Equals(host, Cognito, StringComparison.OrdinalIgnoreCase) ? "aud" : "sub";

    /// <summary>True when a positive string test of `&lt;host&gt;:sub` admits only named subjects; throws while its values are unknown.</summary>
    private static bool TestsSubject(PolicyStatement statement, string host)
    {
        var key = $"{host}:{SubjectKey(host)}";
        foreach (var test in statement.ConditionTests.Where(t => string.Equals(t.Key, key, StringComparison.OrdinalIgnoreCase)))
        {
            var op = test.Operator.StartsWith("ForAnyValue:", StringComparison.OrdinalIgnoreCase) ? test.Operator["ForAnyValue:".Length..] : test.Operator;
            if (op is not ("StringEquals" or "StringEqualsIgnoreCase" or "StringLike"))
            {
                continue;
            }

            if (test.Values is null)
            {
                throw new UnknownValueException($"assumeRolePolicy.Statement[{statement.Index}].Condition.{test.Operator}.{test.Key}");
            }

            if (test.Values.Count > 0 && test.Values.All(NamesSubject))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>False for wildcard-only values and GitHub subjects whose owner is a wildcard (`repo:*`, `repo:*/app:*`).</summary>
    private static bool NamesSubject(string value)
    {
        if (value.Length == 0 || IamGrants.IsWildcardOnly(value) || value.Contains("${", StringComparison.Ordinal))
        {
            return false;
        }

        if (value.StartsWith("repo:", StringComparison.OrdinalIgnoreCase))
        {
            var owner = value["repo:".Length..].Split('/', ':')[0];
            return owner.Length > 0 && owner.AsSpan().IndexOfAny('*', '?') < 0;
        }

        return true;
    }
}
