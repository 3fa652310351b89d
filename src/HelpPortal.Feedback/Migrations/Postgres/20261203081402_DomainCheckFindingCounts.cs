using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HelpPortal.Feedback.Migrations.Postgres
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
                    Day = table.Column<DateOnly>(type: "date", nullable: false),
                    Code = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Count = table.Column<int>(type: "integer", nullable: false)
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
