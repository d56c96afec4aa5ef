using System.Globalization;
using System.Text;
using Analytics.Data.Ingestion.Parsing;
using Analytics.Data.Ingestion.Storage;

namespace Analytics.Data.Tests.Ingestion;

/// <summary>The ingest fast paths give exactly what the general code gives.</summary>
public sealed class SqliteTextTests
{
    public static TheoryData<decimal> Decimals =>
    [
        0m, 0.00m, 1m, 72000.00m, 123.456789m, -1.50m, 0.04m * 3150m, 1e-28m, 79228162514264337593543950335m, -0.0000000000000000000000000001m,
        12345678901234567890.12345678m, 0.1m, 10m, 100.000m,
    ];

    [Theory, MemberData(nameof(Decimals))]
    public void FormatDecimal_AnyValue_EqualsMicrosoftDataSqlitesFormat(decimal value)
    {
        var buffer = new byte[64];

        var length = SqliteStatement.FormatDecimal(value, buffer);

        Assert.Equal(value.ToString(SqliteStatement.DecimalFormat, CultureInfo.InvariantCulture), Encoding.UTF8.GetString(buffer, 0, length));
    }

    [Theory]
    [InlineData("2025-01-01T00:00:06Z", true)]
    [InlineData("2024-02-29T23:59:59.1234567Z", true)]
    [InlineData("2026-03-27T08:00:00.5Z", true)]
    [InlineData("2025-02-29T00:00:00Z", false)]
    [InlineData("2025-01-01T24:00:00Z", false)]
    [InlineData("2025-01-01T00:00:00+02:00", false)]
    [InlineData("2025-01-01 00:00:00Z", false)]
    [InlineData("2025-01-01T00:00:00.Z", false)]
    [InlineData("2025-01-01T00:00:00", false)]
    public void TryParseUtc_CommonForm_MatchesTheGeneralParser(string text, bool fast)
    {
        var parsed = Iso8601Instant.TryParseUtc(text, out var utc);

        Assert.Equal(fast, parsed);
        if (parsed)
        {
            Assert.True(DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var general));
            Assert.Equal(general.UtcDateTime, utc);
            Assert.Equal(DateTimeKind.Utc, utc.Kind);
        }
    }
}
