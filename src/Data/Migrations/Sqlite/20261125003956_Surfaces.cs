using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Analytics.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Surfaces : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "volatility_surfaces",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Underlying = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    AsOfUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Model = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    InputSource = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    QuotesIn = table.Column<int>(type: "INTEGER", nullable: false),
                    QuotesUsed = table.Column<int>(type: "INTEGER", nullable: false),
                    SliceCount = table.Column<int>(type: "INTEGER", nullable: false),
                    MedianRmseVolPoints = table.Column<double>(type: "REAL", nullable: true),
                    ArbitrageFree = table.Column<bool>(type: "INTEGER", nullable: false),
                    ElapsedMilliseconds = table.Column<double>(type: "REAL", nullable: false),
                    SlicesJson = table.Column<string>(type: "TEXT", nullable: false),
                    DiagnosticsJson = table.Column<string>(type: "TEXT", nullable: false),
                    DroppedJson = table.Column<string>(type: "TEXT", nullable: false),
                    InputsJson = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_volatility_surfaces", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_volatility_surfaces_AsOfUtc_Id",
                table: "volatility_surfaces",
                columns: new[] { "AsOfUtc", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_volatility_surfaces_Underlying_AsOfUtc_Id",
                table: "volatility_surfaces",
                columns: new[] { "Underlying", "AsOfUtc", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "volatility_surfaces");
        }
    }
}
