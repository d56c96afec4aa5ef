using System.Security.Cryptography;
using System.Text;
using Analytics.Api.Options;
using Microsoft.Extensions.Options;

namespace Analytics.Api.Auth;

/// <summary>
/// Looks a presented key up among the configured SHA-256 hashes (and the bootstrap admin key) in constant time per
/// entry, so response timing does not reveal how much of a key was right.
/// </summary>
public sealed class ApiKeyStore(IOptionsMonitor<AuthOptions> options)
{
    private Decoded? _decoded;

    /// <summary>The (name, role) of the key, or null when no configured key matches.</summary>
    public (string Name, ApiRole Role)? Find(string presentedKey)
    {
        var presented = SHA256.HashData(Encoding.UTF8.GetBytes(presentedKey));
        var keys = Keys();
        (string, ApiRole)? match = null;
        foreach (var (hash, name, role) in keys.Entries)
        {
            if (CryptographicOperations.FixedTimeEquals(presented, hash))
                match ??= (name, role);
        }
        if (keys.BootstrapAdmin is { } bootstrap && CryptographicOperations.FixedTimeEquals(presented, bootstrap))
            match ??= ("bootstrap-admin", ApiRole.Admin);
        return match;
    }

    // The configured hashes decoded once per configuration (every authenticated request looks a key up).
    private Decoded Keys()
    {
        var auth = options.CurrentValue;
        if (_decoded is { } decoded && ReferenceEquals(decoded.Options, auth)) return decoded;
        var entries = auth.ApiKeys.Select(e => (Convert.FromHexString(e.Sha256), e.Name, e.ParsedRole!.Value)).ToArray();
        var bootstrap = string.IsNullOrEmpty(auth.BootstrapAdminKey) ? null : SHA256.HashData(Encoding.UTF8.GetBytes(auth.BootstrapAdminKey));
        return _decoded = new Decoded(auth, entries, bootstrap);
    }

    private sealed record Decoded(AuthOptions Options, (byte[] Hash, string Name, ApiRole Role)[] Entries, byte[]? BootstrapAdmin);

    /// <summary>Lower-case hex SHA-256 of a key, the form <c>Auth:ApiKeys:*:Sha256</c> expects.</summary>
    public static string HashHex(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
}
