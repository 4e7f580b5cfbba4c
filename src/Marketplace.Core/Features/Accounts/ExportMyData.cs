using Marketplace.Core.Behaviours;
using Marketplace.Core.Common;
using Marketplace.Core.Data;
using Marketplace.Core.Domain;
using MediatR;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Core.Features.Accounts;

/// <summary>PDPA right of access: everything the site holds about the signed-in person, as one document.</summary>
public static class ExportMyData
{
    [RequiresSignIn]
    public sealed record Query : IRequest<PersonalData>;

    public sealed record PersonalData(DateTimeOffset ExportedAt, AccountData Account, OrganisationData? Organisation,
        IReadOnlyList<NotificationData> Notifications, IReadOnlyList<QuestionData> QuestionsAsked,
        IReadOnlyList<ProposalData> ProposalsSubmitted, IReadOnlyList<ActivityData> Activity);

    public sealed record AccountData(string Id, string DisplayName, string Email, bool EmailConfirmed, string? PhoneNumber,
        string Language, IReadOnlyList<string> Roles, bool TwoFactorEnabled, string? PrivacyConsentVersion, DateTimeOffset? PrivacyConsentedAt);

    public sealed record OrganisationData(int Id, string Slug, string NameTh, string NameEn);

    public sealed record NotificationData(DateTimeOffset CreatedAt, string Text, string? Link, DateTimeOffset? ReadAt);

    public sealed record QuestionData(int ChallengeId, DateTimeOffset AskedAt, string Text);

    public sealed record ProposalData(int Id, int ChallengeId, DateTimeOffset SubmittedAt);

    public sealed record ActivityData(DateTimeOffset At, string Action, string Summary, bool Refused);

    public sealed class Handler(MarketplaceDbContext db, UserManager<AppUser> users, ICurrentUser current, IClock clock, ISiteLinks links) : IRequestHandler<Query, PersonalData>
    {
        public async Task<PersonalData> Handle(Query request, CancellationToken cancellationToken)
        {
            var user = await users.LoadAsync(current);
            var organisation = await db.Organisations.AsNoTracking().Where(o => o.Id == user.OrganisationId)
                .Select(o => new OrganisationData(o.Id, o.Slug, o.NameTh, o.NameEn)).SingleOrDefaultAsync(cancellationToken);
            var notifications = (await db.Notifications.AsNoTracking().Where(n => n.UserId == user.Id).OrderBy(n => n.CreatedAt).ToListAsync(cancellationToken))
                .Select(n => new NotificationData(n.CreatedAt, Messaging.NoticeText.Subject(n.Notice, System.Globalization.CultureInfo.CurrentUICulture, links), n.Link, n.ReadAt)).ToList();
            var questions = await db.ChallengeQuestions.AsNoTracking().Where(q => q.AskedByUserId == user.Id).OrderBy(q => q.Id)
                .Select(q => new QuestionData(q.ChallengeId, q.AskedAt, q.Text)).ToListAsync(cancellationToken);
            var proposals = await db.Proposals.AsNoTracking().Where(p => p.SubmittedByUserId == user.Id).OrderBy(p => p.Id)
                .Select(p => new ProposalData(p.Id, p.ChallengeId, p.SubmittedAt)).ToListAsync(cancellationToken);
            var activity = (await db.AuditEvents.AsNoTracking().Where(a => a.UserId == user.Id).OrderBy(a => a.Id).ToListAsync(cancellationToken))
                .Select(a => new ActivityData(a.At, a.Action, Moderation.AuditLog.SummaryOf(a, System.Globalization.CultureInfo.CurrentUICulture), a.Refused)).ToList();
            var account = new AccountData(user.Id, user.DisplayName, user.Email!, user.EmailConfirmed, user.PhoneNumber, user.Language,
                [.. await users.GetRolesAsync(user)], user.TwoFactorEnabled, user.PrivacyConsentVersion, user.PrivacyConsentedAt);
            return new PersonalData(clock.Now, account, organisation, notifications, questions, proposals, activity);
        }
    }
}
