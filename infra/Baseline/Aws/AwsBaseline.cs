using Baseline.Settings;
using Pulumi;
using AwsProvider = Pulumi.Aws;

namespace Baseline.Aws;

/// <summary>The AWS stack: keys first (everything else encrypts with them), then storage, audit logging, network, firewall and edge, and the account's security services.</summary>
public sealed class AwsBaseline : ComponentResource
{
    public AwsBaseline(string name, StackSettings settings, ComponentResourceOptions? options = null)
        : base("baseline:aws:AwsBaseline", name, options)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var child = new ComponentResourceOptions { Parent = this };
        var accountId = AwsProvider.GetCallerIdentity.Invoke().Apply(identity => identity.AccountId);

        Keys = new Keys($"{name}-keys", settings, accountId, child);
        Storage = new Storage($"{name}-storage", settings, accountId, Keys.KeyArn, child);
        Logging = new Logging($"{name}-logging", settings, accountId, Keys.KeyArn, Storage, child);
        Network = new Network($"{name}-network", settings, accountId, Keys.KeyArn, child);
        Firewall = new Firewall($"{name}-firewall", settings, Network.VpcId, child);
        Edge = new Edge($"{name}-edge", settings, Network, Firewall, Storage, child);

        // A second stack in the same account, or an account whose landing zone holds these, leaves them out (see StackSettings).
        if (settings.AccountSecurityServices)
        {
            AccountSecurity = new AccountSecurity($"{name}-account-security", settings, accountId, Storage, child);
        }

        RegisterOutputs();
    }

    public Keys Keys { get; }
    public Storage Storage { get; }
    public Logging Logging { get; }
    public Network Network { get; }
    public Firewall Firewall { get; }
    public Edge Edge { get; }

    /// <summary>Null when <see cref="StackSettings.AccountSecurityServices"/> is off.</summary>
    public AccountSecurity? AccountSecurity { get; }
}
