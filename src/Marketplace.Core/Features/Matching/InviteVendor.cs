using Marketplace.Core.Behaviours;
using Marketplace.Core.Common;
using Marketplace.Core.Data;
using Marketplace.Core.Domain;
using Marketplace.Core.Domain.Challenges;
using Marketplace.Core.Domain.Messaging;
using Marketplace.Core.Features.Challenges;
using Marketplace.Core.Features.Messaging;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Core.Features.Matching;

/// <summary>The agency invites a vendor to propose; the vendor is told in its language.</summary>
public static class InviteVendor
{
    [RequiresRole(Roles.Buyer)]
    public sealed record Command(int ChallengeId, int VendorId) : ICommand<Unit>;

    public sealed class Handler(MarketplaceDbContext db, ICurrentUser user, IClock clock, AuditTrail audit, Notifier notifier) : IRequestHandler<Command, Unit>
    {
        public async Task<Unit> Handle(Command request, CancellationToken cancellationToken)
        {
            var challenge = await db.OwnChallengeAsync(user, request.ChallengeId, clock, cancellationToken);
            if (!await db.Organisations.AnyAsync(o => o.Id == request.VendorId && o.Kind == OrganisationKind.Vendor, cancellationToken))
                throw new NotFoundException(Texts.Get("Features.Matching.InviteVendor.ThisCompanyDoesNotExist"));
            var invited = await db.Invitations.AnyAsync(i => i.ChallengeId == challenge.Id && i.VendorId == request.VendorId, cancellationToken);
            db.Invitations.Add(challenge.InviteVendor(request.VendorId, invited, clock.Now));
            await notifier.NotifyOrganisationAsync(request.VendorId, Notice.Of("Mail.VendorInvited",
                [TextArg.Bilingual(challenge.Agency!.NameTh, challenge.Agency.NameEn), TextArg.Bilingual(challenge.Content.TitleTh, challenge.Content.TitleEn)]),
                $"/challenges/{challenge.Slug}", cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            audit.Record(nameof(Challenge), () => challenge.Id, TextArg.Of("Audit.Summary.VendorInvited", TextArg.Plain($"{request.VendorId}")));
            return Unit.Value;
        }
    }
}
