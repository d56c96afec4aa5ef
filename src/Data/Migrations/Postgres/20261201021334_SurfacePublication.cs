using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Analytics.Data.Migrations.Postgres
{
    /// <summary>
    /// Publication of surfaces for pricing (issue 13): <c>PublishedUtc</c> (null while a surface is not published; pricing
    /// and the option chain choose among published surfaces only) and <c>QualityGateJson</c> (the quality gate's verdict at
    /// fit time), plus an index for the choice (underlying, model, as-of). Every surface stored before this migration is
    /// published at its creation instant, so a deployment keeps pricing off the surfaces it has.
    /// </summary>
    public partial class SurfacePublication : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "PublishedUtc",
                table: "volatility_surfaces",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "QualityGateJson",
                table: "volatility_surfaces",
                type: "text",
                nullable: true);

            // Surfaces stored before publication existed were all used for pricing: they stay published.
            migrationBuilder.Sql("""
                UPDATE volatility_surfaces SET "PublishedUtc" = "CreatedUtc";
                """);

            migrationBuilder.CreateIndex(
                name: "IX_volatility_surfaces_Underlying_Model_AsOfUtc_Id",
                table: "volatility_surfaces",
                columns: new[] { "Underlying", "Model", "AsOfUtc", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_volatility_surfaces_Underlying_Model_AsOfUtc_Id",
                table: "volatility_surfaces");

            migrationBuilder.DropColumn(
                name: "PublishedUtc",
                table: "volatility_surfaces");

            migrationBuilder.DropColumn(
                name: "QualityGateJson",
                table: "volatility_surfaces");
        }
    }
}
