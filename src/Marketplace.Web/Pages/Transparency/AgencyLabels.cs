using Marketplace.Core.Common;
using Marketplace.Core.Features.Transparency;

namespace Marketplace.Web.Pages.Transparency;

/// <summary>A public challenge's status in the reader's language.</summary>
public static class AgencyLabels
{
    public static string Status(PublicChallenges.Status status) => status switch
    {
        PublicChallenges.Status.Published => Texts.Get("Pages.Transparency.Agency.StatusOpen"),
        PublicChallenges.Status.Closed => Texts.Get("Pages.Transparency.Agency.StatusClosed"),
        PublicChallenges.Status.Evaluating => Texts.Get("Pages.Transparency.Agency.StatusEvaluating"),
        PublicChallenges.Status.Awarded => Texts.Get("Pages.Transparency.Agency.StatusAwarded"),
        _ => Texts.Get("Pages.Transparency.Agency.StatusCancelled"),
    };
}
