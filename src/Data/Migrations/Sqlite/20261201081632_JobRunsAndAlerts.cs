using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Analytics.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class JobRunsAndAlerts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "job_runs",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    BackgroundJobId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    RecurringJobId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Job = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    PortfolioId = table.Column<long>(type: "INTEGER", nullable: true),
                    Attempt = table.Column<int>(type: "INTEGER", nullable: false),
                    Node = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    StartedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    FinishedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    State = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Error = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 16000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_job_runs", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "margin_alert_states",
                columns: table => new
                {
                    PortfolioId = table.Column<long>(type: "INTEGER", nullable: false),
                    Model = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Chain = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Level = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Above = table.Column<bool>(type: "INTEGER", nullable: false),
                    Utilisation = table.Column<double>(type: "REAL", nullable: true),
                    CheckedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_margin_alert_states", x => new { x.PortfolioId, x.Model, x.Chain, x.Level });
                });

            migrationBuilder.CreateTable(
                name: "margin_alerts",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PortfolioId = table.Column<long>(type: "INTEGER", nullable: false),
                    PortfolioVersion = table.Column<int>(type: "INTEGER", nullable: false),
                    Model = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Chain = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Level = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    RaisedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    AsOfUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Utilisation = table.Column<double>(type: "REAL", nullable: true),
                    Threshold = table.Column<double>(type: "REAL", nullable: false),
                    EquityUsd = table.Column<double>(type: "REAL", nullable: false),
                    MaintenanceMarginUsd = table.Column<double>(type: "REAL", nullable: false),
                    InitialMarginUsd = table.Column<double>(type: "REAL", nullable: false),
                    RecurringJobId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_margin_alerts", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_job_runs_BackgroundJobId",
                table: "job_runs",
                column: "BackgroundJobId");

            migrationBuilder.CreateIndex(
                name: "IX_job_runs_PortfolioId_StartedAtUtc",
                table: "job_runs",
                columns: new[] { "PortfolioId", "StartedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_job_runs_RecurringJobId_StartedAtUtc_Id",
                table: "job_runs",
                columns: new[] { "RecurringJobId", "StartedAtUtc", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_margin_alerts_PortfolioId_RaisedAtUtc_Id",
                table: "margin_alerts",
                columns: new[] { "PortfolioId", "RaisedAtUtc", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_margin_alerts_RaisedAtUtc_Id",
                table: "margin_alerts",
                columns: new[] { "RaisedAtUtc", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "job_runs");

            migrationBuilder.DropTable(
                name: "margin_alert_states");

            migrationBuilder.DropTable(
                name: "margin_alerts");
        }
    }
}
