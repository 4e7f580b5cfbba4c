using FluentValidation;
using Marketplace.Core.Common;
using MediatR;

namespace Marketplace.Core.Behaviours;

/// <summary>Runs the request's validators; messages are in the request's language and name their field.</summary>
public sealed class ValidationBehaviour<TRequest, TResponse>(IEnumerable<IValidator<TRequest>> validators)
    : IPipelineBehavior<TRequest, TResponse>
{
    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        var errors = new List<FieldError>();
        foreach (var validator in validators)
        {
            var result = await validator.ValidateAsync(request, cancellationToken);
            errors.AddRange(result.Errors.Select(e => new FieldError(e.PropertyName, e.ErrorMessage)));
        }
        if (errors.Count > 0)
            throw new InvalidRequestException(errors);
        return await next();
    }
}
