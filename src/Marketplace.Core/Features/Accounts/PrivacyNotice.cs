namespace Marketplace.Core.Features.Accounts;

/// <summary>The privacy notice a person accepts at registration. Change the version whenever the notice's text changes.</summary>
public static class PrivacyNotice
{
    public const string Version = "2026-11-30";
}
