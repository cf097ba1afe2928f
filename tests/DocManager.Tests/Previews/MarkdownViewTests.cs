using System.Text;
using AngleSharp.Html.Parser;
using DocManager.Previews;

namespace DocManager.Tests.Previews;

/// <summary>
/// Markdown files in the viewer: rendered with raw HTML shown as text, links limited to safe schemes,
/// images never loaded, and only the first bytes of a long file. Outputs are read as parsed HTML.
/// </summary>
public sealed class MarkdownViewTests
{
    private static readonly HtmlParser Parser = new();

    [Fact]
    public void HeadingsListsAndTables_Render()
    {
        var page = Parse("""
            # Quarterly report

            Revenue **grew**, costs ~~fell~~.

            ## Figures

            | Item | Amount |
            | :--- | -----: |
            | Rent | 1,200 |

            - [x] draft
            - [ ] review
            """);

        // `#` becomes h2, below the page's h1; `##` follows below it.
        Assert.Equal("Quarterly report", page.QuerySelector("h2")?.TextContent);
        Assert.Equal("Figures", page.QuerySelector("h3")?.TextContent);
        Assert.Equal("grew", page.QuerySelector("strong")?.TextContent);
        Assert.Equal("fell", page.QuerySelector("del")?.TextContent);
        Assert.Equal(["Item", "Amount"], page.QuerySelectorAll("table th").Select(th => th.TextContent));
        Assert.Equal("1,200", page.QuerySelector("table td.align-right")?.TextContent);
        var boxes = page.QuerySelectorAll("input[type=checkbox]");
        Assert.Equal([true, false], boxes.Select(box => box.HasAttribute("checked")));
        Assert.All(boxes, box => Assert.True(box.HasAttribute("disabled")));
        // Alignment is a class, never an inline style the page's CSP would refuse.
        Assert.Empty(page.QuerySelectorAll("[style]"));
    }

    [Fact]
    public void HeadingLevels_FollowTheChosenTop_AndStopAtH6()
    {
        var page = Parser.ParseDocument(MarkdownView.ToHtml("# One\n\n###### Six", topHeadingLevel: 4));

        Assert.Equal("One", page.QuerySelector("h4")?.TextContent);
        Assert.Equal("Six", page.QuerySelector("h6")?.TextContent);
    }

