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
    public async Task Start_InvalidMarginEntry_StopsTheStartNamingIt(string key, string value, string named)
    {
        await using var database = await TestDatabase.CreateEmptyAsync(StorageProvider.Sqlite, Token);
        await using var factory = new ApiFactory(database, new Dictionary<string, string?> { [key] = value });

        var error = Assert.Throws<OptionsValidationException>(() => factory.Server);

        Assert.Contains(named, error.Message, StringComparison.Ordinal);
    }
}
