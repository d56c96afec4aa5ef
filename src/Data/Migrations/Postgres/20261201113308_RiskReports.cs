using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Analytics.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class RiskReports : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "monte_carlo_blocks",
                columns: table => new
                {
                    RunId = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Block = table.Column<int>(type: "integer", nullable: false),
                    Blocks = table.Column<int>(type: "integer", nullable: false),
                    Seed = table.Column<long>(type: "bigint", nullable: false),
                    ProfitAndLoss = table.Column<byte[]>(type: "bytea", nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Node = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_monte_carlo_blocks", x => new { x.RunId, x.Block });
                });

            migrationBuilder.CreateTable(
                name: "risk_reports",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PortfolioId = table.Column<long>(type: "bigint", nullable: false),
                    PortfolioVersion = table.Column<int>(type: "integer", nullable: false),
                    PortfolioContentHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    AsOfUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CodeVersion = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    SplitRunId = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    ReportJson = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_risk_reports", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_risk_reports_AsOfUtc_Id",
                table: "risk_reports",
                columns: new[] { "AsOfUtc", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_risk_reports_PortfolioId_AsOfUtc_Id",
                table: "risk_reports",
                columns: new[] { "PortfolioId", "AsOfUtc", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_risk_reports_SplitRunId",
                table: "risk_reports",
                column: "SplitRunId",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "monte_carlo_blocks");

            migrationBuilder.DropTable(
                name: "risk_reports");
        }
    }
}
