using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Marketplace.Web.TagHelpers;

/// <summary>
/// One form field the GOV.UK way: label, hint, the error message (what to do) above the input, and the
/// input wired to both with aria-describedby. &lt;form-field for="Input.Email" label="…" type="email" /&gt;
/// renders an input; kind="textarea" a text area; kind="select" with <see cref="Options"/> a drop-down.
/// </summary>
[HtmlTargetElement("form-field", TagStructure = TagStructure.WithoutEndTag)]
public sealed class FormFieldTagHelper(HtmlEncoder enc) : TagHelper
{
    [HtmlAttributeName("for")] public ModelExpression For { get; set; } = null!;
    public string Label { get; set; } = "";
    public string? Hint { get; set; }

    /// <summary>A moderator's request for this field, shown above it until the vendor resubmits.</summary>
    public string? Note { get; set; }
    public string Kind { get; set; } = "input";
    public string Type { get; set; } = "text";
    public string? Autocomplete { get; set; }
    public string? Inputmode { get; set; }
    public bool Required { get; set; }
    public int Rows { get; set; } = 5;
    public IEnumerable<SelectListItem>? Options { get; set; }

    [ViewContext, HtmlAttributeNotBound] public ViewContext ViewContext { get; set; } = null!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var name = For.Name;
        var id = TagBuilder.CreateSanitizedId(name, "_");
        var value = Kind == "input" && Type == "password" ? "" : Convert.ToString(For.Model, System.Globalization.CultureInfo.InvariantCulture) ?? "";
        // A date input takes only ISO yyyy-MM-dd; anything else (the invariant "06/30/2026") shows as an empty field.
        if (Type == "date" && For.Model is DateOnly date)
            value = Marketplace.Core.Common.Dates.Iso(date);
        // The value is always ISO underneath; the hint says which calendar the field reads, since Thai pages show พ.ศ.
        var hint = Type == "date" ? string.Join(" ", new[] { Hint, Marketplace.Core.Common.Texts.Get("TagHelpers.FormField.DateCalendarHint") }.OfType<string>()) : Hint;
        var errors = ViewContext.ModelState.TryGetValue(name, out var entry) ? entry.Errors.Select(e => e.ErrorMessage).ToList() : [];
        var describedBy = string.Join(' ', new[] { hint is null ? null : id + "-hint", errors.Count == 0 ? null : id + "-error" }.OfType<string>());

        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", errors.Count > 0 ? "mb-3 field field-invalid" : "mb-3 field");

        var html = new System.Text.StringBuilder();
        html.Append($"<label class=\"form-label fw-semibold\" for=\"{id}\">{enc.Encode(Label)}</label>");
        if (hint is not null)
            html.Append($"<div class=\"form-text mt-0 mb-1\" id=\"{id}-hint\">{enc.Encode(hint)}</div>");
        if (!string.IsNullOrWhiteSpace(Note))
            html.Append($"<p class=\"moderator-note alert alert-warning py-1 px-2 mb-1\" data-testid=\"note-{id}\">{enc.Encode(Note)}</p>");
        if (errors.Count > 0)
            html.Append($"<p class=\"field-error text-danger fw-semibold mb-1\" id=\"{id}-error\">{enc.Encode(string.Join(" ", errors))}</p>");

        var common = $"id=\"{id}\" name=\"{enc.Encode(name)}\"" +
            (describedBy.Length > 0 ? $" aria-describedby=\"{describedBy}\"" : "") +
            (errors.Count > 0 ? " aria-invalid=\"true\"" : "") +
            (Required ? " required aria-required=\"true\"" : "") +
            (Autocomplete is null ? "" : $" autocomplete=\"{Autocomplete}\"");
        var invalid = errors.Count > 0 ? " is-invalid" : "";
        switch (Kind)
        {
            case "textarea":
                html.Append($"<textarea class=\"form-control{invalid}\" rows=\"{Rows}\" {common}>{enc.Encode(value)}</textarea>");
                break;
            case "select":
                html.Append($"<select class=\"form-select{invalid}\" {common}>");
                foreach (var option in Options ?? [])
                    html.Append($"<option value=\"{enc.Encode(option.Value)}\"{(option.Value == value ? " selected" : "")}>{enc.Encode(option.Text)}</option>");
                html.Append("</select>");
                break;
            default:
                html.Append($"<input class=\"form-control{invalid}\" type=\"{Type}\" value=\"{enc.Encode(value)}\" {common}" +
                    (Inputmode is null ? "" : $" inputmode=\"{Inputmode}\"") + " />");
                break;
        }
        output.Content.SetHtmlContent(html.ToString());
    }
}
