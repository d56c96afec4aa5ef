using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Analytics.Data.Migrations.Postgres
{
    /// <summary>
    /// Carries stored surfaces from the API's response shape (format 1) to Data's own records (<c>Analytics.Data.Market.Stored</c>):
    /// each slice takes its butterfly diagnosis (from <c>arbitrage.butterfly[i]</c>, without the derived expiry, wing slopes,
    /// verdict and reason), and <c>DiagnosticsJson</c> becomes <c>{ calendar: { gridFrom, gridTo, violations }, ssvi }</c>.
    /// Numbers move as JSON text (SQLite) or exact decimals (PostgreSQL jsonb), so every double reads back bit for bit.
    /// No column changes.
    /// </summary>
    /// <remarks>
    /// Down is not supported: format 1 held text derived from the numerics (the butterfly reason) that SQL cannot rebuild;
    /// restore a backup taken before the upgrade instead.
    /// </remarks>
    public partial class SurfaceStorageOwnedByData : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                UPDATE volatility_surfaces AS v SET
                    "SlicesJson" = (
                        SELECT jsonb_agg(s.value || jsonb_build_object('butterfly', jsonb_build_object(
                            'gridFrom', b.value -> 'grid' -> 0,
                            'gridTo', b.value -> 'grid' -> 1,
                            'gridPoints', b.value -> 'grid' -> 2,
                            'minimumG', b.value -> 'minimumG',
                            'logMoneynessAtMinimum', b.value -> 'logMoneynessAtMinimum',
                            'violations', b.value -> 'violations')) ORDER BY s.position)
                        FROM jsonb_array_elements(v."SlicesJson"::jsonb) WITH ORDINALITY AS s(value, position)
                        JOIN jsonb_array_elements(v."DiagnosticsJson"::jsonb -> 'arbitrage' -> 'butterfly') WITH ORDINALITY AS b(value, position)
                          ON b.position = s.position)::text,
                    "DiagnosticsJson" = jsonb_build_object(
                        'calendar', jsonb_build_object(
                            'gridFrom', v."DiagnosticsJson"::jsonb -> 'arbitrage' -> 'calendarGridLogMoneyness' -> 0,
                            'gridTo', v."DiagnosticsJson"::jsonb -> 'arbitrage' -> 'calendarGridLogMoneyness' -> 1,
                            'violations', v."DiagnosticsJson"::jsonb -> 'arbitrage' -> 'calendar'),
                        'ssvi', v."DiagnosticsJson"::jsonb -> 'ssvi')::text
                WHERE (v."DiagnosticsJson"::jsonb -> 'arbitrage') IS NOT NULL;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            throw new NotSupportedException(
                "SurfaceStorageOwnedByData cannot be reverted: the API-shaped surface JSON held derived text (butterfly reasons). " +
                "Restore a backup taken before the upgrade.");
        }
    }
}
