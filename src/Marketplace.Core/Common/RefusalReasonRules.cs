using System.Linq.Expressions;
using FluentValidation;

namespace Marketplace.Core.Common;

/// <summary>
/// A decision that refuses must say why, because the person or organisation refused reads the reason; it is kept to
/// 1,000 characters. Each use case keeps its own messages, as they say who will read it.
/// </summary>
public static class RefusalReasonRules
{
    public const int MaxLength = 1000;

    /// <param name="v">The use case's validator.</param>
    /// <param name="reason">The command's reason property.</param>
    /// <param name="refusing">True when the command refuses, so a reason is required.</param>
    /// <param name="giveReasonKey">The interface text asking for a reason.</param>
    /// <param name="tooLongKey">The interface text for a reason over <see cref="MaxLength"/> characters.</param>
    public static void AddRefusalReasonRules<T>(this AbstractValidator<T> v, Expression<Func<T, string?>> reason, Func<T, bool> refusing,
        string giveReasonKey, string tooLongKey)
    {
        v.RuleFor(reason).NotEmpty().When(refusing).WithMessage(_ => Texts.Get(giveReasonKey));
        v.RuleFor(reason).MaximumLength(MaxLength).WithMessage(_ => Texts.Get(tooLongKey));
    }
}
