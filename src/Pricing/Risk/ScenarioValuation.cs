using System.Buffers;
using Analytics.Pricing.Batch;
using Analytics.Pricing.Black;
using Analytics.Pricing.Engines;
using Analytics.Pricing.L2;

namespace Analytics.Pricing.Risk;

/// <summary>
/// Full revaluation of a book of options, spot and perpetual positions under market scenarios (spot relative shift and
/// absolute vol shift per underlying, time step): the scenario loop of STYLE.md's flow, which VaR, stress tests and the
/// portfolio-margin grid reuse. European options go through the SIMD batch kernel (<see cref="BlackVanillaBatchPricer"/>,
/// equal bit for bit to <see cref="BlackVanillaOptionPricer.PresentValue"/>), American options through
/// the registry's default American engine (Bjerksund–Stensland 2002, as API.md names it), spot and perpetuals are
/// linear (Q·S). An option at or past expiry after the time step is worth its intrinsic value at the shifted spot; a
/// vol at or below zero after the shift values it at its zero-vol limit (European: the discounted intrinsic value of the
/// forward, e^{−rT}·max(ω(F − K), 0); American: the best deterministic exercise, Merton 1973).
/// </summary>
/// <remarks>
/// Built once per book and base market (<see cref="Of(IReadOnlyList{RiskPosition}, BookMarket)"/>), then immutable and thread-safe. Scenarios are valued in
/// parallel over cores, each by the one-scenario overload on one thread, so the results do not depend on the number of
/// threads (bit for bit).
/// </remarks>
public sealed class ScenarioValuation
{
    /// <summary>Shortest tenor a sticky-moneyness vol is read at (one hour, Act/365F), so expired options never query a surface at T ≤ 0.</summary>
    public const double MinimumVolTenorYears = 1.0 / (365.0 * 24.0);

    private static readonly VanillaOptionEngine AmericanEngine = VanillaOptionEngine.DefaultFor(OptionExerciseStyle.American);

    private readonly RiskPosition[] _positions;
    private readonly string[] _underlyings;
    private readonly UnderlyingMarket[] _markets;
    private readonly int[] _underlyingOf;
    private readonly double[] _tenorYears;
    private readonly double[] _lognormalVol;
    private readonly double[] _volTenorYears;
    private readonly Surfaces.VolatilitySurface?[] _stickyMoneyness;
    private readonly int[] _european;
    private readonly int[] _american;
    private readonly LiveEuropeans? _live;

    private ScenarioValuation(RiskPosition[] positions, BookMarket market, double[]? lognormalVols)
    {
        _positions = positions;
        int n = positions.Length;
        _underlyings = positions.Select(p => p.Underlying).Distinct(StringComparer.Ordinal).ToArray();
        _markets = _underlyings.Select(u => market.Underlyings.TryGetValue(u, out var m)
            ? m ?? throw new ArgumentException($"The market of {u} is null.", nameof(market))
            : throw new ArgumentException($"The market has no {u}.", nameof(market))).ToArray();
        var index = _underlyings.Select((u, i) => (u, i)).ToDictionary(x => x.u, x => x.i, StringComparer.Ordinal);
        _underlyingOf = positions.Select(p => index[p.Underlying]).ToArray();
        _tenorYears = new double[n];
        _lognormalVol = new double[n];
        _volTenorYears = new double[n];
        _stickyMoneyness = new Surfaces.VolatilitySurface?[n];
        var european = new List<int>();
        var american = new List<int>();
        for (int p = 0; p < n; p++)
        {
            if (positions[p].Option is not { } option)
            {
                continue;
            }

            double vol;
            if (lognormalVols is not null)
            {
                vol = lognormalVols[p];
            }
            else if (!market.LognormalVols.TryGetValue(option, out vol))
            {
                throw new ArgumentException($"The market has no vol for position {p}'s option.", nameof(market));
            }

            if (!(double.IsFinite(vol) && vol >= 0.0))
            {
                throw new ArgumentOutOfRangeException(nameof(market), vol, $"The vol of position {p}'s option must be finite and ≥ 0.");
            }

            _lognormalVol[p] = vol;
            _tenorYears[p] = option.TenorYears(market.ValuationUtc);
            _volTenorYears[p] = Math.Max(_tenorYears[p], MinimumVolTenorYears);
            _stickyMoneyness[p] = market.StickyMoneynessSurfaces is { } sticky && sticky.TryGetValue(option.Underlying, out var surface) ? surface : null;
            (option.Style == OptionExerciseStyle.European ? european : american).Add(p);
        }

        _european = european.ToArray();
        _american = american.ToArray();
        _live = LiveEuropeans.Of(this);
    }

