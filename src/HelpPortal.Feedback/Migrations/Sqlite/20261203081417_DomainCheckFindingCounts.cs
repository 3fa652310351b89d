using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HelpPortal.Feedback.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class DomainCheckFindingCounts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "DomainCheckFindingCounts",
                columns: table => new
                {
                    Day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Count = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DomainCheckFindingCounts", x => new { x.Day, x.Code });
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DomainCheckFindingCounts");
        }
    }
}
