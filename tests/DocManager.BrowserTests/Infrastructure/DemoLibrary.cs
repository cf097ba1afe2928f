using DocManager.Tests.Infrastructure;

namespace DocManager.BrowserTests.Infrastructure;

/// <summary>
/// A small, believable set of documents — real PDF, Word and Excel files, a scanned receipt and a
/// note, one of every category and priority, with tags — put in through the upload and new-note forms.
/// </summary>
public static class DemoLibrary
{
    public const string Report = "Quarterly report Q3";

    /// <summary>Words that find some of the documents (titles and descriptions), not all.</summary>
    public const string SearchWord = "contract";

    public static async Task SeedAsync(Visitor visitor)
    {
        await visitor.UploadAsync([TextDocuments.Xlsx("budget-2026.xlsx", "Budget 2026", "Rent", "Salaries", "Travel")],
            title: "Budget 2026", description: "Draft budget for next year, by department.", tags: "finance, planning");
        await visitor.UploadAsync([TextDocuments.Docx("office-lease.docx", "Lease of the second-floor office, five years from 1 March.")],
            title: "Office lease contract", description: "Signed lease for the new office, with the landlord's annex.",
            category: "contract", tags: "legal, office");
        await visitor.UploadAsync([TextDocuments.Pdf("northwind-invoice-117.pdf", "Invoice 2025-117", "Northwind Printing", "Total: 1,240.00 EUR")],
            title: "Invoice 2025-117 — Northwind Printing", description: "Brochures for the spring fair. Due in 30 days.",
            category: "invoice", tags: "finance, suppliers", priority: "low");
        await visitor.CreateNoteAsync("Team offsite notes", "Decisions: move to the new office in March, renew the cleaning contract, hire two engineers.",
            category: "notes", tags: "meeting");
        await visitor.UploadAsync([new TestFile("receipt-scan.png", Tests.Ocr.Scans.Word("RECEIPT"), "image/png")],
            title: "Hardware store receipt", description: "Scanned on the phone; the printed words are searchable.",
            category: "invoice", tags: "finance, scans");
        await visitor.UploadAsync([TextDocuments.Pdf("q3-report.pdf", "Quarterly report Q3", "Revenue grew 12% on the second quarter.")],
            title: Report, description: "Revenue, costs and headcount for July to September, for the board meeting.",
            category: "report", tags: "finance, board, q3", priority: "high");
    }
}
