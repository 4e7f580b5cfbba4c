using FluentValidation;
using Marketplace.Core.Behaviours;
using Marketplace.Core.Common;
using Marketplace.Core.Data;
using Marketplace.Core.Domain;
using Marketplace.Core.Domain.Messaging;
using Marketplace.Core.Domain.Search;
using Marketplace.Search;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Core.Features.Search;

/// <summary>
/// Moderators add, change and remove dictionary lines (abbreviations, spellings, glossary, province names). Each
/// edit is audited and reaches this instance's search at once and every other instance within seconds.
/// </summary>
public static class EditSearchDictionary
{
    /// <summary>Adds a line when <see cref="Id"/> is null, otherwise changes that line. Terms are separated by '|' or new lines.</summary>
    [RequiresRole(Roles.Moderator, Roles.Admin)]
    public sealed class Save : ICommand<int>
    {
        public int? Id { get; set; }
        public DictionaryKind Kind { get; set; } = DictionaryKind.Glossary;
        public string Terms { get; set; } = "";
    }

    [RequiresRole(Roles.Moderator, Roles.Admin)]
    public sealed record Remove(int Id) : ICommand<Unit>;

    public static IReadOnlyList<string> TermsOf(string text) => text.Replace('\n', SearchDictionaryEntry.Separator).Split(SearchDictionaryEntry.Separator,
        StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    public sealed class SaveValidator : AbstractValidator<Save>
    {
        public SaveValidator()
        {
            RuleFor(x => x.Kind).IsInEnum().WithMessage(_ => Texts.Get("Features.Search.EditSearchDictionary.ChooseAKind"));
            RuleFor(x => x.Terms).Must(t => TermsOf(t).Distinct(StringComparer.OrdinalIgnoreCase).Count() >= 2)
                .WithMessage(_ => Texts.Get("Features.Search.EditSearchDictionary.EnterAtLeastTwoTermsSeparated"));
            RuleFor(x => x.Terms).Must(t => TermsOf(t).Count <= SearchDictionaryEntry.MaxTerms && TermsOf(t).All(w => w.Length <= SearchDictionaryEntry.MaxTermLength))
                .WithMessage(_ => Texts.Get("Features.Search.EditSearchDictionary.EnterAtMostTermsOfAt", SearchDictionaryEntry.MaxTerms, SearchDictionaryEntry.MaxTermLength));
            RuleFor(x => x.Terms).Must(t => TermsOf(t).FirstOrDefault() is { } code && System.Text.RegularExpressions.Regex.IsMatch(code, "^TH-[0-9]{2}$"))
                .When(x => x.Kind == DictionaryKind.Province)
                .WithMessage(_ => Texts.Get("Features.Search.EditSearchDictionary.AProvinceLineStartsWithThe"));
            RuleFor(x => x.Terms).Must(t => TermsOf(t).FirstOrDefault() is { } code && SearchDictionary.IsTopicCode(code))
                .When(x => x.Kind == DictionaryKind.Topic)
                .WithMessage(_ => Texts.Get("Features.Search.EditSearchDictionary.ASectorOrCategoryLineStarts"));
        }
    }

    /// <summary>The label key of each kind of dictionary line, for the moderators' page and the audit trail.</summary>
    public static string KindKey(DictionaryKind kind) => kind switch
    {
        DictionaryKind.Abbreviation => "Pages.Moderation.SearchDictionary.Abbreviation",
        DictionaryKind.Variant => "Pages.Moderation.SearchDictionary.SpellingVariant",
        DictionaryKind.Glossary => "Pages.Moderation.SearchDictionary.ThaiEnglish",
        DictionaryKind.Topic => "Pages.Moderation.SearchDictionary.SectorAndCategoryNames",
        _ => "Pages.Moderation.SearchDictionary.ProvinceNames",
    };

    /// <summary>A dictionary line as the audit trail shows it: its kind in the reader's language, then its terms.</summary>
    private static TextArg Line(SearchDictionaryEntry entry) =>
        TextArg.Of("Audit.Summary.DictionaryLine", TextArg.Of(KindKey(entry.Kind)), TextArg.Plain(entry.Terms));

    public sealed class SaveHandler(MarketplaceDbContext db, IClock clock, AuditTrail audit, SearchDictionarySync sync) : IRequestHandler<Save, int>
    {
        public async Task<int> Handle(Save request, CancellationToken cancellationToken)
        {
            var terms = TermsOf(request.Terms);
            SearchDictionaryEntry entry;
            TextArg? before = null;
            if (request.Id is { } id)
            {
                entry = await db.SearchDictionaryEntries.SingleOrDefaultAsync(e => e.Id == id, cancellationToken)
                    ?? throw new NotFoundException(Texts.Get("Features.Search.EditSearchDictionary.ThisDictionaryLineDoesNotExist"));
                before = Line(entry);
                entry.Change(request.Kind, terms, clock.Now);
            }
            else
            {
                entry = new SearchDictionaryEntry(request.Kind, terms, clock.Now);
                db.SearchDictionaryEntries.Add(entry);
            }

            await db.SaveChangesAsync(cancellationToken);
            audit.Record(nameof(SearchDictionaryEntry), () => entry.Id, before is null
                ? TextArg.Of("Audit.Summary.DictionaryLineAdded", Line(entry))
                : TextArg.Of("Audit.Summary.DictionaryLineChanged", before, Line(entry)));
            sync.RequestRefresh();
            return entry.Id;
        }
    }

    public sealed class RemoveHandler(MarketplaceDbContext db, AuditTrail audit, SearchDictionarySync sync) : IRequestHandler<Remove, Unit>
    {
        public async Task<Unit> Handle(Remove request, CancellationToken cancellationToken)
        {
            var entry = await db.SearchDictionaryEntries.SingleOrDefaultAsync(e => e.Id == request.Id, cancellationToken)
                ?? throw new NotFoundException(Texts.Get("Features.Search.EditSearchDictionary.ThisDictionaryLineDoesNotExist"));
            db.SearchDictionaryEntries.Remove(entry);
            await db.SaveChangesAsync(cancellationToken);
            audit.Record(nameof(SearchDictionaryEntry), () => request.Id, TextArg.Of("Audit.Summary.DictionaryLineRemoved", Line(entry)));
            sync.RequestRefresh();
            return Unit.Value;
        }
    }
}