    private ScenarioValuation(ScenarioValuation source, double[] lognormalVols)
    {
        (_positions, _underlyings, _markets, _underlyingOf) = (source._positions, source._underlyings, source._markets, source._underlyingOf);
        (_tenorYears, _volTenorYears, _stickyMoneyness) = (source._tenorYears, source._volTenorYears, source._stickyMoneyness);
        (_european, _american) = (source._european, source._american);
        _lognormalVol = new double[_positions.Length];
        for (int p = 0; p < _positions.Length; p++)
        {
            if (_positions[p].Option is null)
            {
                continue;
            }

            double vol = lognormalVols[p];
            if (!(double.IsFinite(vol) && vol >= 0.0))
            {
                throw new ArgumentOutOfRangeException(nameof(lognormalVols), vol, $"The vol of position {p}'s option must be finite and ≥ 0.");
            }

            _lognormalVol[p] = vol;
        }

        _live = LiveEuropeans.Of(this);
    }

    /// <summary>Number of positions in the book.</summary>
    public int PositionCount => _positions.Length;

    /// <summary>Prepares a book for revaluation from a base market.</summary>
    /// <param name="positions">The book.</param>
    /// <param name="market">The base market: every underlying of the book, a vol for every option.</param>
    /// <returns>The valuation.</returns>
    /// <exception cref="ArgumentNullException">An argument or position is null.</exception>
    /// <exception cref="ArgumentException">The market lacks an underlying or an option's vol.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A vol is not positive and finite.</exception>
    public static ScenarioValuation Of(IReadOnlyList<RiskPosition> positions, BookMarket market)
    {
        ArgumentNullException.ThrowIfNull(positions);
        ArgumentNullException.ThrowIfNull(market);
        ArgumentNullException.ThrowIfNull(market.Underlyings);
        ArgumentNullException.ThrowIfNull(market.LognormalVols);
        return new ScenarioValuation(Checked(positions), market, null);
    }

    /// <summary>
    /// Prepares a book for revaluation from a base market whose option vols are given per position instead of looked up
    /// in <see cref="BookMarket.LognormalVols"/> (a vol-shocked copy of the base vols: the portfolio-margin grid builds
    /// one per shock without a dictionary of contracts).
    /// </summary>
    /// <param name="positions">The book.</param>
    /// <param name="market">The base market: every underlying of the book (its <see cref="BookMarket.LognormalVols"/> are not read).</param>
    /// <param name="lognormalVols">One per position: the option's lognormal vol, ≥ 0 (ignored for other positions).</param>
    /// <returns>The valuation.</returns>
    /// <exception cref="ArgumentNullException">An argument or position is null.</exception>
    /// <exception cref="ArgumentException">The market lacks an underlying, or the vols are not one per position.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option's vol is not finite and ≥ 0.</exception>
    public static ScenarioValuation Of(IReadOnlyList<RiskPosition> positions, BookMarket market, IReadOnlyList<double> lognormalVols)
    {
        ArgumentNullException.ThrowIfNull(positions);
        ArgumentNullException.ThrowIfNull(market);
        ArgumentNullException.ThrowIfNull(market.Underlyings);
        ArgumentNullException.ThrowIfNull(lognormalVols);
        var copy = Checked(positions);
        if (lognormalVols.Count != copy.Length)
        {
            throw new ArgumentException("Give one vol per position.", nameof(lognormalVols));
        }

        return new ScenarioValuation(copy, market, [.. lognormalVols]);
    }

