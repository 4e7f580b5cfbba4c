using FluentValidation;
using Marketplace.Core.Behaviours;
using Marketplace.Core.Common;
using Marketplace.Core.Data;
using Marketplace.Core.Domain.Challenges;
using Marketplace.Core.Domain.Messaging;
using Marketplace.Core.Features.Catalogue;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Core.Features.Challenges;

/// <summary>Agency staff write a challenge as a draft, or edit their agency's draft.</summary>
public static class SaveChallenge
{
    [RequiresRole(Roles.Buyer)]
    public sealed record Query(int ChallengeId) : IRequest<Command>;

    [RequiresRole(Roles.Buyer)]
    public sealed class Command : ICommand<Result>
    {
        public int? ChallengeId { get; set; }
        public ChallengeForm Challenge { get; set; } = new();

        /// <summary>The version the form showed; a save over a newer one is refused as a lost race (SeenVersions).</summary>
        public long? Version { get; set; }
    }

    public sealed record Result(int ChallengeId, string Slug);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(MarketplaceDbContext db) =>
            RuleFor(x => x.Challenge).CustomAsync(async (form, context, ct) =>
            {
                var result = await new ChallengeFormValidator(await ListingFormValidator.ProvinceCodesAsync(db, ct)).ValidateAsync(form, ct);
                foreach (var error in result.Errors)
                    context.AddFailure($"{nameof(Command.Challenge)}.{error.PropertyName}", error.ErrorMessage);
            });
    }

    public sealed class QueryHandler(MarketplaceDbContext db, ICurrentUser user, IClock clock) : IRequestHandler<Query, Command>
    {
        public async Task<Command> Handle(Query request, CancellationToken cancellationToken)
        {
            var challenge = await db.OwnChallengeAsync(user, request.ChallengeId, clock, cancellationToken);
            return new Command { ChallengeId = challenge.Id, Challenge = ChallengeForm.From(challenge), Version = db.VersionOf(challenge) };
        }
    }

    public sealed class Handler(MarketplaceDbContext db, ICurrentUser user, IClock clock, AuditTrail audit) : IRequestHandler<Command, Result>
    {
        public async Task<Result> Handle(Command request, CancellationToken cancellationToken)
        {
            var form = request.Challenge;
            var content = form.ToContent();
            var questions = ChallengeForm.EndOfThaiDay(form.QuestionsDeadline!.Value);
            var proposals = ChallengeForm.EndOfThaiDay(form.ProposalsDeadline!.Value);
            Challenge challenge;
            if (request.ChallengeId is { } id)
            {
                challenge = await db.OwnChallengeAsync(user, id, clock, cancellationToken);
                db.ExpectVersion(challenge, request.Version);
                challenge.Edit(content, questions, proposals, clock.Now);
                audit.Record(nameof(Challenge), () => challenge.Id, TextArg.Of("Audit.Summary.ChallengeDraftEdited", TextArg.Bilingual(content.TitleTh, content.TitleEn)));
            }
            else
            {
                var agencyId = await db.OrganisationIdOf(user, cancellationToken)
                    ?? throw new ForbiddenException(Texts.Get("Features.Challenges.SaveChallenge.ThisAccountDoesNotBelongTo"));
                var slug = await Slug.UniqueAsync(Slug.From(content.TitleEn, "challenge"), s => db.Challenges.AnyAsync(c => c.Slug == s, cancellationToken));
                challenge = new Challenge(agencyId, user.UserId!, slug, content, questions, proposals, clock.Now);
                db.Challenges.Add(challenge);
                audit.Record(nameof(Challenge), () => challenge.Id, TextArg.Of("Audit.Summary.ChallengeDraftCreated", TextArg.Bilingual(content.TitleTh, content.TitleEn)));
            }
            await db.SaveChangesAsync(cancellationToken);
            return new Result(challenge.Id, challenge.Slug);
        }
    }
}
