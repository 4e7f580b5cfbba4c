namespace Marketplace.Core.Common;

/// <summary>The request broke a rule that is the user's to fix; each error names the field it belongs to.</summary>
public sealed class InvalidRequestException(IReadOnlyList<FieldError> errors)
    : Exception(string.Join("; ", errors.Select(e => $"{e.Field}: {e.Message}")))
{
    public IReadOnlyList<FieldError> Errors { get; } = errors;

    public static InvalidRequestException For(string field, string message) => new([new FieldError(field, message)]);
}

public sealed record FieldError(string Field, string Message);

/// <summary>
/// The signed-in user may not do this. Shown as 403 and written to the audit trail; shown as 404 instead
/// when <paramref name="hideExistence"/> is set, so unpublished content does not reveal that it exists.
/// </summary>
public sealed class ForbiddenException(string reason, bool hideExistence = false) : Exception(reason)
{
    public bool HideExistence { get; } = hideExistence;
}

/// <summary>The thing does not exist, or the user may not know that it exists. Shown as 404.</summary>
public sealed class NotFoundException(string what) : Exception(what);

/// <summary>A domain rule refused a state change (an illegal transition). Shown next to the form as an error.</summary>
public sealed class DomainRuleException(string message) : Exception(message);