    /// <summary>
    /// The same book and base market with its options' lognormal vols replaced (a vol-shocked copy: the portfolio-margin
    /// grid builds one per shock), sharing everything else with this valuation.
    /// </summary>
    /// <param name="lognormalVols">One per position: the option's lognormal vol, ≥ 0 (ignored for other positions).</param>
    /// <returns>The valuation.</returns>
    /// <exception cref="ArgumentException">The vols are not one per position.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option's vol is not finite and ≥ 0.</exception>
    public ScenarioValuation WithLognormalVols(IReadOnlyList<double> lognormalVols)
    {
        ArgumentNullException.ThrowIfNull(lognormalVols);
        if (lognormalVols.Count != PositionCount)
        {
            throw new ArgumentException("Give one vol per position.", nameof(lognormalVols));
        }

        return new ScenarioValuation(this, [.. lognormalVols]);
    }

    private static RiskPosition[] Checked(IReadOnlyList<RiskPosition> positions)
    {
        var copy = positions.ToArray();
        for (int p = 0; p < copy.Length; p++)
        {
            ArgumentNullException.ThrowIfNull(copy[p], $"{nameof(positions)}[{p}]");
        }

        return copy;
    }

    /// <summary>
    /// Values every position under every scenario, scenarios in parallel (each on one thread), and under the base market.
    /// </summary>
    /// <param name="scenarios">The market moves.</param>
    /// <param name="maxDegreeOfParallelism">Largest number of concurrent workers; −1 for the processor count.</param>
    /// <returns>The matrix of position values; equal bit for bit whatever the degree of parallelism.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="scenarios"/> or one of its elements is null.</exception>
    /// <param name="cancellationToken">Stops the valuation between scenarios (a client that has gone: issue 17 item 2).</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxDegreeOfParallelism"/> is 0 or below −1.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> fired.</exception>
    public ScenarioValues Value(IReadOnlyList<MarketScenario> scenarios, int maxDegreeOfParallelism = -1, CancellationToken cancellationToken = default)
    {
        CheckLoopArguments(scenarios, maxDegreeOfParallelism);

        int n = PositionCount;
        var values = new double[(long)scenarios.Count * n];
        var baseValues = new double[n];
        Value(MarketScenario.None, baseValues);
        var options = Loop(maxDegreeOfParallelism, cancellationToken);
        Parallel.For(0, scenarios.Count, options, s => Value(scenarios[s], values.AsSpan(s * n, n)));
        return new ScenarioValues(values, baseValues, scenarios.Count);
    }

    /// <summary>
    /// The book's P&amp;L under every scenario, scenarios in parallel (each valued whole on one thread, summed in book
    /// order), without keeping the position values: equal bit for bit to <see cref="ScenarioValues.ProfitAndLoss"/> of
    /// <see cref="Value(IReadOnlyList{MarketScenario}, int, CancellationToken)"/>, in memory one row per worker instead of the whole matrix.
    /// </summary>
    /// <param name="scenarios">The market moves.</param>
    /// <param name="baseValues">Every position's value under the base market.</param>
    /// <param name="maxDegreeOfParallelism">Largest number of concurrent workers; −1 for the processor count.</param>
    /// <param name="cancellationToken">Stops the valuation between scenarios (a client that has gone: issue 17 item 2).</param>
    /// <returns>One P&amp;L per scenario, quote currency.</returns>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> fired.</exception>
    public double[] ProfitAndLoss(
        IReadOnlyList<MarketScenario> scenarios, out double[] baseValues, int maxDegreeOfParallelism = -1, CancellationToken cancellationToken = default)
    {
        CheckLoopArguments(scenarios, maxDegreeOfParallelism);

        int n = PositionCount;
        var start = new double[n];
        Value(MarketScenario.None, start);
        double baseTotal = ScenarioValues.Sum(start);
        var pnl = new double[scenarios.Count];
        var options = Loop(maxDegreeOfParallelism, cancellationToken);
        Parallel.For(0, scenarios.Count, options, () => new double[n], (s, _, row) =>
        {
            Value(scenarios[s], row);
            pnl[s] = ScenarioValues.Sum(row) - baseTotal;
            return row;
        }, static _ => { });
        baseValues = start;
        return pnl;
    }

