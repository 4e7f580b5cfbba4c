using FluentValidation;
using Marketplace.Core.Behaviours;
using Marketplace.Core.Common;
using Marketplace.Core.Domain;
using Marketplace.Core.Domain.Messaging;
using MediatR;
using Microsoft.AspNetCore.Identity;

namespace Marketplace.Core.Features.Accounts;

/// <summary>The person's name and the language of the e-mails and notifications they receive.</summary>
public static class UpdateAccount
{
    [RequiresSignIn]
    public sealed class Command : ICommand<Unit>
    {
        public string? DisplayName { get; set; }
        public string Language { get; set; } = "th";
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(x => x.DisplayName).NotEmpty().WithMessage(_ => Texts.Get("Features.Accounts.UpdateAccount.EnterYourFullName"))
                .MaximumLength(200).WithMessage(_ => Texts.Get("Features.Accounts.UpdateAccount.TheNameMustBeCharactersOr"));
            RuleFor(x => x.Language).Must(l => l is "th" or "en").WithMessage(_ => Texts.Get("Features.Accounts.UpdateAccount.ChooseThaiOrEnglish"));
        }
    }

    public sealed class Handler(UserManager<AppUser> users, ICurrentUser current, AuditTrail audit) : IRequestHandler<Command, Unit>
    {
        public async Task<Unit> Handle(Command request, CancellationToken cancellationToken)
        {
            var user = await users.LoadAsync(current);
            user.DisplayName = request.DisplayName!.Trim();
            user.Language = request.Language;
            (await users.UpdateAsync(user)).ThrowIfFailed();
            audit.Record(nameof(AppUser), () => user.Id, TextArg.Of("Audit.Summary.AccountUpdated", TextArg.Of(request.Language == "en" ? "Audit.Value.Language.English" : "Audit.Value.Language.Thai")));
            return Unit.Value;
        }
    }
}
