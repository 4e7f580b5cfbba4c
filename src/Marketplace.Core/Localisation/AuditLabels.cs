using System.Globalization;
using Marketplace.Core.Common;

namespace Marketplace.Core.Localisation;

/// <summary>
/// What a person reads for an audit row's action and record type ("Sent a proposal", not "Proposals.Send").
/// Every command has a label (the resource tests check it); anything else reads as "Other action".
/// </summary>
public static class AuditLabels
{
    public const string ActionPrefix = "Audit.Action.";
    public const string EntityPrefix = "Audit.Entity.";

    public static string Action(string action) =>
        Texts.Resources.GetString(ActionPrefix + action, CultureInfo.CurrentUICulture) ?? Texts.Get(ActionPrefix + "Unknown");

    public static string Entity(string? entityType) =>
        entityType is null ? "" : Texts.Resources.GetString(EntityPrefix + entityType, CultureInfo.CurrentUICulture) ?? "";
}
