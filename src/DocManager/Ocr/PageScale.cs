namespace DocManager.Ocr;

/// <summary>How large a PDF page is rendered for OCR.</summary>
internal static class PageScale
{
    /// <summary>
    /// The width in pixels of a page of <paramref name="points"/> (1/72 in) at <see cref="OcrReader.Resolution"/>
    /// dpi, or at less for a page so large (a poster, a bomb) that it would have more than
    /// <paramref name="maxPixels"/>: the page is then scaled down whole, keeping its proportions.
    /// </summary>
    public static int PixelWidth((double Width, double Height) points, long maxPixels)
    {
        var width = points.Width / 72 * OcrReader.Resolution;
        var height = points.Height / 72 * OcrReader.Resolution;
        var shrink = width * height > maxPixels ? Math.Sqrt(maxPixels / (width * height)) : 1;
        return Math.Max(1, (int)Math.Floor(width * shrink));
    }
}
