using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SalesBot.Infrastructure.Data.Migrations.Postgres
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Indicator = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    ScopeKind = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    ScopeId = table.Column<Guid>(type: "uuid", nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Month = table.Column<int>(type: "integer", nullable: false),
                    Target = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    SetAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
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
