using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SalesBot.Infrastructure.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class UniqueVisits : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Visits_OwnerId_ClientId_Start",
                table: "Visits",
                columns: new[] { "OwnerId", "ClientId", "Start" },
                unique: true,
                filter: "\"Status\" <> 'Cancelled'");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Visits_OwnerId_ClientId_Start",
                table: "Visits");
        }
    }
}
