using System.Net;
using Analytics.Api.Tests.Infrastructure;

namespace Analytics.Api.Tests.Endpoints.Surfaces;

/// <summary>Stored surfaces on PostgreSQL: the same fit reads back identically (instants, JSON columns, latest, chain).</summary>
public sealed class SurfaceStorageTests : IClassFixture<PostgresApi>
{
    private readonly PostgresApi _api;

    public SurfaceStorageTests(PostgresApi api)
    {
        api.RequireAvailable();
        _api = api;
    }

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Fit_OnPostgres_ReadsBackByIdLatestAndListingAndPricesTheChain()
    {
        var underlying = SurfaceTestData.NewUnderlying();
        var fitted = await SurfaceTestData.FitAsync(_api, new { underlying, asOf = SurfaceTestData.AsOf, model = "ssvi", quotes = SurfaceTestData.SyntheticQuotes() });
        var id = fitted.GetProperty("id").GetInt64();

        var byId = await SurfaceTestData.GetJsonAsync(_api, $"/api/v1/surfaces/{id}");
        var latest = await SurfaceTestData.GetJsonAsync(_api, $"/api/v1/surfaces/latest?underlying={underlying}&model=ssvi");
        var page = await SurfaceTestData.GetJsonAsync(_api, $"/api/v1/surfaces?underlying={underlying}");
        Assert.Equal(fitted.ToString(), byId.ToString());
        Assert.Equal(id, latest.GetProperty("id").GetInt64());
        Assert.Equal(SurfaceTestData.AsOf, byId.GetProperty("asOf").GetDateTimeOffset());
        Assert.Equal(id, page.GetProperty("items")[0].GetProperty("id").GetInt64());

        // An SSVI surface is not of the default model (svi): the chain prices it when named.
        var chain = await _api.Client().GetAsync($"/api/v1/chains/{underlying}?expiry={SurfaceTestData.Expiries[2]:yyyy-MM-dd}&chain=op-mainnet&surfaceId={id}", Token);
        Assert.Equal(HttpStatusCode.OK, chain.StatusCode);
        Assert.NotNull(chain.Headers.ETag);
    }
}
