using System.Net.Http.Json;
using Analytics.Api.Tests.Infrastructure;
using Analytics.Data.Storage;
using Analytics.TestSupport;
using Microsoft.Extensions.Options;

namespace Analytics.Api.Tests.Hosting;

/// <summary>
/// The <c>Surfaces</c> settings are validated at start: <c>MaxSnapshotAge</c> positive, <c>DefaultModel</c> a surface
/// model id, <c>PublishMaxMedianRmseVolPoints</c> finite and ≥ 0.
/// </summary>
public sealed class SurfacesOptionsStartupTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("00:00:00")]
    [InlineData("-00:05:00")]
    public async Task Start_MaxSnapshotAgeNotPositive_StopsTheStart(string value)
    {
        await using var database = await TestDatabase.CreateEmptyAsync(StorageProvider.Sqlite, Token);
        await using var factory = new ApiFactory(database, new Dictionary<string, string?> { ["Surfaces:MaxSnapshotAge"] = value });

        var error = Assert.Throws<OptionsValidationException>(() => factory.Server);

        Assert.Contains("MaxSnapshotAge", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Surfaces:DefaultModel", "heston", "DefaultModel")]
    [InlineData("Surfaces:DefaultModel", "", "DefaultModel")]
    [InlineData("Surfaces:PublishMaxMedianRmseVolPoints", "-0.1", "PublishMaxMedianRmseVolPoints")]
    [InlineData("Surfaces:PublishMaxMedianRmseVolPoints", "NaN", "PublishMaxMedianRmseVolPoints")]
    public async Task Start_InvalidPublicationSetting_StopsTheStartNamingIt(string key, string value, string named)
    {
        await using var database = await TestDatabase.CreateEmptyAsync(StorageProvider.Sqlite, Token);
        await using var factory = new ApiFactory(database, new Dictionary<string, string?> { [key] = value });

        var error = Assert.Throws<OptionsValidationException>(() => factory.Server);

        Assert.Contains(named, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_DefaultModelSsviInAnyCase_PricesWithSsviSurfaces()
    {
        await using var database = await TestDatabase.CreateEmptyAsync(StorageProvider.Sqlite, Token);
        await using var factory = new ApiFactory(database, new Dictionary<string, string?> { ["Surfaces:DefaultModel"] = "SSVI" });
        using var writer = factory.CreateClient();
        writer.DefaultRequestHeaders.Add("X-Api-Key", TestKeys.Writer);
        var quotes = Endpoints.Surfaces.SurfaceTestData.SyntheticQuotes();
        var asOf = Endpoints.Surfaces.SurfaceTestData.AsOf;
        await writer.PostAsJsonAsync("/api/v1/surfaces/fit", new { underlying = "ETH", asOf, model = "svi", quotes }, Token);
        var ssvi = await writer.PostAsJsonAsync("/api/v1/surfaces/fit", new { underlying = "ETH", asOf = asOf.AddHours(-1), model = "ssvi", quotes }, Token);
        var ssviId = System.Text.Json.JsonDocument.Parse(await ssvi.Content.ReadAsStringAsync(Token)).RootElement.GetProperty("id").GetInt64();

        var latest = await factory.CreateClient().GetStringAsync("/api/v1/surfaces/latest?underlying=ETH", Token);

        Assert.Equal(ssviId, System.Text.Json.JsonDocument.Parse(latest).RootElement.GetProperty("id").GetInt64());
    }
}
