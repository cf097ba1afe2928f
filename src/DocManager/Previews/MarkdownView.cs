using System.Globalization;
using System.Net;
using System.Text;
using Markdig;
using Markdig.Extensions.Tables;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Microsoft.AspNetCore.Html;

namespace DocManager.Previews;

/// <summary>
/// A Markdown file as the viewer shows it: rendered by Markdig with raw HTML off (a &lt;script&gt; in the
/// file is shown as text), links made safe by <see cref="SafeLinks"/> before rendering, and at most
/// the first <see cref="MaxBytes"/> of the file, saying so when the file goes on. The output carries
/// no inline style either, so the page's CSP (style-src 'self') refuses nothing.
/// </summary>
/// <remarks>
/// Markdig, like most Markdown parsers, takes time quadratic in the length of one paragraph for some
/// inputs (<c>[](</c> repeated: 512 KiB took 97 s). Hence the smaller limit than a text file's, and a
/// file with a longer paragraph (or nesting deeper than Markdig's limit) is shown as plain text.
/// </remarks>
public static class MarkdownView
{
    /// <summary>How much of a Markdown file is rendered (a text file shows <see cref="TextView.DefaultMaxBytes"/>).</summary>
    public const int MaxBytes = 64 * 1024;

    /// <summary>The longest paragraph (or heading, or table) formatted; one longer leaves the file as plain text.</summary>
    internal const int MaxParagraphChars = 8 * 1024;

    private const string PlainTextNotice = "This file is shown as plain text: it has a paragraph too long or nesting too deep to format.";

    // Tables, task lists, bare URLs as links and ~~strikethrough~~; nothing that writes attributes
    // from the text (generic attributes) or embeds players (media links), hence no UseAdvancedExtensions.
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .DisableHtml()
        .UsePipeTables()
        .UseTaskLists()
        .UseAutoLinks(new() { UseHttpsForWWWLinks = true })
        .UseEmphasisExtras()
        .Build();

    // Blocks only, in linear time: what the paragraphs are, before their slow inline parsing.
    private static readonly MarkdownPipeline Blocks = BlocksOnly();

    /// <summary>Reads the first <see cref="MaxBytes"/> of a Markdown file and renders them (see <see cref="Render(TextExcerpt, int)"/>).</summary>
    public static async Task<HtmlString> RenderAsync(Stream content, int topHeadingLevel = 2, CancellationToken cancellationToken = default) =>
        Render(await TextView.ReadAsync(content, MaxBytes, cancellationToken), topHeadingLevel);

    /// <summary>Renders the first <see cref="MaxBytes"/> (as UTF-8) of a text already read (see <see cref="Render(TextExcerpt, int)"/>).</summary>
    public static HtmlString Render(string markdown, int topHeadingLevel = 2)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        return Render(TextView.Decode(Encoding.UTF8.GetBytes(markdown), MaxBytes), topHeadingLevel);
    }

    /// <summary>
    /// The excerpt as HTML in a <c>&lt;div class="viewer-markdown"&gt;</c>, followed by a
    /// <c>&lt;p class="muted viewer-notice"&gt;</c> when the file was cut or could only be shown as plain
    /// text. The file's <c>#</c> headings become <c>h{topHeadingLevel}</c> (default h2: below the
    /// page's h1, level with its other sections), the others below it, h6 at most.
    /// </summary>
    public static HtmlString Render(TextExcerpt excerpt, int topHeadingLevel = 2)
    {
        ArgumentNullException.ThrowIfNull(excerpt);
        var formatted = TryFormat(excerpt.Text, topHeadingLevel, out var html);
        var output = new StringBuilder($"<div class=\"viewer-markdown\">{html}</div>");
        foreach (var notice in new[] { excerpt.Notice, formatted ? null : PlainTextNotice }.OfType<string>())
        {
            output.Append(CultureInfo.InvariantCulture, $"\n<p class=\"muted viewer-notice\">{WebUtility.HtmlEncode(notice)}</p>");
        }

        return new HtmlString(output.ToString());
    }

    /// <summary>The safe HTML of a Markdown text; the caller bounds its length (<see cref="MaxBytes"/>).</summary>
    internal static string ToHtml(string markdown, int topHeadingLevel = 2)
    {
        TryFormat(markdown, topHeadingLevel, out var html);
        return html;
    }

    /// <summary>False when the text could only be shown as plain text (in a <c>&lt;pre&gt;</c>).</summary>
    private static bool TryFormat(string markdown, int topHeadingLevel, out string html)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        ArgumentOutOfRangeException.ThrowIfLessThan(topHeadingLevel, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(topHeadingLevel, 6);
        try
        {
            if (LongestParagraph(markdown) <= MaxParagraphChars)
            {
                html = Format(markdown, topHeadingLevel);
                return true;
            }
        }
        catch (ArgumentException)
        {
            // Markdig refuses nesting deeper than its limit (128): such a file is not prose.
        }

        html = $"<pre class=\"viewer-text\">{WebUtility.HtmlEncode(markdown)}</pre>";
        return false;
    }

    private static string Format(string markdown, int topHeadingLevel)
    {
        var document = Markdown.Parse(markdown, Pipeline);
        SafeLinks.Apply(document);
        foreach (var heading in document.Descendants<HeadingBlock>())
        {
            heading.Level = Math.Min(heading.Level + topHeadingLevel - 1, 6);
        }

        foreach (var table in document.Descendants<Table>())
        {
            AlignWithClasses(table);
        }

        return Markdown.ToHtml(document, Pipeline);
    }

    private static int LongestParagraph(string markdown) =>
        Markdown.Parse(markdown, Blocks).Descendants<LeafBlock>()
            .Where(block => block.ProcessInlines)
            .Select(block => block.Span.Length)
            .DefaultIfEmpty(0)
            .Max();

    private static MarkdownPipeline BlocksOnly()
    {
        var builder = new MarkdownPipelineBuilder().DisableHtml();
        builder.InlineParsers.Clear();
        return builder.Build();
    }
    /// <summary>Column alignment (<c>|:--:|</c>) as a class on each cell instead of Markdig's inline style.</summary>
    private static void AlignWithClasses(Table table)
    {
        var alignments = table.ColumnDefinitions.Select(column => column.Alignment).ToArray();
        foreach (var column in table.ColumnDefinitions)
        {
            column.Alignment = null;
        }

        foreach (var row in table.OfType<TableRow>())
        {
            var index = 0;
            foreach (var cell in row.OfType<TableCell>())
            {
                var column = cell.ColumnIndex >= 0 ? cell.ColumnIndex : index;
                if (column < alignments.Length && alignments[column] is { } alignment and not TableColumnAlign.Left)
                {
                    cell.GetAttributes().AddClass(alignment == TableColumnAlign.Center ? "align-center" : "align-right");
                }

                index++;
            }
        }
    }
}
