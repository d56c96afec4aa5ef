using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Analytics.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class OnChainIndexer : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "indexer_blocks",
                columns: table => new
                {
                    SourceId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    BlockNumber = table.Column<long>(type: "bigint", nullable: false),
                    Hash = table.Column<string>(type: "character varying(66)", maxLength: 66, nullable: false),
                    TimestampUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_indexer_blocks", x => new { x.SourceId, x.BlockNumber });
                });

            migrationBuilder.CreateTable(
                name: "indexer_checkpoints",
                columns: table => new
                {
                    SourceId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Chain = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Contract = table.Column<string>(type: "character varying(42)", maxLength: 42, nullable: false),
                    LastBlock = table.Column<long>(type: "bigint", nullable: false),
                    LastBlockHash = table.Column<string>(type: "character varying(66)", maxLength: 66, nullable: true),
                    LastBlockTimestampUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    HeadBlock = table.Column<long>(type: "bigint", nullable: true),
                    HeadTimestampUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ReorgsSeen = table.Column<int>(type: "integer", nullable: false),
                    DeepReorgsSeen = table.Column<int>(type: "integer", nullable: false),
                    LastReorgDepth = table.Column<int>(type: "integer", nullable: true),
                    LastReorgUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    LastError = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    LastErrorUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    LastRunUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_indexer_checkpoints", x => x.SourceId);
                });

            migrationBuilder.CreateTable(
                name: "indexer_errors",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    SourceId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    BlockNumber = table.Column<long>(type: "bigint", nullable: false),
                    TxHash = table.Column<string>(type: "character varying(66)", maxLength: 66, nullable: false),
                    LogIndex = table.Column<int>(type: "integer", nullable: false),
                    Message = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    RecordedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_indexer_errors", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "indexer_funding",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    SourceId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    BlockNumber = table.Column<long>(type: "bigint", nullable: false),
                    Venue = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Market = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    TimestampUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_indexer_funding", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "trade_gas",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Chain = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    TxHash = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    LogIndex = table.Column<int>(type: "integer", nullable: false),
                    SourceId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    BlockNumber = table.Column<long>(type: "bigint", nullable: false),
                    TimestampUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    GasUsed = table.Column<double>(type: "double precision", nullable: false),
                    EffectiveGasPriceWei = table.Column<double>(type: "double precision", nullable: false),
                    GasCostNative = table.Column<double>(type: "double precision", nullable: false),
                    NativePriceUsd = table.Column<double>(type: "double precision", nullable: true),
                    GasCostUsd = table.Column<double>(type: "double precision", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_trade_gas", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_indexer_errors_SourceId_BlockNumber",
                table: "indexer_errors",
                columns: new[] { "SourceId", "BlockNumber" });

            migrationBuilder.CreateIndex(
                name: "IX_indexer_errors_SourceId_TxHash_LogIndex",
                table: "indexer_errors",
                columns: new[] { "SourceId", "TxHash", "LogIndex" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_indexer_funding_SourceId_BlockNumber",
                table: "indexer_funding",
                columns: new[] { "SourceId", "BlockNumber" });

            migrationBuilder.CreateIndex(
                name: "IX_indexer_funding_Venue_Market_TimestampUtc",
                table: "indexer_funding",
                columns: new[] { "Venue", "Market", "TimestampUtc" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_trade_gas_Chain_TimestampUtc",
                table: "trade_gas",
                columns: new[] { "Chain", "TimestampUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_trade_gas_Chain_TxHash_LogIndex",
                table: "trade_gas",
                columns: new[] { "Chain", "TxHash", "LogIndex" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_trade_gas_SourceId_BlockNumber",
                table: "trade_gas",
                columns: new[] { "SourceId", "BlockNumber" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "indexer_blocks");

            migrationBuilder.DropTable(
                name: "indexer_checkpoints");

            migrationBuilder.DropTable(
                name: "indexer_errors");

            migrationBuilder.DropTable(
                name: "indexer_funding");

            migrationBuilder.DropTable(
                name: "trade_gas");
        }
    }
}
