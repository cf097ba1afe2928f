namespace DocManager.Data.Migrations;

/// <summary>
/// What the Versions migration does to documents stored before it, on both databases (the same SQL):
/// each document's file becomes its version 1 — the same stored file, hash, size, name and type,
/// stored by its owner when the document was created — so nothing stored is lost or copied.
/// </summary>
internal static class VersionsUpgrade
{
    public const string Sql = """
        INSERT INTO "DocumentVersions" ("DocumentId", "Number", "StoredName", "OriginalName", "ContentType", "Size", "Sha256", "CreatedAt", "CreatedById")
        SELECT "Id", 1, "StoredName", COALESCE("OriginalName", ''), COALESCE("ContentType", 'application/octet-stream'), "Size", COALESCE("Sha256", ''), "CreatedAt", "OwnerId"
        FROM "Documents" WHERE "StoredName" IS NOT NULL;

        UPDATE "Documents" SET "CurrentVersion" = 1 WHERE "StoredName" IS NOT NULL;
        """;
}
