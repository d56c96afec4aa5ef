using Analytics.Api.Hosting;
using Analytics.Data.Ingestion;

namespace Analytics.Api.Tests.Hosting;

/// <summary>The <c>import</c> verb's arguments.</summary>
public sealed class ImportCommandTests
{
    [Fact]
    public void TryParse_OtherVerb_IsNotAnImport()
    {
        Assert.True(ImportCommand.TryParse(["migrate"], out var command));
        Assert.Null(command);
    }

    [Fact]
    public void TryParse_FundingCsvWithParameters_ReadsKindFormatParametersAndFiles()
    {
        Assert.True(ImportCommand.TryParse(
            ["import", "--kind", "funding", "--format", "funding-csv", "--venue", "binance", "--interval-hours", "8", "--utc-offset-hours", "3", "/data/a.csv", "b.csv"],
            out var command));

        Assert.Equal(IngestKind.Funding, command!.Kind);
        Assert.Equal("funding-csv", command.Format);
        Assert.Equal("8", command.Parameters["intervalHours"]);
        Assert.Equal("3", command.Parameters["utcOffsetHours"]);
        Assert.Equal(["/data/a.csv", "b.csv"], command.Files);
    }

    [Theory]
    [InlineData("import", "--kind", "candles", "a.csv")]
    [InlineData("import", "--kind", "prices")]
    [InlineData("import", "a.csv", "--kind")]
    public void TryParse_BadArguments_Fails(params string[] args)
    {
        Assert.False(ImportCommand.TryParse(args, out _));
    }
}
