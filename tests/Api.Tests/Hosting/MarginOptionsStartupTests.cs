using Analytics.Api.Tests.Infrastructure;
using Analytics.Data.Storage;
using Analytics.TestSupport;
using Microsoft.Extensions.Options;

namespace Analytics.Api.Tests.Hosting;

/// <summary>
/// <c>Margin:Models</c> is validated at start: a model whose parameters are out of range, whose type is unknown or that
/// lacks its source stops the start with a message naming the entry (<c>Margin:Models:&lt;id&gt;...</c>).
/// </summary>
public sealed class MarginOptionsStartupTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("Margin:Models:deribit-standard:Underlyings:BTC:Options:InitialMaxSpotFraction", "-0.15", "Margin:Models:deribit-standard: Underlyings:BTC")]
    [InlineData("Margin:Models:dydx-v4:Underlyings:ETH:Perps:MaintenanceFraction", "0.5", "Margin:Models:dydx-v4: Underlyings:ETH")]
    [InlineData("Margin:Models:deribit-portfolio:InitialMultiple", "0.5", "Margin:Models:deribit-portfolio: InitialMultiple")]
    [InlineData("Margin:Models:aevo-portfolio:Type", "span", "Margin:Models:aevo-portfolio: Type 'span'")]
    [InlineData("Margin:Models:aevo-standard:Source", "", "Margin:Models:aevo-standard: Source")]
    [InlineData("Margin:AddOnConfidence", "1.5", "AddOnConfidence")]
    [InlineData("Margin:Models:derive-portfolio:MaintenanceLossFactor", "0", "Margin:Models:derive-portfolio: MaintenanceLossFactor 0")]
    [InlineData("Margin:Models:derive-portfolio:ExtendedLossFractions:0", "11", "Margin:Models:derive-portfolio: ExtendedLossFractions: each")]
    [InlineData("Margin:Models:derive-portfolio:ExtendedLossFractions:10", "1", "Margin:Models:derive-portfolio: ExtendedLossFractions: give one per extended move")]
    [InlineData("Margin:Models:derive-portfolio:VolShocks:0:MinimumVol", "-0.4", "Margin:Models:derive-portfolio: VolShocks:0 (up)")]
    [InlineData("Margin:Models:derive-portfolio:SkewShocks:0:Kind", "quadratic", "Margin:Models:derive-portfolio: SkewShocks:0 (linear-skew): Kind 'quadratic'")]
    [InlineData("Margin:Models:derive-portfolio:SkewShocks:1:MinKStar", "0", "Margin:Models:derive-portfolio: SkewShocks:1: minKStar 0")]
    [InlineData("Margin:Models:derive-portfolio:StaticDiscount:ShortBase", "-1", "Margin:Models:derive-portfolio: StaticDiscount: shortBase -1")]
    [InlineData("Margin:Models:derive-portfolio:BasisContingency:DownMove", "0.045", "Margin:Models:derive-portfolio: BasisContingency: downMove 0.045")]
    [InlineData("Margin:Models:derive-portfolio:Contingencies:ETH:CoinInitialFraction", "0.95", "Margin:Models:derive-portfolio: Contingencies:ETH: coinInitialFraction 0.95")]
    [InlineData("Margin:Models:derive-portfolio:Contingencies:BTC:Source", "", "Margin:Models:derive-portfolio: Contingencies:BTC:Source is required")]
    public async Task Start_InvalidMarginEntry_StopsTheStartNamingIt(string key, string value, string named)
    {
        await using var database = await TestDatabase.CreateEmptyAsync(StorageProvider.Sqlite, Token);
        await using var factory = new ApiFactory(database, new Dictionary<string, string?> { [key] = value });

        var error = Assert.Throws<OptionsValidationException>(() => factory.Server);

        Assert.Contains(named, error.Message, StringComparison.Ordinal);
    }
}
