using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DocManager.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Previews : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "PreviewError",
                table: "Documents",
                type: "TEXT",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PreviewKey",
                table: "Documents",
                type: "TEXT",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "PreviewPages",
                table: "Documents",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "PreviewStatus",
                table: "Documents",
                type: "TEXT",
                maxLength: 8,
                nullable: false,
                defaultValue: "none");

            migrationBuilder.AddColumn<string>(
                name: "TextError",
                table: "Documents",
                type: "TEXT",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "TextSource",
                table: "Documents",
                type: "TEXT",
                maxLength: 8,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "TextStatus",
                table: "Documents",
                type: "TEXT",
                maxLength: 8,
                nullable: false,
                defaultValue: "none");

            migrationBuilder.CreateIndex(
                name: "IX_Documents_PreviewKey",
                table: "Documents",
                column: "PreviewKey",
                unique: true);

            migrationBuilder.Sql(PreviewsUpgrade.Sql);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Documents_PreviewKey",
                table: "Documents");

            migrationBuilder.DropColumn(
                name: "PreviewError",
                table: "Documents");

            migrationBuilder.DropColumn(
                name: "PreviewKey",
                table: "Documents");

            migrationBuilder.DropColumn(
                name: "PreviewPages",
                table: "Documents");

            migrationBuilder.DropColumn(
                name: "PreviewStatus",
                table: "Documents");

            migrationBuilder.DropColumn(
                name: "TextError",
                table: "Documents");

            migrationBuilder.DropColumn(
                name: "TextSource",
                table: "Documents");

            migrationBuilder.DropColumn(
                name: "TextStatus",
                table: "Documents");
        }
    }
}
