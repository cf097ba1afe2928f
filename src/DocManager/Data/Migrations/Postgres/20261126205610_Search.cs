using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace DocManager.Data.Migrations.Postgres
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
                    DocumentId = table.Column<int>(type: "integer", nullable: false),
                    Text = table.Column<string>(type: "text", nullable: false),
                    Truncated = table.Column<bool>(type: "boolean", nullable: false),
                    ExtractedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    DocumentId = table.Column<int>(type: "integer", nullable: true),
                    Attempts = table.Column<int>(type: "integer", nullable: false),
                    RunAfter = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    LockedUntil = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    LockedBy = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    LastError = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    FailedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
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

            // Full-text search: a "docmanager" configuration (simple words, accents removed), and one
            // row per document. Its generated `Vector` weighs title A, tags and description B, file
            // name C, file text D, and also holds one lexeme per reader ("#7": owner and viewers; no
            // typed word can produce it), so "matches and is readable" is a single GIN lookup.
            // `HeadVector` (everything but the file text) is small enough to rank every match cheaply;
            // `TitleVector` serves "title matches first" and suggestions.
            migrationBuilder.Sql("""
                CREATE EXTENSION IF NOT EXISTS unaccent;
                CREATE TEXT SEARCH CONFIGURATION docmanager (COPY = simple);
                ALTER TEXT SEARCH CONFIGURATION docmanager
                    ALTER MAPPING FOR asciiword, asciihword, hword_asciipart, word, hword, hword_part, numword, numhword, hword_numpart
                    WITH unaccent, simple;
                CREATE TABLE "DocumentSearch" (
                    "DocumentId" integer PRIMARY KEY REFERENCES "Documents" ("Id") ON DELETE CASCADE,
                    "Title" text NOT NULL,
                    "Description" text NOT NULL,
                    "Tags" text NOT NULL,
                    "FileName" text NOT NULL,
                    "Body" text NOT NULL,
                    "Readers" text NOT NULL,
                    "HeadVector" tsvector GENERATED ALWAYS AS (
                        setweight(to_tsvector('docmanager', "Title"), 'A') ||
                        setweight(to_tsvector('docmanager', "Tags"), 'B') ||
                        setweight(to_tsvector('docmanager', "Description"), 'B') ||
                        setweight(to_tsvector('docmanager', "FileName"), 'C')) STORED,
                    "Vector" tsvector GENERATED ALWAYS AS (
                        setweight(to_tsvector('docmanager', "Title"), 'A') ||
                        setweight(to_tsvector('docmanager', "Tags"), 'B') ||
                        setweight(to_tsvector('docmanager', "Description"), 'B') ||
                        setweight(to_tsvector('docmanager', "FileName"), 'C') ||
                        setweight(to_tsvector('docmanager', "Body"), 'D') ||
                        array_to_tsvector(string_to_array("Readers", ' '))) STORED,
                    "TitleVector" tsvector GENERATED ALWAYS AS (to_tsvector('docmanager', "Title")) STORED);
                CREATE INDEX "IX_DocumentSearch_Vector" ON "DocumentSearch" USING GIN ("Vector");
                CREATE INDEX "IX_DocumentSearch_TitleVector" ON "DocumentSearch" USING GIN ("TitleVector");
                INSERT INTO "DocumentSearch" ("DocumentId", "Title", "Description", "Tags", "FileName", "Body", "Readers")
                SELECT d."Id", d."Title", d."Description",
                       coalesce((SELECT string_agg(t."Tag", ' ') FROM "DocumentTags" t WHERE t."DocumentId" = d."Id"), ''),
                       coalesce(d."OriginalName", ''), '',
                       '#' || d."OwnerId" || coalesce((SELECT string_agg(' #' || s."UserId", '') FROM "Shares" s WHERE s."DocumentId" = d."Id"), '')
                FROM "Documents" d;
                INSERT INTO "Jobs" ("Kind", "DocumentId", "Attempts", "RunAfter", "CreatedAt")
                SELECT 'extract-text', "Id", 0, "CreatedAt", "CreatedAt" FROM "Documents" WHERE "StoredName" IS NOT NULL;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TABLE IF EXISTS "DocumentSearch";
                DROP TEXT SEARCH CONFIGURATION IF EXISTS docmanager;
                """);

            migrationBuilder.DropTable(
                name: "DocumentTexts");

            migrationBuilder.DropTable(
                name: "Jobs");
        }
    }
}
