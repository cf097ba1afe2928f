using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DocManager.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Search : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "DocumentTexts",
                columns: table => new
                {
                    DocumentId = table.Column<int>(type: "INTEGER", nullable: false),
                    Text = table.Column<string>(type: "TEXT", nullable: false),
                    Truncated = table.Column<bool>(type: "INTEGER", nullable: false),
                    ExtractedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DocumentTexts", x => x.DocumentId);
                    table.ForeignKey(
                        name: "FK_DocumentTexts_Documents_DocumentId",
                        column: x => x.DocumentId,
                        principalTable: "Documents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Jobs",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    DocumentId = table.Column<int>(type: "INTEGER", nullable: true),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    RunAfter = table.Column<DateTime>(type: "TEXT", nullable: false),
                    LockedUntil = table.Column<DateTime>(type: "TEXT", nullable: true),
                    LockedBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    LastError = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    FailedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Jobs", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Jobs_DocumentId",
                table: "Jobs",
                column: "DocumentId");

            migrationBuilder.CreateIndex(
                name: "IX_Jobs_FailedAt_RunAfter",
                table: "Jobs",
                columns: new[] { "FailedAt", "RunAfter" });

            // The full-text index (FTS5): rowid is the document id; `readers` holds "u{id}" tokens
            // for the owner and each viewer, so visibility is part of every match.
            migrationBuilder.Sql("""
                CREATE VIRTUAL TABLE "DocumentSearch" USING fts5(
                    title, description, tags, filename, body, readers,
                    tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3');
                INSERT INTO "DocumentSearch" (rowid, title, description, tags, filename, body, readers)
                SELECT d."Id", d."Title", d."Description",
                       coalesce((SELECT group_concat(t."Tag", ' ') FROM "DocumentTags" t WHERE t."DocumentId" = d."Id"), ''),
                       coalesce(d."OriginalName", ''), '',
                       'u' || d."OwnerId" || coalesce((SELECT ' ' || group_concat('u' || s."UserId", ' ') FROM "Shares" s WHERE s."DocumentId" = d."Id"), '')
                FROM "Documents" d;
                INSERT INTO "Jobs" ("Kind", "DocumentId", "Attempts", "RunAfter", "CreatedAt")
                SELECT 'extract-text', "Id", 0, "CreatedAt", "CreatedAt" FROM "Documents" WHERE "StoredName" IS NOT NULL;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP TABLE IF EXISTS "DocumentSearch";""");

            migrationBuilder.DropTable(
                name: "DocumentTexts");

            migrationBuilder.DropTable(
                name: "Jobs");
        }
    }
}
