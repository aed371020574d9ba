using System.Globalization;

namespace PolicyPack.Sdk.Model;

/// <summary>A scalar read from a property that keeps its secret mark: decisions read <see cref="Value"/>; printing it gives "[secret]" for a secret.</summary>
/// <remarks>
/// Messages interpolate the <see cref="Shown"/> itself, never <see cref="Value"/>: a value that reaches a message this way cannot
/// print a secret, whichever policy builds the message.
/// </remarks>
public readonly record struct Shown(string Value, bool IsSecret)
{
    /// <summary>What a secret prints as.</summary>
    public const string SecretText = "[secret]";

    /// <summary>The text messages may print.</summary>
    public string Text => IsSecret ? SecretText : Value;

    /// <summary>A value that is not secret (a constant of the policy, a default).</summary>
    public static Shown Plain(string value) => new(value, false);

    /// <summary>A number read from a property, printed invariantly.</summary>
    public static Shown Number(double value, bool isSecret) => new(value.ToString(CultureInfo.InvariantCulture), isSecret);

    /// <summary>The same mark on a value derived from this one (a normalised protocol name).</summary>
    public Shown With(string derived) => new(derived, IsSecret);

    public override string ToString() => Text;
}
