using System.Collections.Immutable;

namespace Analytics.Pricing.L2;

/// <summary>
/// Prices one option on several chains side by side (API.md <c>POST /api/v1/l2/compare</c>; PRODUCT.md §3.4:
/// "the service shows it chain by chain"). Everything but the chain profile stays as given, so the differences
/// come from gas (per contract and in Leland's k) and from the withdrawal delay when settling on L1.
/// </summary>
/// <remarks>Stateless and thread-safe.</remarks>
public sealed class L2ChainComparer
{
    /// <summary>The shared instance over <see cref="L2VanillaOptionPricer.Default"/>.</summary>
    public static readonly L2ChainComparer Default = new(L2VanillaOptionPricer.Default);

    private readonly L2VanillaOptionPricer _pricer;

    /// <summary>Creates a comparer over a pricer.</summary>
    /// <param name="pricer">The L2 pricer (and so the engine) to use on every chain.</param>
    /// <exception cref="ArgumentNullException"><paramref name="pricer"/> is null.</exception>
    public L2ChainComparer(L2VanillaOptionPricer pricer)
    {
        ArgumentNullException.ThrowIfNull(pricer);
        _pricer = pricer;
    }

    /// <summary>Prices the option once per chain, in the order given.</summary>
    /// <param name="inputs">The option; its <see cref="L2TradeTerms.Chain"/> is replaced by each profile in turn.</param>
    /// <param name="chains">Profiles to compare (overrides already applied).</param>
    /// <returns>One quote per chain, same order.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public ImmutableArray<L2ChainQuote> Compare(L2OptionInputs inputs, IEnumerable<ChainProfile> chains)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(chains);
        var builder = ImmutableArray.CreateBuilder<L2ChainQuote>();
        foreach (var chain in chains)
        {
            var result = _pricer.Price(inputs with { Terms = inputs.Terms with { Chain = chain } });
            builder.Add(new L2ChainQuote(chain, result));
        }

        return builder.ToImmutable();
    }
}
