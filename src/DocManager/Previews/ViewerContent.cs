using DocManager.Documents;

namespace DocManager.Previews;

/// <summary>What the details page's viewer shows of a document (SPEC §8).</summary>
public enum ViewerKind
{
    /// <summary>A note: nothing to view.</summary>
    Note,

    /// <summary>Page images with navigation: a PDF, or an Office file converted to one.</summary>
    Pages,

    /// <summary>A picture shown whole.</summary>
    Image,

    /// <summary>A text or CSV file as escaped preformatted text.</summary>
    Text,

    /// <summary>A Markdown file rendered with raw HTML disabled.</summary>
    Markdown,

    /// <summary>Pictures are still being made.</summary>
    Pending,

    /// <summary>Pictures could not be made; the reason is shown.</summary>
    Failed,

    /// <summary>A type without pictures (an Office file without a converter).</summary>
    NoPreview,
}

/// <summary>The viewer's model: the document, what to show, and for pages which one.</summary>
/// <param name="Text">A text file's start, to be shown escaped.</param>
/// <param name="Html">A Markdown file rendered safely by <see cref="MarkdownView"/> (with its own notice when cut).</param>
/// <param name="Notice">Why only part of a text file is shown.</param>
public sealed record ViewerContent(
    DocumentSummary Document, ViewerKind Kind, int Page = 1, string? Text = null, Microsoft.AspNetCore.Html.HtmlString? Html = null, string? Notice = null)
{
    public int PageCount => Document.PreviewPages;

    public string? PreviousPageLink => Kind == ViewerKind.Pages && Page > 1 ? Link(Page - 1) : null;

    public string? NextPageLink => Kind == ViewerKind.Pages && Page < PageCount ? Link(Page + 1) : null;

    private string Link(int page) => $"/documents/{Document.Id}?page={page}";
}
