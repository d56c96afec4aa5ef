using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Analytics.Data.Migrations.Sqlite
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
                    Id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    PortfolioId = table.Column<long>(type: "INTEGER", nullable: true),
                    PortfolioVersion = table.Column<int>(type: "INTEGER", nullable: true),
                    AsOfUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Method = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Confidence = table.Column<double>(type: "REAL", nullable: false),
                    HorizonDays = table.Column<int>(type: "INTEGER", nullable: false),
                    ValueAtRisk = table.Column<double>(type: "REAL", nullable: false),
                    ExpectedShortfall = table.Column<double>(type: "REAL", nullable: false),
                    RunJson = table.Column<string>(type: "TEXT", nullable: false)
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
