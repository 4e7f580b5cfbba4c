using FluentValidation;
using Marketplace.Core.Common;
using Marketplace.Core.Domain;
using Marketplace.Core.Domain.Challenges;

namespace Marketplace.Core.Features.Challenges;

/// <summary>A challenge as the agency's form shows it: amounts in baht, up to five criteria rows, dates as dates.</summary>
public sealed class ChallengeForm
{
    public const int CriteriaRows = 5;

    public string? TitleTh { get; set; }
    public string? TitleEn { get; set; }
    public string? ProblemTh { get; set; }
    public string? ProblemEn { get; set; }
    public string? OutcomesTh { get; set; }
    public string? OutcomesEn { get; set; }
    public Sector Sector { get; set; }
    public int Category { get; set; } = 1;
    public List<string> Provinces { get; set; } = [];
    public string? BudgetMinBaht { get; set; }
    public string? BudgetMaxBaht { get; set; }
    public DateOnly? QuestionsDeadline { get; set; }
    public DateOnly? ProposalsDeadline { get; set; }
    public List<CriterionRow> Criteria { get; set; } = [];
    public bool VerifiedOnly { get; set; } = true;
    public bool RequireInnovationList { get; set; }
    public string? ContactTh { get; set; }
    public string? ContactEn { get; set; }
    public string? ContactEmail { get; set; }

    public sealed class CriterionRow
    {
        public string? NameTh { get; set; }
        public string? NameEn { get; set; }
        public int? Weight { get; set; }

        public bool IsBlank => string.IsNullOrWhiteSpace(NameTh) && string.IsNullOrWhiteSpace(NameEn) && Weight is null;
    }

    public ChallengeContent ToContent() => new()
    {
        TitleTh = TitleTh!.Trim(),
        TitleEn = Clean(TitleEn),
        ProblemTh = ProblemTh!.Trim(),
        ProblemEn = Clean(ProblemEn),
        OutcomesTh = OutcomesTh!.Trim(),
        OutcomesEn = Clean(OutcomesEn),
        Sector = Sector,
        Category = Category,
        Provinces = Provinces.Distinct().ToList(),
        BudgetMinSatang = Money.ParseBaht(BudgetMinBaht)!.Value,
        BudgetMaxSatang = Money.ParseBaht(BudgetMaxBaht)!.Value,
        Criteria = Criteria.Where(c => !c.IsBlank).Select(c => new Criterion(c.NameTh!.Trim(), Clean(c.NameEn), c.Weight!.Value)).ToList(),
        Eligibility = new Eligibility(VerifiedOnly, RequireInnovationList ? Domain.Catalogue.Certification.InnovationList : null),
        ContactTh = Clean(ContactTh),
        ContactEn = Clean(ContactEn),
        ContactEmail = ContactEmail!.Trim(),
    };

    /// <summary>Deadlines are the end of the chosen day in Thailand.</summary>
    public static DateTimeOffset EndOfThaiDay(DateOnly day) => Dates.EndOfThaiDay(day);

    public static ChallengeForm From(Challenge c)
    {
        var form = new ChallengeForm
        {
            TitleTh = c.Content.TitleTh,
            TitleEn = c.Content.TitleEn,
            ProblemTh = c.Content.ProblemTh,
            ProblemEn = c.Content.ProblemEn,
            OutcomesTh = c.Content.OutcomesTh,
            OutcomesEn = c.Content.OutcomesEn,
            Sector = c.Content.Sector,
            Category = c.Content.Category,
            Provinces = c.Content.Provinces.ToList(),
            BudgetMinBaht = Money.ToBahtInput(c.Content.BudgetMinSatang),
            BudgetMaxBaht = Money.ToBahtInput(c.Content.BudgetMaxSatang),
            QuestionsDeadline = Dates.ThaiDay(c.QuestionsDeadline),
            ProposalsDeadline = Dates.ThaiDay(c.ProposalsDeadline),
            Criteria = c.Content.Criteria.Select(x => new CriterionRow { NameTh = x.NameTh, NameEn = x.NameEn, Weight = x.Weight }).ToList(),
            VerifiedOnly = c.Content.Eligibility.VerifiedOnly,
            RequireInnovationList = c.Content.Eligibility.RequiredCertification is not null,
            ContactTh = c.Content.ContactTh,
            ContactEn = c.Content.ContactEn,
            ContactEmail = c.Content.ContactEmail,
        };
        form.PadCriteriaRows();
        return form;
    }

