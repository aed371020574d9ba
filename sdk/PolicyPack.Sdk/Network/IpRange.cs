using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Numerics;

namespace PolicyPack.Sdk.Network;

/// <summary>An IPv4 or IPv6 CIDR block (a bare address is a /32 or /128), with proper containment.</summary>
public readonly record struct IpRange(AddressFamily Family, UInt128 First, UInt128 Last, int PrefixLength)
{
    public static IpRange AnyIPv4 { get; } = Parse("0.0.0.0/0");
    public static IpRange AnyIPv6 { get; } = Parse("::/0");

    public bool IsIPv6 => Family == AddressFamily.InterNetworkV6;

    /// <summary>True when the block spans the whole address space of its family.</summary>
    public bool IsEverything => PrefixLength == 0;

    public static IpRange Parse(string text) =>
        TryParse(text, out var range) ? range : throw new FormatException($"\"{text}\" is not a CIDR block or IP address");

    public static bool TryParse(string? text, out IpRange range)
    {
        range = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var trimmed = text.Trim();
        var slash = trimmed.IndexOf('/', StringComparison.Ordinal);
        var addressText = slash < 0 ? trimmed : trimmed[..slash];
        if (!IPAddress.TryParse(addressText, out var address) || address.AddressFamily is not (AddressFamily.InterNetwork or AddressFamily.InterNetworkV6))
        {
            return false;
        }

        // IPAddress.TryParse accepts "10" or "10.1" as shorthand; a firewall rule never means that.
        if (address.AddressFamily == AddressFamily.InterNetwork && addressText.Count(c => c == '.') != 3)
        {
            return false;
        }

        var bits = address.AddressFamily == AddressFamily.InterNetwork ? 32 : 128;
        var prefix = bits;
        if (slash >= 0 && (!int.TryParse(trimmed[(slash + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out prefix) || prefix > bits))
        {
            return false;
        }

        var value = ToNumber(address.GetAddressBytes());
        var hostBits = bits - prefix;
        var hostMask = hostBits == 128 ? UInt128.MaxValue : (UInt128.One << hostBits) - 1;
        var first = value & ~hostMask;
        range = new IpRange(address.AddressFamily, first, first | hostMask, prefix);
        return true;
    }

    /// <summary>True when every address of <paramref name="other"/> lies inside this block (same family only).</summary>
    public bool Contains(IpRange other) => Family == other.Family && First <= other.First && other.Last <= Last;

    public bool Overlaps(IpRange other) => Family == other.Family && First <= other.Last && other.First <= Last;

    /// <summary>The number of addresses in the block.</summary>
    public BigInteger Size => (BigInteger)(Last - First) + 1;

    public override string ToString()
    {
        var bytes = new byte[IsIPv6 ? 16 : 4];
        var value = First;
        for (var i = bytes.Length - 1; i >= 0; i--)
        {
            bytes[i] = (byte)(value & 0xFF);
            value >>= 8;
        }

        return $"{new IPAddress(bytes)}/{PrefixLength.ToString(CultureInfo.InvariantCulture)}";
    }

    private static UInt128 ToNumber(byte[] bytes)
    {
        UInt128 value = 0;
        foreach (var b in bytes)
        {
            value = (value << 8) | b;
        }

        return value;
    }
}
