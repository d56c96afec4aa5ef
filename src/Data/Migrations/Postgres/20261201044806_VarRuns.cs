using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Analytics.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class VarRuns : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "var_runs",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    PortfolioId = table.Column<long>(type: "bigint", nullable: true),
                    PortfolioVersion = table.Column<int>(type: "integer", nullable: true),
                    AsOfUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Method = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Confidence = table.Column<double>(type: "double precision", nullable: false),
                    HorizonDays = table.Column<int>(type: "integer", nullable: false),
                    ValueAtRisk = table.Column<double>(type: "double precision", nullable: false),
                    ExpectedShortfall = table.Column<double>(type: "double precision", nullable: false),
                    RunJson = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_var_runs", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_var_runs_PortfolioId_AsOfUtc",
                table: "var_runs",
                columns: new[] { "PortfolioId", "AsOfUtc" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "var_runs");
        }
    }
}
