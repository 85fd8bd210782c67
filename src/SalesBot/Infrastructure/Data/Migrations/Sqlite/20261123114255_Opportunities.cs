using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SalesBot.Infrastructure.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Opportunities : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Opportunities",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ClientId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OwnerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    NormalizedTitle = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ServiceType = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Segment = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    Seats = table.Column<int>(type: "INTEGER", nullable: false),
                    UnitValue = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    ContractMonths = table.Column<int>(type: "INTEGER", nullable: false),
                    Currency = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    MonthlyValue = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    TotalValue = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    Stage = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Probability = table.Column<int>(type: "INTEGER", nullable: false),
                    ProbabilityOverride = table.Column<int>(type: "INTEGER", nullable: true),
                    ExpectedClose = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ExpectedFirstBilling = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    LeadSource = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    LostReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    LastActivityAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Opportunities", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Opportunities_Clients_ClientId",
                        column: x => x.ClientId,
                        principalTable: "Clients",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Opportunities_People_OwnerId",
                        column: x => x.OwnerId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Opportunities_ClientId",
                table: "Opportunities",
                column: "ClientId");

            migrationBuilder.CreateIndex(
                name: "IX_Opportunities_OwnerId_Stage",
                table: "Opportunities",
                columns: new[] { "OwnerId", "Stage" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Opportunities");
        }
    }
}
