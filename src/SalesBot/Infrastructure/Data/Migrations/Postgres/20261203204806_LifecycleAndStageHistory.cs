using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SalesBot.Infrastructure.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class LifecycleAndStageHistory : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "OpportunityId",
                table: "Visits",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ClientLifecycleEvents",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ClientId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    On = table.Column<DateOnly>(type: "date", nullable: false),
                    Reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ClientLifecycleEvents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ClientLifecycleEvents_Clients_ClientId",
                        column: x => x.ClientId,
                        principalTable: "Clients",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "OpportunityStageChanges",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OpportunityId = table.Column<Guid>(type: "uuid", nullable: false),
                    FromStage = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    ToStage = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OpportunityStageChanges", x => x.Id);
                    table.ForeignKey(
                        name: "FK_OpportunityStageChanges_Opportunities_OpportunityId",
                        column: x => x.OpportunityId,
                        principalTable: "Opportunities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Visits_OpportunityId",
                table: "Visits",
                column: "OpportunityId");

            migrationBuilder.CreateIndex(
                name: "IX_ClientLifecycleEvents_ClientId_Kind_On",
                table: "ClientLifecycleEvents",
                columns: new[] { "ClientId", "Kind", "On" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ClientLifecycleEvents_Kind_On",
                table: "ClientLifecycleEvents",
                columns: new[] { "Kind", "On" });

            migrationBuilder.CreateIndex(
                name: "IX_OpportunityStageChanges_OpportunityId_At",
                table: "OpportunityStageChanges",
                columns: new[] { "OpportunityId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_OpportunityStageChanges_ToStage_At",
                table: "OpportunityStageChanges",
                columns: new[] { "ToStage", "At" });

            migrationBuilder.AddForeignKey(
                name: "FK_Visits_Opportunities_OpportunityId",
                table: "Visits",
                column: "OpportunityId",
                principalTable: "Opportunities",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Visits_Opportunities_OpportunityId",
                table: "Visits");

            migrationBuilder.DropTable(
                name: "ClientLifecycleEvents");

            migrationBuilder.DropTable(
                name: "OpportunityStageChanges");

            migrationBuilder.DropIndex(
                name: "IX_Visits_OpportunityId",
                table: "Visits");

            migrationBuilder.DropColumn(
                name: "OpportunityId",
                table: "Visits");
        }
    }
}
