namespace Marketplace.Core.Common;

/// <summary>The time, behind a port so tests can move it.</summary>
public interface IClock
{
    DateTimeOffset Now { get; }
}

public sealed class SystemClock : IClock
{
    public DateTimeOffset Now => DateTimeOffset.UtcNow;
}

/// <summary>Who is sending the request; the web app reads it from the signed-in principal.</summary>
public interface ICurrentUser
{
    string? UserId { get; }
    string? UserName { get; }
    bool IsInRole(string role);
}

public static class Roles
{
    public const string Vendor = "Vendor";
    public const string Buyer = "Buyer";
    public const string Moderator = "Moderator";
    public const string Admin = "Admin";

    public static readonly IReadOnlyList<string> All = [Vendor, Buyer, Moderator, Admin];

    public static bool IsModerator(this ICurrentUser user) => user.IsInRole(Moderator) || user.IsInRole(Admin);
}

/// <summary>Delivers one e-mail. The site uses a pickup folder unless SMTP is configured; tests may replace it.</summary>
public interface IEmailSender
{
    Task SendAsync(string to, string subject, string body, CancellationToken ct);
}
