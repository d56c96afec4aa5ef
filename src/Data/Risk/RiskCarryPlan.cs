using System.Collections.Immutable;
using System.Globalization;
using Analytics.Data.Market;

namespace Analytics.Data.Risk;

/// <summary>
/// The carry of every underlying of a risk run: the request's choices (<paramref name="Requested"/>, per underlying, upper
/// case) over the configured defaults. <see cref="Resolve"/> turns a choice into the carry used, given the snapshot that
/// read the funding windows (PRODUCT.md §3.4 item 1).
/// </summary>
/// <param name="Defaults">The configured defaults.</param>
/// <param name="Requested">Choices given by the request, per underlying.</param>
public sealed record RiskCarryPlan(RiskCarryDefaults Defaults, ImmutableSortedDictionary<string, CarryChoice> Requested)
{
    /// <summary>The configured defaults alone.</summary>
    public static RiskCarryPlan Of(RiskCarryDefaults defaults) => new(defaults, ImmutableSortedDictionary<string, CarryChoice>.Empty);

    /// <summary>The choice for <paramref name="underlying"/>.</summary>
    public CarryChoice ChoiceFor(string underlying) => Defaults.ChoiceFor(underlying, Requested);

    /// <summary>
    /// The carry of <paramref name="underlying"/>: funding from the snapshot's funding carry of the chosen window; when
    /// the snapshot lacks it, rates carry b = r − q with the choice's rate, and a note saying why; rates and explicit as given.
    /// </summary>
    public CarryUsed Resolve(string underlying, MarketSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var choice = ChoiceFor(underlying);
        string by = Requested.ContainsKey(underlying) ? "requested" : "configured (Risk:Carry)";
        var rates = Invariant($"b = r − q = {choice.Rate} − {choice.DividendYield}");
        switch (choice.Source)
        {
            case CarrySource.Explicit:
                return new CarryUsed("explicit", choice.CostOfCarry ?? 0.0, choice.Rate, null, null, null, null, Invariant($"{by}: b = {choice.CostOfCarry ?? 0.0} given"));
            case CarrySource.Rates:
                return new CarryUsed("rates", choice.Rate - choice.DividendYield, choice.Rate, null, null, null, null, $"{by}: {rates}");
        }

        var window = choice.Window!.Value;
        var from = snapshot.AsOfUtc.AddHours(-window.LookbackHours);
        if (snapshot.FundingCarry.TryGetValue(window, out double funding))
        {
            return new CarryUsed("funding", funding, choice.Rate, window.Venue, window.Market, from, snapshot.AsOfUtc,
                Invariant($"{by}: annualised time-weighted mean funding of {window.Venue} {window.Market} over the {window.LookbackHours} h ending at the valuation instant"));
        }

        var why = snapshot.Missing.FirstOrDefault(m => m.Kind == "funding" && m.Key == $"{window.Venue} {window.Market}")?.Reason
                  ?? $"no funding carry of {window.Venue} {window.Market}.";
        return new CarryUsed("rates", choice.Rate - choice.DividendYield, choice.Rate, window.Venue, window.Market, from, snapshot.AsOfUtc,
            $"{by} funding carry unavailable, fell back to rates carry {rates}: {why}");
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