    [Theory]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("<img src=x onerror=alert(1)>")]
    [InlineData("Text with <img src=x onerror=alert(1)> inline and <b onmouseover=alert(1)>bold</b>.")]
    [InlineData("<iframe src=\"https://example.com\"></iframe>")]
    [InlineData("<style>body { display: none }</style>")]
    [InlineData("```html\n<script>alert(1)</script>\n```")]
    public void RawHtml_IsShownAsText_NotAsElements(string markdown)
    {
        var page = Parse(markdown);

        AssertInert(page);
        Assert.Empty(page.QuerySelectorAll(".viewer-markdown img, .markdown iframe, .markdown style, .markdown b"));
        // What the file says is still there to read.
        Assert.Contains(markdown.Trim('`').Replace("html\n", "", StringComparison.Ordinal).Trim(), page.QuerySelector(".viewer-markdown")!.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[click](javascript:alert(1))")]
    [InlineData("[click](JaVaScRiPt:alert(1))")]
    [InlineData("[click](<java\tscript:alert(1)>)")]
    [InlineData("[click](java&#09;script:alert(1))")]
    [InlineData("[click](&#106;avascript:alert(1))")]
    [InlineData("[click](&#x6A;avascript&#x3A;alert(1))")]
    [InlineData("[click](javascript&colon;alert(1))")]
    [InlineData("[click]( javascript:alert(1))")]
    [InlineData("[click](<\u0001javascript:alert(1)>)")]
    [InlineData("[click](jav&#x0A;ascript:alert(1))")]
    [InlineData("[click](vbscript:msgbox(1))")]
    [InlineData("[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)")]
    [InlineData("[click](file:///etc/passwd)")]
    [InlineData("[click](%6Aavascript:alert(1))")]
    [InlineData("[click][ref]\n\n[ref]: javascript:alert(1)")]
    [InlineData("<javascript:click()>")]
    [InlineData("<JAVASCRIPT:click()>")]
    [InlineData("![click](javascript:alert(1))")]
    [InlineData("[![click](javascript:alert(1))](javascript:alert(2))")]
    public void UnsafeLink_LosesItsAddress_AndKeepsItsText(string markdown)
    {
        var page = Parse(markdown);

        AssertInert(page);
        Assert.Empty(page.QuerySelectorAll(".viewer-markdown a, .markdown img"));
        Assert.Contains("click", page.QuerySelector(".viewer-markdown")!.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[site](https://example.com/a?b=1#c)", "https://example.com/a?b=1#c")]
    [InlineData("[site](HTTP://example.com/)", "HTTP://example.com/")]
    [InlineData("<https://example.com/x>", "https://example.com/x")]
    [InlineData("See https://example.com/bare for more", "https://example.com/bare")]
    [InlineData("See www.example.com for more", "https://www.example.com")]
    [InlineData("[mail](mailto:maria@example.com)", "mailto:maria@example.com")]
    [InlineData("<maria@example.com>", "mailto:maria@example.com")]
    [InlineData("[elsewhere](//example.com/x)", "//example.com/x")]
    public void ExternalLink_KeepsItsAddress_WithNoFollowNoOpenerNoReferrer(string markdown, string href)
    {
        var link = Assert.Single(Parse(markdown).QuerySelectorAll(".viewer-markdown a"));

        Assert.Equal(href, link.GetAttribute("href"));
        Assert.Equal("nofollow noopener noreferrer", link.GetAttribute("rel"));
    }

    [Theory]
    [InlineData("[below](#figures)", "#figures")]
    [InlineData("[other](/documents?tag=finance)", "/documents?tag=finance")]
    [InlineData("[sibling](notes/plan.md)", "notes/plan.md")]
    public void SiteLink_KeepsItsAddress(string markdown, string href)
    {
        var link = Assert.Single(Parse(markdown).QuerySelectorAll(".viewer-markdown a"));

        Assert.Equal(href, link.GetAttribute("href"));
        Assert.Null(link.GetAttribute("rel"));
    }

    [Theory]
    [InlineData("![Chart of revenue](https://tracker.example.com/pixel.png)", "https://tracker.example.com/pixel.png")]
    [InlineData("![Chart of revenue](chart.png)", "chart.png")]
    public void Image_IsNeverLoaded_ButLinkedByItsAltText(string markdown, string href)
    {
        var page = Parse(markdown);

        Assert.Empty(page.QuerySelectorAll("img, [src]"));
        var link = Assert.Single(page.QuerySelectorAll(".viewer-markdown a.markdown-image"));
        Assert.Equal(href, link.GetAttribute("href"));
        Assert.Equal("Image: Chart of revenue", link.TextContent);
    }

    [Fact]
    public void ImageInsideALink_BecomesTheLinksText()
    {
        var link = Assert.Single(Parse("[![Logo](https://example.com/logo.png)](https://example.com/)").QuerySelectorAll(".viewer-markdown a"));

        Assert.Equal("https://example.com/", link.GetAttribute("href"));
        Assert.Equal("Image: Logo", link.TextContent);
    }

    [Fact]
    public async Task LongFile_IsCutAtTheLimit_AndSaysSo()
    {
        var paragraph = "A paragraph of the report that goes on for a while. ";
        var markdown = string.Concat(Enumerable.Repeat(paragraph + "\n\n", 20_000)) + "THE END";
        using var file = new MemoryStream(Encoding.UTF8.GetBytes(markdown));

        var page = Parser.ParseDocument((await MarkdownView.RenderAsync(file, cancellationToken: TestContext.Current.CancellationToken)).Value!);

        var shown = page.QuerySelector(".viewer-markdown")!.TextContent;
        Assert.DoesNotContain("THE END", shown, StringComparison.Ordinal);
        Assert.InRange(shown.Length, MarkdownView.MaxBytes * 9 / 10, MarkdownView.MaxBytes);
        Assert.NotEmpty(page.QuerySelectorAll(".viewer-markdown p"));
        Assert.Equal("Only the first 64 KiB of this file is shown.", page.QuerySelector(".viewer-notice")?.TextContent);
    }

    [Fact]
    public void ParagraphLongerThanTheLimit_LeavesTheFileAsPlainText_AndSaysSo()
    {
        var markdown = "# Title\n\n" + string.Concat(Enumerable.Repeat("[a](b) <b>word</b> ", 1_000));

        var page = Parse(markdown);

        AssertInert(page);
        Assert.Empty(page.QuerySelectorAll(".viewer-markdown h3, .markdown a, .markdown b"));
        Assert.StartsWith("# Title", page.QuerySelector(".viewer-markdown pre")?.TextContent, StringComparison.Ordinal);
        Assert.Contains("shown as plain text", page.QuerySelector(".viewer-notice")?.TextContent, StringComparison.Ordinal);
    }

    /// <summary>Inputs on which Markdig's time grows with the square of a paragraph's length (512 KiB of "[](" took 97 s).</summary>
    [Theory]
    [InlineData("[](")]
    [InlineData("[a](\n")]
    [InlineData("www.a.com\n")]
    [InlineData("a *b _c ~d ")]
    [InlineData("[x]: /u\n")]
    [InlineData("- [](\n")]
    [InlineData("|[](|\n")]
    public void PathologicalInput_RendersQuickly(string unit)
    {
        var bytes = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat(unit, TextView.DefaultMaxBytes / unit.Length)));
        var clock = System.Diagnostics.Stopwatch.StartNew();

        var page = Parser.ParseDocument(MarkdownView.Render(TextView.Decode(bytes, MarkdownView.MaxBytes)).Value!);

        // Milliseconds when idle; the bound leaves room for a loaded machine, not for quadratic time.
        Assert.InRange(clock.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(5));
        AssertInert(page);
    }

    [Fact]
    public void ShortFile_HasNoNotice()
    {
        Assert.Null(Parse("Short.").QuerySelector(".viewer-notice"));
    }

    [Theory]
    [InlineData(">", 5_000)]
    [InlineData("[", 50_000)]
    [InlineData("*", 50_000)]
    [InlineData("- ", 2_000)]
    [InlineData("<a>", 20_000)]
    public void DeeplyNestedInput_IsShownAsText_WithoutFailing(string opener, int count)
    {
        var markdown = string.Concat(Enumerable.Repeat(opener, count)) + " <script>alert(1)</script> end";

        var page = Parse(markdown);

        AssertInert(page);
        Assert.EndsWith("<script>alert(1)</script> end", page.QuerySelector(".viewer-markdown")!.TextContent.TrimEnd(), StringComparison.Ordinal);
    }

    [Fact]
    public void Text_IsDecodedAsUtf8_WithInvalidBytesReplaced_AndWithoutItsByteOrderMark()
    {
        byte[] bytes = [0xEF, 0xBB, 0xBF, .. "café "u8, 0xFF, 0xFE, .. " ok"u8];

        var excerpt = TextView.Decode(bytes);

        Assert.Equal("café \uFFFD\uFFFD ok", excerpt.Text);
        Assert.False(excerpt.Truncated);
        Assert.Null(excerpt.Notice);
    }

    [Fact]
    public async Task Text_CutInsideACharacter_LeavesThatCharacterOut()
    {
        // "é" is two bytes; the limit falls between them.
        using var file = new MemoryStream(Encoding.UTF8.GetBytes("abcé and more"));

        var excerpt = await TextView.ReadAsync(file, maxBytes: 4, TestContext.Current.CancellationToken);

        Assert.Equal("abc", excerpt.Text);
        Assert.True(excerpt.Truncated);
    }

    [Theory]
    [InlineData("javascript:alert(1)", "Unsafe")]
    [InlineData("  \u0000JAVASCRIPT:alert(1)", "Unsafe")]
    [InlineData("java\r\nscript:alert(1)", "Unsafe")]
    [InlineData("ｊavascript:alert(1)", "Unsafe")]
    [InlineData("java\u200Bscript:alert(1)", "Unsafe")]
    [InlineData("blob:https://example.com/1", "Unsafe")]
    [InlineData("\\\\example.com/x", "External")]
    [InlineData("/\\example.com/x", "External")]
    [InlineData("https://example.com", "External")]
    [InlineData("?page=2", "SameSite")]
    [InlineData("a/b:c", "SameSite")]
    [InlineData("", "SameSite")]
    public void Addresses_AreClassifiedAsABrowserReadsThem(string url, string expected)
    {
        Assert.Equal(expected, SafeLinks.Classify(url).ToString());
    }

    private static IDocument Parse(string markdown) => Parser.ParseDocument(MarkdownView.Render(markdown).Value!);

    /// <summary>Nothing in the output can run: no script or embedding element, no on* attribute, no unsafe address.</summary>
    private static void AssertInert(IDocument page)
    {
        Assert.Empty(page.QuerySelectorAll("script, iframe, object, embed, style, form, svg, math"));
        var elements = page.QuerySelectorAll("*");
        Assert.DoesNotContain(elements.SelectMany(e => e.Attributes), a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase));
        foreach (var attribute in elements.SelectMany(e => e.Attributes).Where(a => a.Name is "href" or "src" or "action" or "formaction" or "xlink:href"))
        {
            Assert.NotEqual(SafeLinks.Target.Unsafe, SafeLinks.Classify(attribute.Value));
        }
    }
}
