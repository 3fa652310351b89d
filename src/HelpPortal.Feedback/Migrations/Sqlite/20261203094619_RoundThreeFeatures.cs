using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HelpPortal.Feedback.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class RoundThreeFeatures : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "NetworkHash",
                table: "Votes",
                type: "TEXT",
                maxLength: 32,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ContentGapMarks",
                columns: table => new
                {
                    Lang = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    GapKey = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    MarkedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    MarkedUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ContentGapMarks", x => new { x.Lang, x.GapKey });
                });

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

            migrationBuilder.CreateTable(
                name: "EscalationCounts",
                columns: table => new
                {
                    Day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Lang = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    Slug = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Diagnosis = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Count = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EscalationCounts", x => new { x.Day, x.Lang, x.Slug, x.Diagnosis });
                });

            migrationBuilder.CreateTable(
                name: "LimitCounts",
                columns: table => new
                {
                    Key = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Bucket = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Count = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LimitCounts", x => new { x.Key, x.Bucket });
                });

            migrationBuilder.CreateTable(
                name: "StoreSecrets",
                columns: table => new
                {
                    Name = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Value = table.Column<byte[]>(type: "BLOB", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StoreSecrets", x => x.Name);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Votes_NetworkHash_Lang_Slug",
                table: "Votes",
                columns: new[] { "NetworkHash", "Lang", "Slug" });

            migrationBuilder.CreateIndex(
                name: "IX_LimitCounts_Bucket",
                table: "LimitCounts",
                column: "Bucket");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ContentGapMarks");

            migrationBuilder.DropTable(
                name: "DomainCheckFindingCounts");

            migrationBuilder.DropTable(
                name: "EscalationCounts");

            migrationBuilder.DropTable(
                name: "LimitCounts");

            migrationBuilder.DropTable(
                name: "StoreSecrets");

            migrationBuilder.DropIndex(
                name: "IX_Votes_NetworkHash_Lang_Slug",
                table: "Votes");

            migrationBuilder.DropColumn(
                name: "NetworkHash",
                table: "Votes");
        }
    }
}
