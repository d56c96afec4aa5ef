using System.Collections.Immutable;
using Analytics.Pricing.ImpliedVol;
using Analytics.Pricing.Market;

namespace Analytics.Pricing.Surfaces;

/// <summary>
/// From quotes to smile points (PRODUCT.md §3.2): groups one underlying's quotes by expiry, fixes each expiry's
/// forward (the venue's forward when quoted; else a robust put-call parity regression,
/// <see cref="PutCallParityForward"/>; else the caller's carry model), converts premiums in the underlying to USD
/// (premium × forward), drops unusable quotes with a typed <see cref="QuoteDropReason"/>, and solves Black-76 implied
/// vols of bid, ask and mid with <see cref="ImpliedVolatility.SolveBlack76"/> (Jäckel, "Let's Be Rational", 2015).
/// </summary>
/// <remarks>Tenor T is Act/365F from the as-of instant to the expiry instant. Stateless, pure and thread-safe.</remarks>
public static class SurfaceQuotePreparer
{
    /// <summary>The largest |r| a parity regression's discount factor may imply before it is taken as noise.</summary>
    private const double MaximumParityRatePerYear = 1.0;

    /// <summary>Act/365F year fraction from <paramref name="asOfUtc"/> to <paramref name="expiryUtc"/>.</summary>
    /// <param name="asOfUtc">Valuation instant.</param>
    /// <param name="expiryUtc">Expiry instant.</param>
    /// <returns>Years, negative when the expiry is in the past.</returns>
    public static double TenorYears(DateTimeOffset asOfUtc, DateTimeOffset expiryUtc) =>
        YearFraction.Act365F(asOfUtc, expiryUtc);

    /// <summary>Turns quotes into smiles per expiry.</summary>
    /// <param name="quotes">Quotes of one underlying at <paramref name="asOfUtc"/>.</param>
    /// <param name="asOfUtc">Valuation instant.</param>
    /// <param name="options">Filters and conventions; null for <see cref="QuoteFilterOptions.Default"/>.</param>
    /// <returns>Smiles by ascending expiry and the dropped-quote counts per reason.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="quotes"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The rate is not finite.</exception>
    public static PreparedQuotes Prepare(
        IReadOnlyList<SurfaceQuote> quotes, DateTimeOffset asOfUtc, QuoteFilterOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(quotes);
        options ??= QuoteFilterOptions.Default;
        Guard.Finite(options.RatePerYear, nameof(options));
        var dropped = new SortedDictionary<QuoteDropReason, int>();
        void Drop(QuoteDropReason reason, int count = 1)
        {
            if (count > 0)
            {
                dropped[reason] = dropped.GetValueOrDefault(reason) + count;
            }
        }

        var byExpiry = new SortedDictionary<DateTimeOffset, List<SurfaceQuote>>();
        foreach (var quote in quotes)
        {
            var reason = Screen(quote, asOfUtc);
            if (reason is { } r)
            {
                Drop(r);
                continue;
            }

            if (!byExpiry.TryGetValue(quote.ExpiryUtc, out var list))
            {
                byExpiry[quote.ExpiryUtc] = list = [];
            }

            list.Add(quote);
        }

        var smiles = ImmutableArray.CreateBuilder<MarketSmile>();
        foreach (var (expiry, group) in byExpiry)
        {
            double tenor = TenorYears(asOfUtc, expiry);
            var (forward, source, discountFactor) = SliceForward(group, tenor, Math.Exp(-options.RatePerYear * tenor), options);
            if (!double.IsFinite(forward))
            {
                Drop(QuoteDropReason.NoForward, group.Count);
                continue;
            }

            var points = new List<SmilePoint>(group.Count);
            foreach (var quote in group)
            {
                var point = ToPoint(quote, forward, tenor, discountFactor, options, out var reason);
                if (reason is { } r)
                {
                    Drop(r);
                }
                else
                {
                    points.Add(point);
                }
            }

            if (options.OutOfTheMoneyOnly)
            {
                int before = points.Count;
                points = KeepOutOfTheMoney(points);
                Drop(QuoteDropReason.InTheMoneyDuplicate, before - points.Count);
            }

            points = ResolveOneSided(points, out int duplicates);
            Drop(QuoteDropReason.OneSidedDuplicate, duplicates);

            if (points.Select(p => p.Strike).Distinct().Count() < options.MinimumStrikesPerSlice)
            {
                Drop(QuoteDropReason.TooFewStrikesInSlice, points.Count);
                continue;
            }

            points.Sort((x, y) => x.LogMoneyness.CompareTo(y.LogMoneyness));
            smiles.Add(new MarketSmile(expiry, tenor, forward, source, discountFactor, [.. points]));
        }

        return new PreparedQuotes(asOfUtc, smiles.ToImmutable(), quotes.Count, dropped.ToImmutableSortedDictionary());
    }

