using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace DocManager.Shared;

/// <summary>
/// <c>&lt;span field-error="title"&gt;</c> shows the messages recorded for that form field,
/// beside the field, with an id the input can point to with aria-describedby.
/// </summary>
[HtmlTargetElement("span", Attributes = "field-error")]
public sealed class FieldErrorTagHelper : TagHelper
{
    [HtmlAttributeName("field-error")]
    public string Field { get; set; } = "";

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        output.Attributes.SetAttribute("id", FieldErrors.IdFor(Field));
        output.Attributes.SetAttribute("class", "field-error");
        if (ViewContext.ViewData.ModelState.TryGetValue(Field, out var entry) && entry.Errors.Count > 0)
        {
            output.Content.SetContent(string.Join(" ", entry.Errors.Select(e => e.ErrorMessage)));
        }
        else
        {
            output.SuppressOutput();
        }
    }
}

public static class FieldErrors
{
    public static string IdFor(string field) => field + "-error";

    /// <summary>aria-invalid and aria-describedby for an input whose field has errors.</summary>
    public static bool HasError(this ViewContext viewContext, string field) =>
        viewContext.ViewData.ModelState.TryGetValue(field, out var entry) && entry.Errors.Count > 0;
}
