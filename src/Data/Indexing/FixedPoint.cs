using System.Numerics;

namespace Analytics.Data.Indexing;

/// <summary>The contract's 18-decimal fixed point to .NET numbers, exactly where the target type allows.</summary>
public static class FixedPoint
{
    public const int Decimals = 18;
    private static readonly BigInteger Scale = BigInteger.Pow(10, Decimals);

    /// <summary>Raw 18-decimal integer → decimal (exact to 18 places); null when the value exceeds decimal's range.</summary>
    public static decimal? ToDecimal(BigInteger raw)
    {
        var whole = BigInteger.DivRem(raw, Scale, out var fraction);
        if (BigInteger.Abs(whole) > new BigInteger(decimal.MaxValue / 10)) return null;
        // The fraction has at most 18 digits: it fits a decimal exactly, and so does its quotient by 10^18.
        return (decimal)whole + (decimal)fraction / 1_000_000_000_000_000_000m;
    }

    /// <summary>Raw 18-decimal integer → double (nearest).</summary>
    public static double ToDouble(BigInteger raw) => (double)ToDecimalOrDouble(raw);

    private static double ToDecimalOrDouble(BigInteger raw) => ToDecimal(raw) is { } d ? (double)d : (double)raw / 1e18;

    /// <summary>Left-aligned zero-padded ASCII in a bytes32 → string; null when it is empty or holds a non-printable byte.</summary>
    public static string? Bytes32Text(byte[] value)
    {
        var end = Array.IndexOf(value, (byte)0);
        if (end < 0) end = value.Length;
        if (end == 0) return null;
        for (var i = 0; i < value.Length; i++)
        {
            if (i < end && value[i] is < 0x21 or > 0x7e) return null;
            if (i >= end && value[i] != 0) return null; // bytes after the padding start: not a padded string
        }
        return System.Text.Encoding.ASCII.GetString(value, 0, end);
    }
}
