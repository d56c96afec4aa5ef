using Analytics.Pricing.L2;
using Microsoft.Extensions.Options;

namespace Analytics.Data.Market;

/// <summary>
/// The configured chain (blockchain) profiles as the numerics' immutable <see cref="ChainProfile"/>s, Ethereum L1 first.
/// A singleton that follows configuration reloads; usable from the API and from jobs.
/// </summary>
public sealed class ChainProfiles
{
    private readonly IOptionsMonitor<ChainsOptions> _options;
    private IReadOnlyList<ChainProfile>? _all;

    /// <summary>Reads the <c>Chains</c> options; the sorted list is built once per configuration, not per call.</summary>
    public ChainProfiles(IOptionsMonitor<ChainsOptions> options)
    {
        _options = options;
        options.OnChange(_ => _all = null);
    }

    /// <summary>Every configured profile: Ethereum L1 first, then by id.</summary>
    public IReadOnlyList<ChainProfile> All => _all ??= _options.CurrentValue
        .Select(c => c.Value.ToProfile(c.Key))
        .OrderBy(p => p.Rollup != RollupKind.L1)
        .ThenBy(p => p.Id, StringComparer.Ordinal)
        .ToList();

    /// <summary>
    /// The profile configured under <paramref name="id"/> in any case (<c>Arbitrum-One</c> finds <c>arbitrum-one</c>), with
    /// its configured id, or null.
    /// </summary>
    public ChainProfile? Find(string id)
    {
        var options = _options.CurrentValue;
        if (options.TryGetValue(id, out var profile)) return profile.ToProfile(id);
        var key = options.Keys.FirstOrDefault(k => string.Equals(k, id.Trim(), StringComparison.OrdinalIgnoreCase));
        return key is null ? null : options[key].ToProfile(key);
    }
}