    public void PadCriteriaRows()
    {
        while (Criteria.Count < CriteriaRows)
            Criteria.Add(new CriterionRow());
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

/// <summary>What must hold for a challenge to be saved; messages say what to do.</summary>
public sealed class ChallengeFormValidator : AbstractValidator<ChallengeForm>
{
    public ChallengeFormValidator(IReadOnlySet<string> provinceCodes)
    {
        RuleFor(x => x.TitleTh).NotEmpty().WithMessage(_ => Texts.Get("Features.Challenges.ChallengeForm.EnterTheChallengeSTitleIn"))
            .MaximumLength(150).WithMessage(_ => Texts.Get("Features.Challenges.ChallengeForm.TheTitleMustBeCharactersOr"));
        RuleFor(x => x.ProblemTh).NotEmpty().WithMessage(_ => Texts.Get("Features.Challenges.ChallengeForm.DescribeTheProblemInThai"))
            .MaximumLength(8000);
        RuleFor(x => x.OutcomesTh).NotEmpty().WithMessage(_ => Texts.Get("Features.Challenges.ChallengeForm.StateTheOutcomesYouWantIn"))
            .MaximumLength(4000);
        RuleFor(x => x.Sector).IsInEnum();
        RuleFor(x => x.Category).Must(c => NiaCategory.ByNumber(c) is not null)
            .WithMessage(_ => Texts.Get("Features.Challenges.ChallengeForm.ChooseTheInnovationCategory"));
        RuleFor(x => x.Provinces).Must(ps => ps.All(provinceCodes.Contains))
            .WithMessage(_ => Texts.Get("Features.Challenges.ChallengeForm.ChooseProvincesFromTheList"));
        RuleFor(x => x.BudgetMinBaht).Must(b => Money.ParseBaht(b) is > 0)
            .WithMessage(_ => Texts.Get("Features.Challenges.ChallengeForm.EnterTheMinimumBudgetInBaht"));
        RuleFor(x => x.BudgetMaxBaht).Must(b => Money.ParseBaht(b) is > 0)
            .WithMessage(_ => Texts.Get("Features.Challenges.ChallengeForm.EnterTheMaximumBudgetInBaht"))
            .Must((form, max) => Money.ParseBaht(form.BudgetMinBaht) is not { } min || Money.ParseBaht(max) is not { } m || m >= min)
            .WithMessage(_ => Texts.Get("Features.Challenges.ChallengeForm.TheMaximumBudgetMustNotBe"));
        RuleFor(x => x.QuestionsDeadline).NotNull().WithMessage(_ => Texts.Get("Features.Challenges.ChallengeForm.ChooseTheLastDayForQuestions"));
        RuleFor(x => x.ProposalsDeadline).NotNull().WithMessage(_ => Texts.Get("Features.Challenges.ChallengeForm.ChooseTheProposalsDeadline"))
            .GreaterThanOrEqualTo(x => x.QuestionsDeadline).When(x => x.QuestionsDeadline is not null)
            .WithMessage(_ => Texts.Get("Features.Challenges.ChallengeForm.TheProposalsDeadlineCannotBeBefore"));
        RuleFor(x => x.Criteria).Must(rows => rows.Where(r => !r.IsBlank).Sum(r => r.Weight ?? 0) == 100)
            .WithMessage(form => Texts.Get("Features.Challenges.ChallengeForm.TheCriteriaWeightsMustAddUp", form.Criteria.Sum(r => r.Weight ?? 0)));
        RuleForEach(x => x.Criteria).Where(r => !r.IsBlank).ChildRules(row =>
        {
            row.RuleFor(r => r.NameTh).NotEmpty().WithMessage(_ => Texts.Get("Features.Challenges.ChallengeForm.NameTheCriterionInThai"));
            row.RuleFor(r => r.Weight).NotNull().InclusiveBetween(1, 100).WithMessage(_ => Texts.Get("Features.Challenges.ChallengeForm.Weight"));
        });
        RuleFor(x => x.ContactEmail).NotEmpty().EmailAddress()
            .WithMessage(_ => Texts.Get("Features.Challenges.ChallengeForm.EnterTheContactEMailAddress"));
    }
}
