namespace DocManager.Data.Migrations;

/// <summary>
/// What the Previews migration does to documents stored before it, on both databases (the SQL is
/// the same): every file gets its previews made once, in the background, and every file whose words
/// are not searchable yet (a scan, a type read only now) gets its text read again — so nothing
/// already stored is left without a preview. A note has neither.
/// </summary>
internal static class PreviewsUpgrade
{
    public const string Sql = """
        UPDATE "Documents" SET
            "PreviewStatus" = CASE WHEN "StoredName" IS NULL THEN 'none' ELSE 'pending' END,
            "TextStatus" = CASE
                WHEN "StoredName" IS NULL THEN 'none'
                WHEN EXISTS (SELECT 1 FROM "DocumentTexts" t WHERE t."DocumentId" = "Documents"."Id" AND trim(t."Text") <> '') THEN 'ready'
                ELSE 'pending' END,
            "TextSource" = CASE
                WHEN "StoredName" IS NOT NULL AND EXISTS (SELECT 1 FROM "DocumentTexts" t WHERE t."DocumentId" = "Documents"."Id" AND trim(t."Text") <> '') THEN 'file'
                ELSE NULL END;

        INSERT INTO "Jobs" ("Kind", "DocumentId", "Attempts", "RunAfter", "CreatedAt")
        SELECT 'preview', "Id", 0, "CreatedAt", "CreatedAt" FROM "Documents" WHERE "StoredName" IS NOT NULL;

        INSERT INTO "Jobs" ("Kind", "DocumentId", "Attempts", "RunAfter", "CreatedAt")
        SELECT 'extract-text', d."Id", 0, d."CreatedAt", d."CreatedAt" FROM "Documents" d
        WHERE d."TextStatus" = 'pending'
          AND NOT EXISTS (SELECT 1 FROM "Jobs" j WHERE j."DocumentId" = d."Id" AND j."Kind" = 'extract-text' AND j."FailedAt" IS NULL);
        """;
}
