using Analytics.Pricing.Margin;
using Microsoft.Extensions.Options;

namespace Analytics.Data.Margin;

/// <summary>The configured margin models as the numerics' immutable <see cref="MarginModel"/>s, by id; follows reloads.</summary>
public sealed class MarginModels
{
    private readonly IOptionsMonitor<MarginOptions> _options;
    private IReadOnlyList<MarginModel>? _all;

    /// <summary>Reads the <c>Margin</c> options; the list is built once per configuration.</summary>
    public MarginModels(IOptionsMonitor<MarginOptions> options)
    {
        _options = options;
        options.OnChange(_ => _all = null);
    }

    /// <summary>The add-on settings and the rest of the section.</summary>
    public MarginOptions Settings => _options.CurrentValue;

    /// <summary>Every model, by id.</summary>
    public IReadOnlyList<MarginModel> All => _all ??= [.. _options.CurrentValue.Models.Select(m => m.Value.ToModel(m.Key)).OrderBy(m => m.Id, StringComparer.Ordinal)];

    /// <summary>The model <paramref name="id"/> (case-insensitive), or null.</summary>
    public MarginModel? Find(string id) => All.FirstOrDefault(m => string.Equals(m.Id, id, StringComparison.OrdinalIgnoreCase));
}
