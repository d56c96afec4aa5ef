using System.Collections.Immutable;

namespace Analytics.Pricing.Margin;

/// <summary>
/// A configured margin model (PRODUCT.md §3.5): either a venue's per-position <see cref="StandardMarginModel"/> or a
/// scenario <see cref="PortfolioMarginModel"/>. Immutable.
/// </summary>
/// <param name="Id">Model id as requests name it, e.g. <c>deribit-standard</c>.</param>
/// <param name="Venue">The venue whose rules it reproduces, e.g. <c>deribit</c>.</param>
/// <param name="Description">What it is, in one sentence.</param>
/// <param name="Source">Where its parameters come from (URL) and when they were read.</param>
/// <param name="Assumptions">Readings chosen where the venue's documentation is ambiguous or silent.</param>
/// <param name="ClaimedConfidence">The confidence the venue claims its maintenance margin covers, or null when it states none.</param>
public abstract record MarginModel(string Id, string Venue, string Description, string Source, ImmutableArray<string> Assumptions, double? ClaimedConfidence)
{
    /// <summary><c>standard</c> or <c>portfolio</c>.</summary>
    public abstract string Kind { get; }
}

/// <summary>Per-underlying rules of a <see cref="StandardMarginModel"/>; a null rule means the venue lists no such instrument.</summary>
/// <param name="Options">Short-option rule, or null.</param>
/// <param name="Perpetuals">Perpetual-future rule, or null.</param>
public sealed record UnderlyingMarginRules(OptionMarginRule? Options, LinearMarginRule? Perpetuals);

/// <summary>
/// A venue's standard margin: each position margined alone (no offsets) and the requirements summed. Options by
/// <see cref="OptionMarginRule"/>, perpetuals by <see cref="LinearMarginRule"/>, spot holdings and collateral need none.
/// </summary>
/// <param name="Id">Model id.</param>
/// <param name="Venue">Venue.</param>
/// <param name="Description">What it is.</param>
/// <param name="Source">Where its parameters come from.</param>
/// <param name="Assumptions">Readings chosen.</param>
/// <param name="ClaimedConfidence">Claimed confidence, or null.</param>
/// <param name="Rules">Rules per underlying symbol; the key <c>*</c> applies to any underlying not listed.</param>
public sealed record StandardMarginModel(
    string Id, string Venue, string Description, string Source, ImmutableArray<string> Assumptions, double? ClaimedConfidence,
    ImmutableSortedDictionary<string, UnderlyingMarginRules> Rules)
    : MarginModel(Id, Venue, Description, Source, Assumptions, ClaimedConfidence)
{
    /// <inheritdoc/>
    public override string Kind => "standard";

    /// <summary>The rules of <paramref name="underlying"/> (or the <c>*</c> fallback), or null.</summary>
    public UnderlyingMarginRules? RulesOf(string underlying) =>
        Rules.TryGetValue(underlying, out var rules) ? rules : Rules.GetValueOrDefault("*");
}

