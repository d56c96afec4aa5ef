using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Analytics.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class RiskReportBackgroundJobId : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "BackgroundJobId",
                table: "risk_reports",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_risk_reports_BackgroundJobId",
                table: "risk_reports",
                column: "BackgroundJobId",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_risk_reports_BackgroundJobId",
                table: "risk_reports");

            migrationBuilder.DropColumn(
                name: "BackgroundJobId",
                table: "risk_reports");
        }
    }
}
