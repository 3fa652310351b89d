using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HelpPortal.Feedback.Migrations.Postgres
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
                type: "character varying(32)",
                maxLength: 32,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "StoreSecrets",
                columns: table => new
                {
                    Name = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Value = table.Column<byte[]>(type: "bytea", maxLength: 64, nullable: false)
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
