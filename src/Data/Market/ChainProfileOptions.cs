using System.ComponentModel.DataAnnotations;
using Analytics.Pricing.L2;

namespace Analytics.Data.Market;

/// <summary>One entry of the <c>Chains</c> section, keyed by chain id (<c>arbitrum-one</c>, ...).</summary>
public sealed class ChainProfileOptions
{
    public const string SectionName = "Chains";

    [Required] public string Name { get; set; } = "";

    /// <summary><c>l1</c>, <c>optimistic</c> or <c>zk</c>.</summary>
    [Required] public string Rollup { get; set; } = "";

    [Range(0, 24 * 365)] public double WithdrawalDelayHours { get; set; }
    [Range(0.001, 3600)] public double BlockTimeSeconds { get; set; }
    [Range(0, 10_000)] public double GasCostUsd { get; set; }
    [Range(0, 86_400)] public double LiquidationLatencySeconds { get; set; }

    /// <summary>Where the defaults come from, with a date.</summary>
    [Required] public string Source { get; set; } = "";

    /// <summary>The immutable profile the numerics receive (never the options object itself).</summary>
    public ChainProfile ToProfile(string id) => new(
        id, Name, ParseRollup(Rollup), WithdrawalDelayHours, BlockTimeSeconds, GasCostUsd, LiquidationLatencySeconds, Source);

    internal static RollupKind ParseRollup(string rollup) => rollup switch
    {
        "l1" => RollupKind.L1,
        "optimistic" => RollupKind.Optimistic,
        "zk" => RollupKind.Zk,
        _ => throw new InvalidOperationException($"Unknown rollup '{rollup}'; use l1, optimistic or zk."),
    };
}
