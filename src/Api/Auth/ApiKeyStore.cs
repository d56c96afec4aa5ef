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
    /// <summary>The (name, role) of the key, or null when no configured key matches.</summary>
    public (string Name, ApiRole Role)? Find(string presentedKey)
    {
        var presented = SHA256.HashData(Encoding.UTF8.GetBytes(presentedKey));
        var auth = options.CurrentValue;
        (string, ApiRole)? match = null;
        foreach (var entry in auth.ApiKeys)
        {
            if (CryptographicOperations.FixedTimeEquals(presented, Convert.FromHexString(entry.Sha256)))
                match ??= (entry.Name, entry.Role);
        }
        if (!string.IsNullOrEmpty(auth.BootstrapAdminKey) &&
            CryptographicOperations.FixedTimeEquals(presented, SHA256.HashData(Encoding.UTF8.GetBytes(auth.BootstrapAdminKey))))
            match ??= ("bootstrap-admin", ApiRole.Admin);
        return match;
    }

    /// <summary>Lower-case hex SHA-256 of a key, the form <c>Auth:ApiKeys:*:Sha256</c> expects.</summary>
    public static string HashHex(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
}
