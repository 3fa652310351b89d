using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HelpPortal.Feedback.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class VoterNetworks : Migration
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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
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
