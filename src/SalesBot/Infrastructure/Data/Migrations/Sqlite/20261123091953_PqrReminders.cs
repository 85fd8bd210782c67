using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SalesBot.Infrastructure.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PqrReminders : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "EscalatedAt",
                table: "Pqrs",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "OverdueAlertedAt",
                table: "Pqrs",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "JobRuns",
                columns: table => new
                {
                    Job = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Period = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    RanAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_JobRuns", x => new { x.Job, x.Period });
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "JobRuns");

            migrationBuilder.DropColumn(
                name: "EscalatedAt",
                table: "Pqrs");

            migrationBuilder.DropColumn(
                name: "OverdueAlertedAt",
                table: "Pqrs");
        }
    }
}
