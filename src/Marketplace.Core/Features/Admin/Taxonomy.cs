using FluentValidation;
using Marketplace.Core.Behaviours;
using Marketplace.Core.Common;
using Marketplace.Core.Data;
using Marketplace.Core.Domain;
using Marketplace.Core.Domain.Messaging;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Core.Features.Admin;

/// <summary>The six categories as the site shows them (code, reworded by admins), and the 77 provinces (read-only).</summary>
public static class Taxonomy
{
    public sealed record Categories : IRequest<IReadOnlyList<NiaCategory>>;

    [RequiresRole(Roles.Admin)]
    public sealed record Provinces : IRequest<IReadOnlyList<Province>>;

    [RequiresRole(Roles.Admin)]
    public sealed class Reword : ICommand<Unit>
    {
        public int Number { get; set; }
        public string? NameTh { get; set; }
        public string? NameEn { get; set; }
        public string? DescriptionTh { get; set; }
        public string? DescriptionEn { get; set; }
    }

    public sealed class RewordValidator : AbstractValidator<Reword>
    {
        public RewordValidator()
        {
            RuleFor(x => x.Number).Must(n => NiaCategory.ByNumber(n) is not null).WithMessage(_ => Texts.Get("Features.Admin.Taxonomy.ThereIsNoSuchCategory"));
            RuleFor(x => x.NameTh).NotEmpty().WithMessage(_ => Texts.Get("Features.Admin.Taxonomy.EnterTheNameInThai"))
                .MaximumLength(200).WithMessage(_ => Texts.Get("Features.Admin.Taxonomy.TheNameMustBeCharactersOr"));
            RuleFor(x => x.NameEn).NotEmpty().WithMessage(_ => Texts.Get("Features.Admin.Taxonomy.EnterTheNameInEnglish"))
                .MaximumLength(200).WithMessage(_ => Texts.Get("Features.Admin.Taxonomy.TheNameMustBeCharactersOr"));
            RuleFor(x => x.DescriptionTh).NotEmpty().WithMessage(_ => Texts.Get("Features.Admin.Taxonomy.EnterTheDescriptionInThai"))
                .MaximumLength(1000).WithMessage(_ => Texts.Get("Features.Admin.Taxonomy.TheDescriptionMustBeCharactersOr"));
            RuleFor(x => x.DescriptionEn).NotEmpty().WithMessage(_ => Texts.Get("Features.Admin.Taxonomy.EnterTheDescriptionInEnglish"))
                .MaximumLength(1000).WithMessage(_ => Texts.Get("Features.Admin.Taxonomy.TheDescriptionMustBeCharactersOr"));
        }
    }

    public sealed class Handler(MarketplaceDbContext db, IClock clock, AuditTrail audit)
        : IRequestHandler<Categories, IReadOnlyList<NiaCategory>>, IRequestHandler<Provinces, IReadOnlyList<Province>>, IRequestHandler<Reword, Unit>
    {
        public async Task<IReadOnlyList<NiaCategory>> Handle(Categories request, CancellationToken cancellationToken)
        {
            var texts = await db.CategoryTexts.AsNoTracking().ToDictionaryAsync(t => t.Number, cancellationToken);
            return NiaCategory.All.Select(c => texts.TryGetValue(c.Number, out var text) ? text.ApplyTo(c) : c).ToList();
        }

        public async Task<IReadOnlyList<Province>> Handle(Provinces request, CancellationToken cancellationToken) =>
            await db.Provinces.AsNoTracking().OrderBy(p => p.Code).ToListAsync(cancellationToken);

        public async Task<Unit> Handle(Reword request, CancellationToken cancellationToken)
        {
            var text = await db.CategoryTexts.SingleOrDefaultAsync(t => t.Number == request.Number, cancellationToken);
            if (text is null)
                db.CategoryTexts.Add(text = new CategoryText(request.Number));
            text.Reword(request.NameTh!, request.NameEn!, request.DescriptionTh!, request.DescriptionEn!, clock.Now);
            await db.SaveChangesAsync(cancellationToken);
            audit.Record(nameof(CategoryText), () => text.Number, TextArg.Of("Audit.Summary.CategoryReworded", TextArg.Plain($"{text.Number}"), TextArg.Plain(text.NameTh), TextArg.Plain(text.NameEn)));
            return Unit.Value;
        }
    }
}
