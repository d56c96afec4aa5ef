using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Analytics.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class IndexedMarketData : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "chains",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    FirstSeenUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_chains", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "instruments",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Key = table.Column<string>(type: "TEXT", maxLength: 160, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Underlying = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    ExpiryUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Strike = table.Column<double>(type: "REAL", nullable: true),
                    Right = table.Column<string>(type: "TEXT", maxLength: 8, nullable: true),
                    Style = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    Settlement = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    Market = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_instruments", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "venues",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    FirstSeenUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_venues", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "funding_observations",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Venue = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Market = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    TimestampUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RatePerInterval = table.Column<double>(type: "REAL", nullable: false),
                    IntervalHours = table.Column<double>(type: "REAL", nullable: false),
                    MarkPrice = table.Column<double>(type: "REAL", nullable: true),
                    IndexPrice = table.Column<double>(type: "REAL", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_funding_observations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_funding_observations_venues_Venue",
                        column: x => x.Venue,
                        principalTable: "venues",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "option_quotes",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Venue = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    InstrumentId = table.Column<long>(type: "INTEGER", nullable: false),
                    Underlying = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    TimestampUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Bid = table.Column<double>(type: "REAL", nullable: true),
                    Ask = table.Column<double>(type: "REAL", nullable: true),
                    Mark = table.Column<double>(type: "REAL", nullable: true),
                    BidSize = table.Column<double>(type: "REAL", nullable: true),
                    AskSize = table.Column<double>(type: "REAL", nullable: true),
                    MarkIv = table.Column<double>(type: "REAL", nullable: true),
                    BidIv = table.Column<double>(type: "REAL", nullable: true),
                    AskIv = table.Column<double>(type: "REAL", nullable: true),
                    UnderlyingPrice = table.Column<double>(type: "REAL", nullable: true),
                    IndexPrice = table.Column<double>(type: "REAL", nullable: true),
                    OpenInterest = table.Column<double>(type: "REAL", nullable: true),
                    PremiumCurrency = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_option_quotes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_option_quotes_instruments_InstrumentId",
                        column: x => x.InstrumentId,
                        principalTable: "instruments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_option_quotes_venues_Venue",
                        column: x => x.Venue,
                        principalTable: "venues",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "trades",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Chain = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Venue = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    TxHash = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    LogIndex = table.Column<int>(type: "INTEGER", nullable: false),
                    BlockNumber = table.Column<long>(type: "INTEGER", nullable: false),
                    TimestampUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    InstrumentId = table.Column<long>(type: "INTEGER", nullable: false),
                    Underlying = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Side = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    Price = table.Column<decimal>(type: "TEXT", precision: 38, scale: 18, nullable: false),
                    PriceUsd = table.Column<decimal>(type: "TEXT", precision: 38, scale: 18, nullable: false),
                    Size = table.Column<decimal>(type: "TEXT", precision: 38, scale: 18, nullable: false),
                    FeeUsd = table.Column<decimal>(type: "TEXT", precision: 38, scale: 18, nullable: true),
                    IndexPrice = table.Column<double>(type: "REAL", nullable: true),
                    PremiumCurrency = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_trades", x => x.Id);
                    table.ForeignKey(
                        name: "FK_trades_chains_Chain",
                        column: x => x.Chain,
                        principalTable: "chains",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_trades_instruments_InstrumentId",
                        column: x => x.InstrumentId,
                        principalTable: "instruments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_trades_venues_Venue",
                        column: x => x.Venue,
                        principalTable: "venues",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_price_observations_TimestampUtc_Id",
                table: "price_observations",
                columns: new[] { "TimestampUtc", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_funding_observations_Market_TimestampUtc_Id",
                table: "funding_observations",
                columns: new[] { "Market", "TimestampUtc", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_funding_observations_TimestampUtc_Id",
                table: "funding_observations",
                columns: new[] { "TimestampUtc", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_funding_observations_Venue_Market_TimestampUtc",
                table: "funding_observations",
                columns: new[] { "Venue", "Market", "TimestampUtc" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_instruments_Key",
                table: "instruments",
                column: "Key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_instruments_Underlying_ExpiryUtc_Strike",
                table: "instruments",
                columns: new[] { "Underlying", "ExpiryUtc", "Strike" });

            migrationBuilder.CreateIndex(
                name: "IX_option_quotes_InstrumentId_TimestampUtc_Id",
                table: "option_quotes",
                columns: new[] { "InstrumentId", "TimestampUtc", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_option_quotes_TimestampUtc_Id",
                table: "option_quotes",
                columns: new[] { "TimestampUtc", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_option_quotes_Underlying_TimestampUtc_Id",
                table: "option_quotes",
                columns: new[] { "Underlying", "TimestampUtc", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_option_quotes_Venue_InstrumentId_TimestampUtc",
                table: "option_quotes",
                columns: new[] { "Venue", "InstrumentId", "TimestampUtc" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_trades_Chain_TimestampUtc_Id",
                table: "trades",
                columns: new[] { "Chain", "TimestampUtc", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_trades_Chain_TxHash_LogIndex",
                table: "trades",
                columns: new[] { "Chain", "TxHash", "LogIndex" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_trades_InstrumentId_TimestampUtc_Id",
                table: "trades",
                columns: new[] { "InstrumentId", "TimestampUtc", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_trades_TimestampUtc_Id",
                table: "trades",
                columns: new[] { "TimestampUtc", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_trades_Underlying_TimestampUtc_Id",
                table: "trades",
                columns: new[] { "Underlying", "TimestampUtc", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_trades_Venue_TimestampUtc_Id",
                table: "trades",
                columns: new[] { "Venue", "TimestampUtc", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "funding_observations");

            migrationBuilder.DropTable(
                name: "option_quotes");

            migrationBuilder.DropTable(
                name: "trades");

            migrationBuilder.DropTable(
                name: "chains");

            migrationBuilder.DropTable(
                name: "instruments");

            migrationBuilder.DropTable(
                name: "venues");

            migrationBuilder.DropIndex(
                name: "IX_price_observations_TimestampUtc_Id",
                table: "price_observations");
        }
    }
}
