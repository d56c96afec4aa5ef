using Analytics.Pricing.Margin;

namespace Analytics.Data.Margin;

/// <summary>A skew shock of a portfolio model (see <see cref="SkewShock"/>); <c>kind</c> is <c>linear</c> or <c>abs</c>.</summary>
public sealed class SkewShockOptions
{
    public string Name { get; set; } = "";
    public string Kind { get; set; } = "";
    public double BaseCap { get; set; }
    public double CapPerSqrtYear { get; set; }
    public double MinKStar { get; set; }
    public double WidthScale { get; set; }
    public double VolParamStatic { get; set; }
    public double VolParamPerSqrtYear { get; set; }
    public double LossFraction { get; set; } = 1;
    public string? Reading { get; set; }

    internal SkewShock ToShock(string path)
    {
        if (string.IsNullOrWhiteSpace(Name)) throw new ArgumentException($"{path}:Name is required.");
        if (Kind is not ("linear" or "abs")) throw new ArgumentException($"{path} ({Name}): Kind '{Kind}' must be linear or abs.");
        return new SkewShock(Name, Kind == "linear", BaseCap, CapPerSqrtYear, MinKStar, WidthScale, VolParamStatic, VolParamPerSqrtYear)
        {
            LossFraction = LossFraction,
        };
    }
}

/// <summary>The static discount of a portfolio model (see <see cref="StaticDiscount"/>).</summary>
public sealed class StaticDiscountOptions
{
    public double LongBase { get; set; } = 1;
    public double ShortBase { get; set; } = 1;
    public double LongRateScale { get; set; }
    public double ShortRateScale { get; set; }
    public double LongAddRate { get; set; }
    public double ShortAddRate { get; set; }
    public string? Reading { get; set; }

    internal StaticDiscount ToDiscount(string path) => new(LongBase, ShortBase, LongRateScale, ShortRateScale, LongAddRate, ShortAddRate);
}

/// <summary>The basis contingency of a portfolio model (see <see cref="BasisContingency"/>).</summary>
public sealed class BasisContingencyOptions
{
    public double UpMove { get; set; }
    public double DownMove { get; set; }
    public double AddFactor { get; set; }
    public double PerYearFactor { get; set; }
    public string? Reading { get; set; }

    internal BasisContingency ToContingency(string path) => new(UpMove, DownMove, AddFactor, PerYearFactor);
}

/// <summary>Contingency fractions of one underlying in a portfolio model (see <see cref="PortfolioContingency"/>); <see cref="Source"/> says where they come from.</summary>
public sealed class ContingencyOptions
{
    public double PerpMaintenanceFraction { get; set; }
    public double PerpInitialFraction { get; set; }
    public double NakedShortMaintenanceFraction { get; set; }
    public double NakedShortInitialFraction { get; set; }
    public double CoinMaintenanceFraction { get; set; }
    public double CoinInitialFraction { get; set; }
    public string Source { get; set; } = "";
    public string? Reading { get; set; }

    internal PortfolioContingency ToContingency(string path)
    {
        if (string.IsNullOrWhiteSpace(Source)) throw new ArgumentException($"{path}:Source is required (URL and date).");
        return new PortfolioContingency(PerpMaintenanceFraction, PerpInitialFraction, NakedShortMaintenanceFraction, NakedShortInitialFraction,
            CoinMaintenanceFraction, CoinInitialFraction);
    }
}
