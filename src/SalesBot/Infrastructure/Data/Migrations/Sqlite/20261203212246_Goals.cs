using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SalesBot.Infrastructure.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Goals : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Goals",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Indicator = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    ScopeKind = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    ScopeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Month = table.Column<int>(type: "INTEGER", nullable: false),
                    Target = table.Column<long>(type: "INTEGER", precision: 18, scale: 2, nullable: false),
                    SetAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Goals", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Goals_Indicator_ScopeKind_ScopeId_Year_Month",
                table: "Goals",
                columns: new[] { "Indicator", "ScopeKind", "ScopeId", "Year", "Month" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Goals");
        }
    }
}