    private static QuoteDropReason? Screen(SurfaceQuote quote, DateTimeOffset asOfUtc)
    {
        if (quote.ExpiryUtc <= asOfUtc)
        {
            return QuoteDropReason.Expired;
        }

        if (!IsPositive(quote.Strike) || !Enum.IsDefined(quote.Right) || !Enum.IsDefined(quote.PremiumCurrency)
            || quote.UnderlyingPrice is { } f && !IsPositive(f)
            || quote.Bid is { } b && (!double.IsFinite(b) || b < 0.0)
            || quote.Ask is { } a && (!double.IsFinite(a) || a < 0.0))
        {
            return QuoteDropReason.InvalidField;
        }

        return quote.Bid > 0.0 && quote.Ask > 0.0 && quote.Bid > quote.Ask ? QuoteDropReason.Crossed : null;
    }

    /// <summary>
    /// The slice's forward and discount factor. A parity regression fixes both (C − P = DF·(F − K)): its DF replaces
    /// e^{−rT} of the configured rate, so a USD-premium board with a non-zero rate (an equity index board) is neither
    /// mispriced by the forward nor by the discounting; a DF implying a rate beyond ±100 % a year is taken as noise.
    /// </summary>
    private static (double Forward, ForwardSource Source, double DiscountFactor) SliceForward(
        List<SurfaceQuote> group, double tenor, double discountFactor, QuoteFilterOptions options)
    {
        var venue = group.Where(q => q.UnderlyingPrice.HasValue).Select(q => q.UnderlyingPrice!.Value).ToArray();
        if (venue.Length > 0)
        {
            return (PutCallParityForward.Median(venue), ForwardSource.Venue, discountFactor);
        }

        // Parity over strikes with both rights; one currency per slice (the most common).
        var currency = group.GroupBy(q => q.PremiumCurrency).OrderByDescending(g => g.Count()).First().Key;
        var strikes = new List<double>();
        var differences = new List<double>();
        foreach (var atStrike in group.Where(q => q.PremiumCurrency == currency && q.Bid > 0.0 && q.Ask > 0.0).GroupBy(q => q.Strike))
        {
            var call = atStrike.FirstOrDefault(q => q.Right == OptionRight.Call);
            var put = atStrike.FirstOrDefault(q => q.Right == OptionRight.Put);
            if (call is not null && put is not null)
            {
                strikes.Add(atStrike.Key);
                differences.Add(0.5 * (call.Bid!.Value + call.Ask!.Value) - 0.5 * (put.Bid!.Value + put.Ask!.Value));
            }
        }

        if (strikes.Count >= options.MinimumParityPairs)
        {
            var estimate = PutCallParityForward.Estimate(strikes, differences, currency);
            if (estimate.IsEstimated)
            {
                bool plausible = IsPositive(estimate.DiscountFactor) && Math.Abs(Math.Log(estimate.DiscountFactor)) <= MaximumParityRatePerYear * tenor;
                return (estimate.Forward, ForwardSource.PutCallParity, plausible ? estimate.DiscountFactor : discountFactor);
            }
        }

        return options.CarryFallback is { } carry && IsPositive(carry.SpotUsd) && double.IsFinite(carry.CostOfCarry)
            ? (carry.Forward(tenor), ForwardSource.CarryModel, discountFactor)
            : (double.NaN, ForwardSource.CarryModel, discountFactor);
    }

