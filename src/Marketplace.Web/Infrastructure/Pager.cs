namespace Marketplace.Web.Infrastructure;

/// <summary>Paging links for any list; rendered by Pages/Shared/_Pager.cshtml, keeping the other query values.</summary>
public sealed record Pager(int Page, int PageSize, int Total)
{
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);
}
