using Marketplace.Core.Data;
using MediatR;

namespace Marketplace.Core.Behaviours;

/// <summary>
/// Innermost: wraps a command in one database transaction with its audit rows, so a change and its
/// audit either both happen or neither does. Queries pass straight through.
/// </summary>
public sealed class TransactionBehaviour<TRequest, TResponse>(MarketplaceDbContext db, AuditTrail audit)
    : IPipelineBehavior<TRequest, TResponse>
{
    private static readonly bool IsCommand = typeof(TRequest).GetInterfaces()
        .Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(ICommand<>));

    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        if (!IsCommand || db.Database.CurrentTransaction is not null)
            return await next();

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var response = await next();
        var action = RequestName.Of(typeof(TRequest));
        if (audit.HasRecords)
            audit.Flush(action);
        else if (!audit.NothingToRecord)
            audit.AddUnattributed(action);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return response;
    }
}