    private static void CheckLoopArguments(IReadOnlyList<MarketScenario> scenarios, int maxDegreeOfParallelism)
    {
        ArgumentNullException.ThrowIfNull(scenarios);
        if (maxDegreeOfParallelism == 0 || maxDegreeOfParallelism < -1)
        {
            throw new ArgumentOutOfRangeException(nameof(maxDegreeOfParallelism), maxDegreeOfParallelism, "Must be positive or −1.");
        }

        for (int s = 0; s < scenarios.Count; s++)
        {
            ArgumentNullException.ThrowIfNull(scenarios[s], $"{nameof(scenarios)}[{s}]");
        }
    }

    /// <summary>
    /// Values every position under one scenario (the overload the scenario loop, VaR, stress and margin grids call):
    /// quantity × unit value, quote currency, in book order.
    /// </summary>
    /// <param name="scenario">The market move.</param>
    /// <param name="values">Output, one value per position.</param>
    /// <exception cref="ArgumentNullException"><paramref name="scenario"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="values"/> is not one per position.</exception>
    public void Value(MarketScenario scenario, Span<double> values)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        if (values.Length != PositionCount)
        {
            throw new ArgumentException("Give one output per position.", nameof(values));
        }

        int u = _underlyings.Length;
        Span<double> spot = u <= 64 ? stackalloc double[u] : new double[u];
        Span<double> volShift = u <= 64 ? stackalloc double[u] : new double[u];
        for (int i = 0; i < u; i++)
        {
            var shift = scenario.ShiftOf(_underlyings[i]);
            spot[i] = _markets[i].Spot * (1.0 + shift.SpotRelative);
            volShift[i] = shift.VolAbsolute;
        }

        for (int p = 0; p < _positions.Length; p++)
        {
            if (_positions[p].Option is null)
            {
                values[p] = _positions[p].Quantity * spot[_underlyingOf[p]];
            }
        }

