using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Analytics.Data.Migrations.Sqlite
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
                UPDATE volatility_surfaces SET
                    SlicesJson = (
                        SELECT json_group_array(json(merged)) FROM (
                            SELECT json_set(s.value, '$.butterfly', json_object(
                                'gridFrom', b.value -> '$.grid[0]',
                                'gridTo', b.value -> '$.grid[1]',
                                'gridPoints', b.value -> '$.grid[2]',
                                'minimumG', b.value -> '$.minimumG',
                                'logMoneynessAtMinimum', b.value -> '$.logMoneynessAtMinimum',
                                'violations', b.value -> '$.violations')) AS merged
                            FROM json_each(volatility_surfaces.SlicesJson) AS s
                            JOIN json_each(volatility_surfaces.DiagnosticsJson, '$.arbitrage.butterfly') AS b ON b.key = s.key
                            ORDER BY s.key)),
                    DiagnosticsJson = json_object(
                        'calendar', json_object(
                            'gridFrom', DiagnosticsJson -> '$.arbitrage.calendarGridLogMoneyness[0]',
                            'gridTo', DiagnosticsJson -> '$.arbitrage.calendarGridLogMoneyness[1]',
                            'violations', DiagnosticsJson -> '$.arbitrage.calendar'),
                        'ssvi', DiagnosticsJson -> '$.ssvi')
                WHERE json_type(DiagnosticsJson, '$.arbitrage') IS NOT NULL;
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
