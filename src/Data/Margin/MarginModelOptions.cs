using System.Collections.Immutable;
using Analytics.Pricing.Margin;

namespace Analytics.Data.Margin;

/// <summary>
/// One entry of <c>Margin:Models</c>. <c>type</c> <c>standard</c> reads <see cref="Underlyings"/>; <c>portfolio</c> reads
/// the grid (<see cref="SpotMoves"/>, <see cref="VolShocks"/>, <see cref="ExtendedMoves"/>, <see cref="ExtendedLossFraction"/>
/// or <see cref="ExtendedLossFractions"/>, <see cref="ExtendedWithoutOptions"/>, <see cref="InitialMultiple"/>,
/// <see cref="MaintenanceLossFactor"/>) and the optional Derive-style terms (<see cref="SkewShocks"/>,
/// <see cref="StaticDiscount"/>, <see cref="BasisContingency"/>, <see cref="Contingencies"/>). Every model names its
/// <see cref="Source"/> (URL) and <see cref="SourceDate"/>, and lists the readings chosen where the venue's documentation is
/// ambiguous or silent under <see cref="Assumptions"/>.
/// </summary>
public sealed class MarginModelOptions
{
    public string Type { get; set; } = "";
    public string Venue { get; set; } = "";
    public string Description { get; set; } = "";
    public string Source { get; set; } = "";
    public string SourceDate { get; set; } = "";
    public List<string> Assumptions { get; set; } = [];
    public double? ClaimedConfidence { get; set; }
    public Dictionary<string, UnderlyingRuleOptions> Underlyings { get; set; } = new(StringComparer.Ordinal);
    public List<double> SpotMoves { get; set; } = [];
    public List<VolShockOptions> VolShocks { get; set; } = [];
    public List<double> ExtendedMoves { get; set; } = [];
    public double ExtendedLossFraction { get; set; }
    public List<double> ExtendedLossFractions { get; set; } = [];
    public bool ExtendedWithoutOptions { get; set; }
    public double InitialMultiple { get; set; } = 1;
    public double MaintenanceLossFactor { get; set; } = 1;
    public List<SkewShockOptions> SkewShocks { get; set; } = [];
    public StaticDiscountOptions? StaticDiscount { get; set; }
    public BasisContingencyOptions? BasisContingency { get; set; }
    public Dictionary<string, ContingencyOptions> Contingencies { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The immutable model the numerics receive.</summary>
    /// <exception cref="ArgumentException">An entry is missing or out of range (the message names it).</exception>
    public MarginModel ToModel(string id)
    {
        if (string.IsNullOrWhiteSpace(id) || id != id.ToLowerInvariant()) throw new ArgumentException($"the id '{id}' must be lower case.");
        if (string.IsNullOrWhiteSpace(Venue)) throw new ArgumentException("Venue is required.");
        if (string.IsNullOrWhiteSpace(Source) || string.IsNullOrWhiteSpace(SourceDate)) throw new ArgumentException("Source (URL) and SourceDate are required.");
        if (ClaimedConfidence is { } c && !(c is > 0.5 and < 1)) throw new ArgumentException($"ClaimedConfidence {c} must be in (0.5, 1).");
        string source = $"{Source} (read {SourceDate})";
        ImmutableArray<string> assumptions = [.. Assumptions];
        switch (Type)
        {
            case "standard":
                if (Underlyings.Count == 0) throw new ArgumentException("Underlyings: a standard model needs rules for at least one underlying (or '*').");
                var rules = ImmutableSortedDictionary.CreateBuilder<string, UnderlyingMarginRules>(StringComparer.Ordinal);
                foreach (var (symbol, rule) in Underlyings)
                    rules[symbol.ToUpperInvariant()] = rule.ToRules($"Underlyings:{symbol}");
                return new StandardMarginModel(id, Venue, Description, source, assumptions, ClaimedConfidence, rules.ToImmutable());
            case "portfolio":
                if (SpotMoves.Count == 0 || SpotMoves.Any(m => !(m > -1 && m < 100)))
                    throw new ArgumentException("SpotMoves: give at least one relative move, each in (−1, 100).");
                if (VolShocks.Count == 0) throw new ArgumentException("VolShocks: give at least one (size 0 for 'vol unchanged').");
                if (ExtendedMoves.Any(m => !(m > -1 && m < 100))) throw new ArgumentException("ExtendedMoves: each must be in (−1, 100).");
                if (!(ExtendedLossFraction is >= 0 and <= 1)) throw new ArgumentException($"ExtendedLossFraction {ExtendedLossFraction} must be in [0, 1].");
                if (ExtendedLossFractions.Count > 0 && ExtendedLossFractions.Count != ExtendedMoves.Count)
                    throw new ArgumentException($"ExtendedLossFractions: give one per extended move ({ExtendedMoves.Count}), or none.");
                if (ExtendedLossFractions.Any(f => !(f is >= 0 and <= 10))) throw new ArgumentException("ExtendedLossFractions: each must be in [0, 10].");
                if (!(MaintenanceLossFactor is > 0 and <= 10)) throw new ArgumentException($"MaintenanceLossFactor {MaintenanceLossFactor} must be in (0, 10].");
                if (!(InitialMultiple is >= 1 and <= 10)) throw new ArgumentException($"InitialMultiple {InitialMultiple} must be in [1, 10].");
                var shocks = VolShocks.Select((v, i) => v.ToShock($"VolShocks:{i}")).ToImmutableArray();
                return new PortfolioMarginModel(id, Venue, Description, source, assumptions, ClaimedConfidence,
                    [.. SpotMoves], shocks, [.. ExtendedMoves], ExtendedLossFraction, InitialMultiple)
                {
                    ExtendedLossFractions = [.. ExtendedLossFractions],
                    ExtendedWithoutOptions = ExtendedWithoutOptions,
                    MaintenanceLossFactor = MaintenanceLossFactor,
                    SkewShocks = [.. SkewShocks.Select((k, i) => Build($"SkewShocks:{i}", k.ToShock))],
                    StaticDiscount = StaticDiscount is { } d ? Build("StaticDiscount", d.ToDiscount) : null,
                    BasisContingency = BasisContingency is { } b ? Build("BasisContingency", b.ToContingency) : null,
                    Contingencies = Contingencies.ToImmutableSortedDictionary(c => c.Key.ToUpperInvariant(),
                        c => Build($"Contingencies:{c.Key}", c.Value.ToContingency), StringComparer.Ordinal),
                };
            default:
                throw new ArgumentException($"Type '{Type}' must be standard or portfolio.");
        }
    }

    /// <summary>Builds a validated record, naming <paramref name="path"/> and the parameter when it is out of range.</summary>
    internal static T Build<T>(string path, Func<string, T> build)
    {
        try
        {
            return build(path);
        }
        catch (ArgumentOutOfRangeException e)
        {
            throw new ArgumentException($"{path}: {e.ParamName} {e.ActualValue}: {e.Message.Split(" (Parameter")[0]}", e);
        }
    }
}

/// <summary>Rules of one underlying in a standard model; <see cref="Source"/> says where they come from.</summary>
public sealed class UnderlyingRuleOptions
{
    public OptionRuleOptions? Options { get; set; }
    public PerpRuleOptions? Perps { get; set; }
    public string Source { get; set; } = "";

    internal UnderlyingMarginRules ToRules(string path)
    {
        if (Options is null && Perps is null) throw new ArgumentException($"{path}: give Options, Perps or both.");
        if (string.IsNullOrWhiteSpace(Source)) throw new ArgumentException($"{path}:Source is required (URL and date).");
        try
        {
            return new UnderlyingMarginRules(
                Options is { } o ? new OptionMarginRule(o.InitialMaxSpotFraction, o.InitialMinSpotFraction, o.CallMaintenanceSpotFraction,
                    o.PutMaintenanceSpotFraction, o.PutMaintenanceMarkFraction, o.PutInitialMarkScale) : null,
                Perps is { } p ? new LinearMarginRule(p.InitialFraction, p.MaintenanceFraction, p.IncreasePerUnit,
                    p.OpenInterestUsd, p.OpenInterestLowerCapUsd, p.OpenInterestUpperCapUsd) : null);
        }
        catch (ArgumentOutOfRangeException e)
        {
            throw new ArgumentException($"{path}: {e.ParamName} {e.ActualValue}: {e.Message.Split(" (Parameter")[0]}", e);
        }
    }
}

/// <summary>A short-option rule (see <see cref="OptionMarginRule"/>); <see cref="Reading"/> states an ambiguous parameter's reading.</summary>
public sealed class OptionRuleOptions
{
    public double InitialMaxSpotFraction { get; set; }
    public double InitialMinSpotFraction { get; set; }
    public double CallMaintenanceSpotFraction { get; set; }
    public double PutMaintenanceSpotFraction { get; set; }
    public double PutMaintenanceMarkFraction { get; set; }
    public double PutInitialMarkScale { get; set; } = 1;
    public string? Reading { get; set; }
}

/// <summary>A perpetual rule (see <see cref="LinearMarginRule"/>).</summary>
public sealed class PerpRuleOptions
{
    public double InitialFraction { get; set; }
    public double MaintenanceFraction { get; set; }
    public double IncreasePerUnit { get; set; }
    public double? OpenInterestUsd { get; set; }
    public double? OpenInterestLowerCapUsd { get; set; }
    public double? OpenInterestUpperCapUsd { get; set; }
    public string? Reading { get; set; }
}

/// <summary>A vol shock of a portfolio grid (see <see cref="VolShock"/>).</summary>
public sealed class VolShockOptions
{
    public string Name { get; set; } = "";
    public double Size { get; set; }
    public bool Relative { get; set; }
    public double ReferenceDays { get; set; } = 30;
    public double TenorPower { get; set; }
    public double? LongTenorPower { get; set; }
    public double MinimumDays { get; set; } = 1;
    public double MinimumVol { get; set; }

    internal VolShock ToShock(string path)
    {
        if (string.IsNullOrWhiteSpace(Name)) throw new ArgumentException($"{path}:Name is required.");
        if (!(Size is > -1 and < 10) || !(ReferenceDays > 0) || !(TenorPower is >= 0 and <= 2) || !(MinimumDays > 0)
            || LongTenorPower is { } p && !(p is >= 0 and <= 2) || !(MinimumVol is >= 0 and <= 10))
            throw new ArgumentException($"{path} ({Name}): Size in (−1, 10), ReferenceDays > 0, TenorPower and LongTenorPower in [0, 2], MinimumDays > 0, MinimumVol in [0, 10].");
        return new VolShock(Name, Size, Relative, ReferenceDays, TenorPower, MinimumDays) { LongTenorPower = LongTenorPower, MinimumVol = MinimumVol };
    }
}
