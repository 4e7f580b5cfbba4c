using System.Reflection;
using Marketplace.Core.Common;
using Marketplace.Core.Data;
using MediatR;

namespace Marketplace.Core.Behaviours;

/// <summary>
/// Checks the roles a request declares, and writes an audit row for every refusal — including the
/// ownership refusals that handlers raise deeper down. It sits outside the transaction so that the
/// refusal row survives the rollback of whatever the handler had started.
/// </summary>
public sealed class AuthorizationBehaviour<TRequest, TResponse>(ICurrentUser user, MarketplaceDbContext db, AuditTrail audit)
    : IPipelineBehavior<TRequest, TResponse>
{
    private static readonly RequiresRoleAttribute? RoleRule = typeof(TRequest).GetCustomAttribute<RequiresRoleAttribute>();
    private static readonly bool SignInRule = typeof(TRequest).GetCustomAttribute<RequiresSignInAttribute>() is not null;

    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        try
        {
            if ((RoleRule is not null || SignInRule) && user.UserId is null)
                throw new ForbiddenException(Texts.Get("Behaviours.AuthorizationBehaviour.YouNeedToSignInFirst"));
            if (RoleRule is not null && !RoleRule.Roles.Any(user.IsInRole))
                throw new ForbiddenException(Texts.Get("Behaviours.AuthorizationBehaviour.YourAccountIsNotAllowedTo"));
            return await next();
        }
        catch (ForbiddenException refused)
        {
            db.ChangeTracker.Clear();
            db.AuditEvents.Add(audit.Refusal(RequestName.Of(typeof(TRequest)), refused.Message));
            await db.SaveChangesAsync(CancellationToken.None);
            throw;
        }
    }
}
