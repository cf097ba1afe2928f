using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace DocManager.Shared;

/// <summary>
/// Marks every named form control whose field has errors with aria-invalid and points it at
/// its message (see <see cref="FieldErrorTagHelper"/>), so no page repeats that wiring.
/// </summary>
[HtmlTargetElement("input", Attributes = "name", TagStructure = TagStructure.WithoutEndTag)]
[HtmlTargetElement("textarea", Attributes = "name")]
[HtmlTargetElement("select", Attributes = "name")]
public sealed class InvalidFieldTagHelper : TagHelper
{
    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        if (context.AllAttributes["name"]?.Value?.ToString() is { } field && ViewContext.HasError(field))
        {
            output.Attributes.SetAttribute("aria-invalid", "true");
            output.Attributes.SetAttribute("aria-describedby", FieldErrors.IdFor(field));
        }
    }
}