    private static SmilePoint ToPoint(
        SurfaceQuote quote, double sliceForward, double tenor, double discountFactor, QuoteFilterOptions options,
        out QuoteDropReason? reason)
    {
        reason = null;
        double forward = quote.UnderlyingPrice ?? sliceForward;
        double toUsd = quote.PremiumCurrency == PremiumCurrency.Underlying ? forward : 1.0;
        double strike = quote.Strike;
        double venueVol = quote.VenueMarkVol is { } v && IsPositive(v) ? v : double.NaN;
        bool useMark = options.UseVenueMarkWhenOneSided && double.IsFinite(venueVol);
        double bidVol = double.NaN, askVol = double.NaN, midVol = double.NaN;
        if (quote.Ask is > 0.0 and var askPremium)
        {
            double ask = askPremium * toUsd;
            double upperBound = discountFactor * (quote.Right == OptionRight.Call ? forward : strike);
            if (ask >= upperBound
                || !ImpliedVolatility.TrySolveBlack76(ask, forward, strike, tenor, discountFactor, quote.Right, out askVol))
            {
                reason = QuoteDropReason.OutsideArbitrageBounds;
                return default;
            }

            if (quote.Bid is > 0.0 and var bidPremium)
            {
                double bid = bidPremium * toUsd, mid = 0.5 * (bid + ask);
                if ((ask - bid) > options.MaximumRelativeSpread * mid)
                {
                    reason = QuoteDropReason.SpreadTooWide;
                    return default;
                }

                // A bid at or below the discounted intrinsic value says nothing about the vol: the quote is one-sided.
                if (ImpliedVolatility.TrySolveBlack76(bid, forward, strike, tenor, discountFactor, quote.Right, out bidVol))
                {
                    if (!ImpliedVolatility.TrySolveBlack76(mid, forward, strike, tenor, discountFactor, quote.Right, out midVol))
                    {
                        bidVol = double.NaN;
                    }
                }
                else if (!useMark)
                {
                    reason = QuoteDropReason.OutsideArbitrageBounds;
                    return default;
                }
            }
        }
        else if (quote.Bid is > 0.0 and var bidOnly && useMark)
        {
            ImpliedVolatility.TrySolveBlack76(bidOnly * toUsd, forward, strike, tenor, discountFactor, quote.Right, out bidVol);
        }

        bool twoSided = double.IsFinite(bidVol) && double.IsFinite(askVol) && double.IsFinite(midVol);
        if (!twoSided && !useMark)
        {
            reason = quote.Bid is > 0.0 ? QuoteDropReason.NoAsk : QuoteDropReason.NoBid;
            return default;
        }

        double target = twoSided ? midVol : venueVol;
        double halfWidth = twoSided ? 0.5 * (askVol - bidVol) : OneSidedHalfWidth(bidVol, askVol, venueVol, options.MarkOnlyHalfWidthVol);
        double sqrtT = Math.Sqrt(tenor);
        double k = Math.Log(strike / forward);
        double d1 = -k / (target * sqrtT) + 0.5 * target * sqrtT;
        double vega = discountFactor * forward * sqrtT * Math.Exp(-0.5 * d1 * d1) / Math.Sqrt(2.0 * Math.PI);
        return new SmilePoint(strike, quote.Right, forward, k, bidVol, askVol, twoSided ? midVol : double.NaN, vega, venueVol,
            halfWidth, InQuotedRange: true);
    }

    /// <summary>The half-width of a one-sided point: the distance from the mark to the side it has, else the default.</summary>
    private static double OneSidedHalfWidth(double bidVol, double askVol, double markVol, double defaultHalfWidth)
    {
        if (double.IsFinite(askVol) && askVol > markVol)
        {
            return askVol - markVol;
        }

        return double.IsFinite(bidVol) && bidVol < markVol ? markVol - bidVol : defaultHalfWidth;
    }

    /// <summary>
    /// Keeps one point per strike among the one-sided ones (none where a two-sided point exists, else the narrowest) and
    /// flags each point as inside or outside the quoted range of the two-sided points.
    /// </summary>
    private static List<SmilePoint> ResolveOneSided(List<SmilePoint> points, out int duplicates)
    {
        var twoSidedStrikes = points.Where(p => p.IsTwoSided).Select(p => p.Strike).ToHashSet();
        var kept = points.Where(p => p.IsTwoSided).ToList();
        kept.AddRange(points.Where(p => !p.IsTwoSided && !twoSidedStrikes.Contains(p.Strike))
            .GroupBy(p => p.Strike).Select(g => g.MinBy(p => p.HalfWidthVol)));
        duplicates = points.Count - kept.Count;
        double from = double.PositiveInfinity, to = double.NegativeInfinity;
        foreach (var p in kept.Where(p => p.IsTwoSided))
        {
            from = Math.Min(from, p.LogMoneyness);
            to = Math.Max(to, p.LogMoneyness);
        }

        return kept.Select(p => p with { InQuotedRange = p.LogMoneyness >= from && p.LogMoneyness <= to }).ToList();
    }

    private static List<SmilePoint> KeepOutOfTheMoney(List<SmilePoint> points)
    {
        var kept = points.Where(p => !p.IsTwoSided).ToList();
        foreach (var atStrike in points.Where(p => p.IsTwoSided).GroupBy(p => p.Strike))
        {
            var call = atStrike.Where(p => p.Right == OptionRight.Call).ToList();
            var put = atStrike.Where(p => p.Right == OptionRight.Put).ToList();
            if (call.Count == 0 || put.Count == 0)
            {
                kept.AddRange(atStrike);
                continue;
            }

            // Out of the money: calls at or above the forward, puts below.
            kept.AddRange(atStrike.Key >= call[0].Forward ? call : put);
        }

        return kept;
    }

    private static bool IsPositive(double value) => double.IsFinite(value) && value > 0.0;
}
