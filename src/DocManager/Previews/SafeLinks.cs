using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace DocManager.Previews;

/// <summary>
/// Makes the links of a parsed Markdown document safe to render in DocManager's origin, before it is
/// rendered: a link survives only to http, https or mailto, or as a relative or fragment address;
/// any other scheme (javascript:, data:, vbscript:, file:, and the spellings a browser reads the same
/// way) leaves its text and loses its link. Links that leave the site get
/// <c>rel="nofollow noopener noreferrer"</c>. Images never load: one with a safe address becomes a
/// link to it, so a file cannot make the viewer's browser call another server (CSP's img-src would
/// refuse it anyway, with a console error).
/// </summary>
internal static class SafeLinks
{
    private const string ExternalRel = "nofollow noopener noreferrer";

    private static readonly string[] AllowedSchemes = ["http", "https", "mailto"];

    private static readonly char[] ControlsAndSpace = [.. Enumerable.Range(0, 0x21).Select(c => (char)c)];

    public static void Apply(MarkdownDocument document)
    {
        // Listed first: the tree changes as they are rewritten.
        foreach (var link in document.Descendants<LinkInline>().ToList())
        {
            Rewrite(link);
        }

        foreach (var autolink in document.Descendants<AutolinkInline>().ToList())
        {
            var target = autolink.IsEmail ? Target.External : Classify(autolink.Url);
            if (target == Target.Unsafe)
            {
                autolink.ReplaceBy(new LiteralInline(autolink.Url));
            }
            else if (target == Target.External)
            {
                autolink.GetAttributes().AddPropertyIfNotExist("rel", ExternalRel);
            }
        }
    }

    private static void Rewrite(LinkInline link)
    {
        if (link.GetDynamicUrl is { } dynamicUrl)
        {
            link.Url = dynamicUrl() ?? link.Url;
            link.GetDynamicUrl = null;
        }

        var target = Classify(link.Url);
        if (link.IsImage)
        {
            // Inside a link an image can only be its text: links do not nest.
            if (target == Target.Unsafe || IsInsideLink(link))
            {
                link.ReplaceBy(new LiteralInline(ImageLabel(link)), copyChildren: false);
                return;
            }

            var label = ImageLabel(link);
            link.IsImage = false;
            link.Clear();
            link.AppendChild(new LiteralInline(label));
            link.GetAttributes().AddClass("markdown-image");
        }

        if (target == Target.Unsafe)
        {
            // The link's text stays, as text.
            link.MoveChildrenAfter(link);
            link.Remove();
        }
        else if (target == Target.External)
        {
            link.GetAttributes().AddPropertyIfNotExist("rel", ExternalRel);
        }
    }

    private static bool IsInsideLink(Inline inline)
    {
        for (var parent = inline.Parent; parent is not null; parent = parent.Parent)
        {
            if (parent is LinkInline)
            {
                return true;
            }
        }

        return false;
    }

    private static string ImageLabel(LinkInline image)
    {
        var alt = string.Concat(image.Descendants<LiteralInline>().Select(literal => literal.Content.ToString())).Trim();
        return alt.Length > 0 ? $"Image: {alt}" : "Image";
    }

    internal enum Target
    {
        /// <summary>Relative, fragment or empty: this site.</summary>
        SameSite,

        /// <summary>http, https or mailto.</summary>
        External,

        /// <summary>Any other scheme, or an address a browser could read as one.</summary>
        Unsafe,
    }

    /// <summary>Where an address (entities already decoded by the parser) takes the browser.</summary>
    internal static Target Classify(string? url)
    {
        if (string.IsNullOrEmpty(url))
        {
            return Target.SameSite;
        }

        // What a URL parser does first: it drops tabs and line breaks anywhere ("java\tscript:") and
        // control characters and spaces at either end.
        var cleaned = url.Replace("\t", "", StringComparison.Ordinal).Replace("\n", "", StringComparison.Ordinal).Replace("\r", "", StringComparison.Ordinal)
            .Trim(ControlsAndSpace);
        if (cleaned.Any(c => char.IsControl(c)))
        {
            return Target.Unsafe;
        }

        var colon = cleaned.IndexOf(':', StringComparison.Ordinal);
        var pathStart = cleaned.IndexOfAny(['/', '\\', '?', '#']);
        if (colon >= 0 && (pathStart < 0 || colon < pathStart))
        {
            // Whatever stands before the first colon is a scheme, or could be read as one: only three pass.
            var scheme = cleaned[..colon];
            return AllowedSchemes.Contains(scheme, StringComparer.OrdinalIgnoreCase) ? Target.External : Target.Unsafe;
        }

        // "//host/…", and "\\host" which browsers read the same way, leave the site.
        return cleaned.Length >= 2 && cleaned[0] is '/' or '\\' && cleaned[1] is '/' or '\\' ? Target.External : Target.SameSite;
    }
}
