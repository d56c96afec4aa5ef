using Analytics.Api.Tests.Infrastructure;
using Analytics.Data.Storage;
using Analytics.TestSupport;
using Microsoft.Extensions.Options;

namespace Analytics.Api.Tests.Hosting;

/// <summary><c>Surfaces:MaxSnapshotAge</c> is validated at start: it must be positive.</summary>
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
}