        ValueEuropean(scenario, spot, volShift, values);
        foreach (int p in _american)
        {
            double unit = Limit(p, scenario, spot, volShift, out double tenor, out double vol) ?? AmericanValue(p, spot, tenor, vol);
            values[p] = _positions[p].Quantity * unit;
        }
    }

    /// <summary>The European options: limits directly, the rest through the batch kernel in one pass.</summary>
    private void ValueEuropean(MarketScenario scenario, ReadOnlySpan<double> spot, ReadOnlySpan<double> volShift, Span<double> values)
    {
        int n = _european.Length;
        if (n == 0 || (_live is { } live && live.TryValue(scenario, spot, volShift, values)))
        {
            return;
        }

        double[] buffer = ArrayPool<double>.Shared.Rent(7 * n);
        bool[] isCall = ArrayPool<bool>.Shared.Rent(n);
        int[] position = ArrayPool<int>.Shared.Rent(n);
        try
        {
            Span<double> Column(int k) => buffer.AsSpan(k * n, n);
            Span<double> s = Column(0), strike = Column(1), tenor = Column(2), vol = Column(3), rate = Column(4), carry = Column(5);
            int m = 0;
            foreach (int p in _european)
            {
                if (Limit(p, scenario, spot, volShift, out double t, out double v) is { } unit)
                {
                    values[p] = _positions[p].Quantity * unit;
                    continue;
                }

                var option = _positions[p].Option!;
                var market = _markets[_underlyingOf[p]];
                (s[m], strike[m], tenor[m], vol[m]) = (spot[_underlyingOf[p]], option.Strike, t, v);
                (rate[m], carry[m], isCall[m], position[m]) = (market.Rate, market.CostOfCarry, option.Right == OptionRight.Call, p);
                m++;
            }

            var prices = Column(6)[..m];
            var inputs = new BlackScholesBatchInputs(
                s[..m], strike[..m], tenor[..m], vol[..m], rate[..m], carry[..m], isCall.AsSpan(0, m), CarryConvention.Fixed);
            BlackVanillaBatchPricer.Default.PresentValue(inputs, prices);
            for (int k = 0; k < m; k++)
            {
                values[position[k]] = _positions[position[k]].Quantity * prices[k];
            }
        }
        finally
        {
            ArrayPool<double>.Shared.Return(buffer);
            ArrayPool<bool>.Shared.Return(isCall);
            ArrayPool<int>.Shared.Return(position);
        }
    }

    /// <summary>
    /// The shifted tenor and vol of option position <paramref name="p"/>, and its unit value when it is at a limit
    /// (intrinsic at or past expiry, zero-vol value at σ ≤ 0); null when a model must price it.
    /// </summary>
    private double? Limit(int p, MarketScenario scenario, ReadOnlySpan<double> spot, ReadOnlySpan<double> volShift, out double tenor, out double vol)
    {
        var option = _positions[p].Option!;
        int u = _underlyingOf[p];
        tenor = _tenorYears[p] - scenario.TimeStepYears;
        vol = BaseVol(p, spot[u]);
        if (!(tenor > 0.0))
        {
            return option.Intrinsic(spot[u]);
        }

        if (scenario.HasVolBuckets)
        {
            var market = _markets[u];
            double logMoneyness = Math.Log(option.Strike / (spot[u] * Math.Exp(market.CostOfCarry * tenor)));
            vol += scenario.ShiftOf(_underlyings[u]).VolShiftAt(logMoneyness);
        }
        else
        {
            vol += volShift[u];
        }

        if (!(vol > 0.0))
        {
            var market = _markets[u];
            return ZeroVolatilityValue.Value(
                option.Style, option.Right == OptionRight.Call, spot[u], option.Strike, tenor, market.Rate, market.CostOfCarry);
        }

        return null;
    }

    /// <summary>The option's vol before the scenario's vol shift: held (sticky strike), or read at the moved spot's log-moneyness.</summary>
    private double BaseVol(int p, double spot)
    {
        var surface = _stickyMoneyness[p];
        double baseSpot = _markets[_underlyingOf[p]].Spot;
        if (surface is null || spot == baseSpot)
        {
            return _lognormalVol[p];
        }

        double vol = surface.LognormalVolAtStrike(_positions[p].Option!.Strike * baseSpot / spot, _volTenorYears[p]);
        return double.IsFinite(vol) ? vol : _lognormalVol[p];
    }

    /// <summary>
    /// The fast path of the scenario loop (<c>bench/RESULTS.md</c>, issue 15 item 9): when every European option is alive
    /// with a positive vol at the base and no surface moves its vol with spot, the columns the kernel reads but spot and
    /// vol are the same in every scenario without a time step or vol buckets, so they are built once here and a scenario
    /// only fills spot (and vol when it shifts). The kernel's inputs, and so the values, are the same bits as
    /// <see cref="ValueEuropean"/>'s general path, which a scenario takes when a shifted vol reaches zero.
    /// </summary>
    private sealed class LiveEuropeans
    {
        private readonly double[] _strike, _tenor, _vol, _rate, _carry, _quantity;
        private readonly bool[] _isCall;
        private readonly int[] _position, _underlying;

        private LiveEuropeans(ScenarioValuation valuation)
        {
            int[] european = valuation._european;
            int n = european.Length;
            (_strike, _tenor, _vol, _rate, _carry, _quantity) = (new double[n], new double[n], new double[n], new double[n], new double[n], new double[n]);
            (_isCall, _position, _underlying) = (new bool[n], european, new int[n]);
            for (int k = 0; k < n; k++)
            {
                int p = european[k];
                var option = valuation._positions[p].Option!;
                var market = valuation._markets[valuation._underlyingOf[p]];
                (_strike[k], _tenor[k], _vol[k], _rate[k], _carry[k]) =
                    (option.Strike, valuation._tenorYears[p], valuation._lognormalVol[p], market.Rate, market.CostOfCarry);
                (_isCall[k], _quantity[k], _underlying[k]) = (option.Right == OptionRight.Call, valuation._positions[p].Quantity, valuation._underlyingOf[p]);
            }
        }

        /// <summary>The fast path of a book, or null when some European option is expired, at zero vol or sticky-moneyness.</summary>
        public static LiveEuropeans? Of(ScenarioValuation valuation) =>
            valuation._european.Length > 0 && valuation._european.All(p =>
                valuation._tenorYears[p] > 0.0 && valuation._lognormalVol[p] > 0.0 && valuation._stickyMoneyness[p] is null)
                ? new LiveEuropeans(valuation)
                : null;

        /// <summary>Values the European options under a scenario; false (nothing written) when it needs the general path.</summary>
        public bool TryValue(MarketScenario scenario, ReadOnlySpan<double> spot, ReadOnlySpan<double> volShift, Span<double> values)
        {
            if (scenario.TimeStepYears != 0.0 || scenario.HasVolBuckets)
            {
                return false;
            }

            bool volMoves = false;
            foreach (double shift in volShift)
            {
                volMoves |= shift != 0.0;
            }

            int n = _strike.Length;
            double[] buffer = ArrayPool<double>.Shared.Rent(3 * n);
            try
            {
                Span<double> s = buffer.AsSpan(0, n), vol = buffer.AsSpan(n, n), prices = buffer.AsSpan(2 * n, n);
                for (int k = 0; k < n; k++)
                {
                    s[k] = spot[_underlying[k]];
                }

                if (volMoves)
                {
                    for (int k = 0; k < n; k++)
                    {
                        double v = _vol[k];
                        v += volShift[_underlying[k]];
                        if (!(v > 0.0))
                        {
                            return false;
                        }

                        vol[k] = v;
                    }
                }

                var inputs = new BlackScholesBatchInputs(s, _strike, _tenor, volMoves ? vol : _vol, _rate, _carry, _isCall, CarryConvention.Fixed);
                BlackVanillaBatchPricer.PresentValueTrusted(inputs, prices); // strikes, tenors, vols checked here; spots by MarketScenario
                for (int k = 0; k < n; k++)
                {
                    values[_position[k]] = _quantity[k] * prices[k];
                }

                return true;
            }
            finally
            {
                ArrayPool<double>.Shared.Return(buffer);
            }
        }
    }

    /// <summary>
    /// The scenario loop's options: −1 means one worker per processor, never more. Left unbounded, Parallel.For takes every
    /// thread-pool thread the pool injects, and the server's I/O callbacks (among them the one that notices a client has
    /// gone, which cancels <paramref name="cancellationToken"/>) waited seconds for a thread (issue 17 item 2).
    /// </summary>
    internal static ParallelOptions Loop(int maxDegreeOfParallelism, CancellationToken cancellationToken) => new()
    {
        MaxDegreeOfParallelism = maxDegreeOfParallelism == -1 ? Environment.ProcessorCount : maxDegreeOfParallelism,
        CancellationToken = cancellationToken,
    };

    private double AmericanValue(int p, ReadOnlySpan<double> spot, double tenor, double vol)
    {
        var option = _positions[p].Option!;
        var market = _markets[_underlyingOf[p]];
        var inputs = new BlackVanillaOptionInputs(
            option.Right, spot[_underlyingOf[p]], option.Strike, tenor, vol, market.Rate, market.CostOfCarry, CarryConvention.Fixed);
        return AmericanEngine.PresentValue(inputs);
    }
}
