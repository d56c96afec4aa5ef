using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Analytics.Data.Migrations.Postgres
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Underlying = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    AsOfUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Model = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    InputSource = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    QuotesIn = table.Column<int>(type: "integer", nullable: false),
                    QuotesUsed = table.Column<int>(type: "integer", nullable: false),
                    SliceCount = table.Column<int>(type: "integer", nullable: false),
                    MedianRmseVolPoints = table.Column<double>(type: "double precision", nullable: true),
                    ArbitrageFree = table.Column<bool>(type: "boolean", nullable: false),
                    ElapsedMilliseconds = table.Column<double>(type: "double precision", nullable: false),
                    SlicesJson = table.Column<string>(type: "text", nullable: false),
                    DiagnosticsJson = table.Column<string>(type: "text", nullable: false),
                    DroppedJson = table.Column<string>(type: "text", nullable: false),
                    InputsJson = table.Column<string>(type: "text", nullable: false)
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
