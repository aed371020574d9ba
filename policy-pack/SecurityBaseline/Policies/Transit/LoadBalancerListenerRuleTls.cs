using PolicyPack.Sdk.Engine;

namespace SecurityBaseline.Policies.Transit;

/// <summary>§3: rules on a plain-HTTP listener only redirect to HTTPS, so a rule cannot reopen what the listener's redirect closed.</summary>
public sealed class LoadBalancerListenerRuleTls : StackPolicy
{
    public static readonly PolicyDescriptor Rule = new()
    {
        Id = PolicyIds.LoadBalancerListenerRuleTls,
        Title = "Listener rules on plain-HTTP listeners only redirect to HTTPS",
        Description = "A listener rule attached to an HTTP listener must only redirect to HTTPS; forwarding, fixed responses or authentication over plain HTTP bypass the listener's own redirect.",
        Message = "A listener rule serves plain HTTP.",
        Control = "§3",
        Severity = Severity.High,
        ResourceTypes =
        [
            "aws:lb/listenerRule:ListenerRule",
            "aws:alb/listenerRule:ListenerRule",
            "aws:elasticloadbalancingv2/listenerRule:ListenerRule",
            "aws:applicationloadbalancing/listenerRule:ListenerRule",
        ],
        Help = "Attach the rule to the HTTPS listener instead, or make every `actions[]` entry `{ type: \"redirect\", redirect: { protocol: \"HTTPS\", port: \"443\", statusCode: \"HTTP_301\" } }`.",
        AbsentMeans = "A rule whose `listenerArn` names no listener of the stack (an imported listener) cannot be judged and passes; one whose `listenerArn` is unknown during a preview is not applicable. The listener's absent `protocol` means HTTP, as for the listener policy; `redirect.protocol` absent means `#{protocol}`, which stays HTTP — a violation.",
        Tags = ["load-balancer", "tls", "encryption-in-transit"],
    };

    public override PolicyDescriptor Descriptor => Rule;

    public override void Evaluate(StackContext context)
    {
        context.Each(context.Stack.OfType(Rule.ResourceTypes), rule =>
        {
            if (rule["listenerArn"] is { IsUnknown: true } && rule.PropertyDependencies.GetValueOrDefault("listenerArn") is not { Count: > 0 })
            {
                throw new UnknownValueException($"{rule.Name}.listenerArn");
            }

            foreach (var listener in context.Stack.Referenced(rule, "listenerArn").Where(r => LoadBalancerListeners.Types.Contains(r.Type, StringComparer.Ordinal)))
            {
                var protocol = LoadBalancerListeners.Protocol(listener.Root);
                if (protocol != "HTTP")
                {
                    continue;
                }

                var properties = rule.Root;
                var where = $"a rule of the plain-HTTP listener \"{listener.Name}\"";
                if (properties.ItemPaths("actions").Count == 0)
                {
                    context.Report(rule, $"no actions on {where}: it may only redirect to HTTPS.");
                    continue;
                }

                LoadBalancerListeners.CheckRedirectsToHttps(context, properties, "actions", where, message => context.Report(rule, message));
            }
        });
    }
}
