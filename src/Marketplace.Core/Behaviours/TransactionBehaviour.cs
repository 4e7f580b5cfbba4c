using Marketplace.Core.Data;
using Marketplace.Core.Domain.Search;
using Marketplace.Core.Features.Search;
using MediatR;

namespace Marketplace.Core.Behaviours;

/// <summary>
/// Innermost: wraps a command in one database transaction with its audit rows, so a change and its
/// audit either both happen or neither does. Queries pass straight through.
/// </summary>
public sealed class TransactionBehaviour<TRequest, TResponse>(MarketplaceDbContext db, AuditTrail audit, PublicChanges changes)
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
        // Pages built from the database show the change at once on this instance; catalogue pages wait for the index.
        changes.Raise(PublicChanges.Of(db.ChangeTracker.Entries<ChangeLogEntry>().Select(e => e.Entity)) & ~ChangedPages.Catalogue);
        return response;
    }
}
