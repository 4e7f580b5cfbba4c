using MediatR;

namespace Marketplace.Core.Behaviours;

/// <summary>A request that changes state: it runs in a transaction and always leaves an audit row.</summary>
public interface ICommand<out TResult> : IRequest<TResult>;

/// <summary>Only a signed-in user in one of these roles may send the request.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class RequiresRoleAttribute(params string[] roles) : Attribute
{
    public IReadOnlyList<string> Roles { get; } = roles;
}

/// <summary>Any signed-in user may send the request.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class RequiresSignInAttribute : Attribute;

public static class RequestName
{
    /// <summary>"RegisterAccount" for RegisterAccount.Command: use cases are named by their outer class.</summary>
    public static string Of(Type requestType) =>
        requestType.DeclaringType is { } useCase ? (requestType.Name == "Command" ? useCase.Name : $"{useCase.Name}.{requestType.Name}") : requestType.Name;
}
