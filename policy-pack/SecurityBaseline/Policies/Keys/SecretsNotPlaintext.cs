using PolicyPack.Sdk.Engine;
using PolicyPack.Sdk.Model;

namespace SecurityBaseline.Policies.Keys;

/// <summary>§7: passwords, tokens and secret payloads reach the provider as Pulumi secrets, never as plaintext.</summary>
public sealed class SecretsNotPlaintext : ResourcePolicy
{
    public static readonly PolicyDescriptor Rule = new()
    {
        Id = PolicyIds.SecretsNotPlaintext,
        Title = "Secrets are Pulumi secrets, never plaintext",
        Description = "Password, token and secret-payload inputs must be Pulumi secrets so that they are encrypted in state and never shown in previews or logs.",
        Message = "A secret input is set in plaintext.",
        Control = "§7",
        Severity = Severity.Critical,
        ResourceTypes = [.. SecretInputs.ByType.Keys, .. SecretSettings.ByType.Keys],
        Help = "Store the value as a secret (`pulumi config set --secret <key> <value>` and read it with `config.RequireSecret`), or wrap it with `Output.CreateSecret(...)`; better, let the service manage it (`manageMasterUserPassword: true` on RDS). A secret that was ever committed, logged or stored in plaintext is exposed and must be rotated (§7).",
        AbsentMeans = "An absent secret input holds no secret: compliant. An empty string holds none either. App settings, connection strings and environment variables (web and function apps, container groups, ECS task definitions, Lambda functions) fail when a secret-looking name (password, secret, token, api key, connection string, private key, …) has a plaintext value, or when a value is itself a credential (an AWS access key id, a private key, a connection string with Password= / AccountKey=, a URL with a password); a Pulumi secret, a Key Vault reference (`@Microsoft.KeyVault(...)`) or a Secrets Manager / SSM ARN passes. A value redacted as a secret (\"[secret]\" in a preview, ciphertext in an export) is compliant; an unknown value is checked again when known.",
        Tags = ["secrets", "credentials"],
    };

    public override PolicyDescriptor Descriptor => Rule;

    public override void Evaluate(ResourceContext context)
    {
        if (SecretSettings.ByType.TryGetValue(context.Resource.Type, out var settings))
        {
            foreach (var input in settings)
            {
                SecretSettings.Check(context, input);
            }
        }

        if (!SecretInputs.ByType.TryGetValue(context.Resource.Type, out var inputs))
        {
            return;
        }

        context.Each(inputs, input =>
        {
            // A known deciding input settles it; an unknown one matters only when the value is plaintext.
            var decidingKnown = input.WhenPath is null || context.Properties.Find(input.WhenPath) is not { IsUnknown: true };
            if (decidingKnown && !Applies(context.Properties, input))
            {
                return;
            }

            if (HoldsPlaintext(context.Properties, input.Path) && Applies(context.Properties, input))
            {
                // Name the property only: the value is the secret.
                context.Report($"{input.Path} is set in plaintext: it must be a Pulumi secret (`pulumi config set --secret`, `Output.CreateSecret`). Treat the value as exposed and rotate it (§7).");
            }
        });
    }

    private static bool Applies(PropertyValue root, SecretInput input) =>
        input.WhenPath is null || root.GetString(input.WhenPath) == input.WhenValue;

    /// <summary>True when the input holds a value that is not marked secret; throws when that cannot be known yet.</summary>
    private static bool HoldsPlaintext(PropertyValue root, string path)
    {
        // Walk by hand: a secret (or redacted) parent makes everything beneath it secret, where Find would call it unknown.
        var current = root;
        var walked = string.Empty;
        foreach (var name in path.Split('.'))
        {
            walked = walked.Length == 0 ? name : $"{walked}.{name}";
            current = current[name];
            if (current is null || current.IsNull || current.IsSecret)
            {
                return false;
            }

            if (current.IsUnknown)
            {
                throw new UnknownValueException(walked);
            }
        }

        return IsPlaintext(current, path);
    }

    private static bool IsPlaintext(PropertyValue value, string path)
    {
        if (value.IsSecret || value.IsNull)
        {
            return false;
        }

        return value.Kind switch
        {
            ValueKind.Unknown => throw new UnknownValueException(path),
            ValueKind.String => value.StringValue!.Length > 0,
            ValueKind.Array => AnyPlaintext(value.Items.Select((item, i) => (item, $"{path}[{i}]"))),
            ValueKind.Object => AnyPlaintext(value.Fields.Select(f => (f.Value, $"{path}.{f.Key}"))),
            _ => true,
        };
    }

    /// <summary>True when any part is plaintext; an unknown part only matters when no other part is plaintext.</summary>
    private static bool AnyPlaintext(IEnumerable<(PropertyValue Value, string Path)> parts)
    {
        UnknownValueException? unknown = null;
        foreach (var (value, path) in parts)
        {
            try
            {
                if (IsPlaintext(value, path))
                {
                    return true;
                }
            }
            catch (UnknownValueException e)
            {
                unknown ??= e;
            }
        }

        return unknown is null ? false : throw unknown;
    }
}