/// <summary>
/// A scenario (portfolio) margin: each underlying's positions and coin collateral are revalued on a grid of spot moves ×
/// vol shocks (the shared scenario engine), plus, for an underlying with options (or any, when
/// <see cref="ExtendedWithoutOptions"/>), extended spot moves under the largest upward vol shock whose loss counts only
/// for its fraction (<see cref="ExtendedLossFractions"/>, else <see cref="ExtendedLossFraction"/>; Deribit's extended table is
/// "meant to account for large short options positions", Derive's tail scenarios apply to every book), plus the
/// <see cref="SkewShocks"/> at unchanged spot, each expiry's P&amp;L counted as a loss whichever its sign, and the
/// <see cref="BasisContingency"/>. With a <see cref="StaticDiscount"/>, each expiry's shocked option value is scaled by it
/// in every scenario. The worst loss L per underlying (each settlement currency or market margined apart, as Deribit's
/// segregated and Derive's per-market portfolio margin do) gives maintenance margin <see cref="MaintenanceLossFactor"/>·L
/// plus the underlying's <see cref="Contingencies"/>, and initial margin <see cref="InitialMultiple"/>·<see cref="MaintenanceLossFactor"/>·L
/// plus the maintenance and initial contingencies; summed over underlyings.
/// </summary>
/// <param name="Id">Model id.</param>
/// <param name="Venue">Venue.</param>
/// <param name="Description">What it is.</param>
/// <param name="Source">Where its parameters come from.</param>
/// <param name="Assumptions">Readings chosen.</param>
/// <param name="ClaimedConfidence">Claimed confidence, or null.</param>
/// <param name="SpotMoves">Relative spot moves of the core grid, each &gt; −1 (Deribit: −16 % to +16 % in 9 buckets).</param>
/// <param name="VolShocks">Vol shocks of the core grid (include a zero shock for "vol unchanged").</param>
/// <param name="ExtendedMoves">Relative spot moves of the extended table (may be empty).</param>
/// <param name="ExtendedLossFraction">Fraction of an extended scenario's loss that counts (the dampener), in [0, 1].</param>
/// <param name="InitialMultiple">Initial ÷ maintenance margin of the scaled worst loss, ≥ 1 (contingencies aside).</param>
public sealed record PortfolioMarginModel(
    string Id, string Venue, string Description, string Source, ImmutableArray<string> Assumptions, double? ClaimedConfidence,
    ImmutableArray<double> SpotMoves, ImmutableArray<VolShock> VolShocks, ImmutableArray<double> ExtendedMoves,
    double ExtendedLossFraction, double InitialMultiple)
    : MarginModel(Id, Venue, Description, Source, Assumptions, ClaimedConfidence)
{
    /// <inheritdoc/>
    public override string Kind => "portfolio";

    /// <summary>Per extended move, the fraction of its loss that counts (Derive's dampening factors); empty: <see cref="ExtendedLossFraction"/> for each.</summary>
    public ImmutableArray<double> ExtendedLossFractions { get; init; } = [];

    /// <summary>Whether the extended moves also run for an underlying held without options (Derive: yes; Deribit: no).</summary>
    public bool ExtendedWithoutOptions { get; init; }

    /// <summary>Maintenance margin ÷ the worst loss, &gt; 0 (Derive's <c>mmFactor</c> 0.8; 1 for Deribit and Aevo).</summary>
    public double MaintenanceLossFactor { get; init; } = 1.0;

    /// <summary>Skew shocks at unchanged spot (may be empty).</summary>
    public ImmutableArray<SkewShock> SkewShocks { get; init; } = [];

    /// <summary>Scaling of each expiry's shocked option value, or null for none.</summary>
    public StaticDiscount? StaticDiscount { get; init; }

    /// <summary>The basis contingency, or null for none.</summary>
    public BasisContingency? BasisContingency { get; init; }

    /// <summary>Contingency fractions per underlying symbol; the key <c>*</c> applies to any underlying not listed; empty: none.</summary>
    public ImmutableSortedDictionary<string, PortfolioContingency> Contingencies { get; init; } = ImmutableSortedDictionary<string, PortfolioContingency>.Empty;

    /// <summary>The contingency fractions of <paramref name="underlying"/> (or the <c>*</c> fallback), or null.</summary>
    public PortfolioContingency? ContingencyOf(string underlying) =>
        Contingencies.TryGetValue(underlying, out var rates) ? rates : Contingencies.GetValueOrDefault("*");

    /// <summary>The fraction of extended move <paramref name="index"/>'s loss that counts.</summary>
    public double ExtendedFraction(int index) => ExtendedLossFractions.IsDefaultOrEmpty ? ExtendedLossFraction : ExtendedLossFractions[index];

    /// <summary>The shock the extended table uses: the largest upward one, or null when there is none.</summary>
    public VolShock? ExtendedShock => VolShocks.Where(v => v.Size > 0).OrderByDescending(v => v.Size).FirstOrDefault();
}
