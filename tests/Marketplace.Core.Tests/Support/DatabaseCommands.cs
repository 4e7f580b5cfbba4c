using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Marketplace.Core.Tests.Support;

/// <summary>
/// The commands EF Core sends to one test's database, seen through its diagnostic events (no test-only wiring in the
/// app); other tests running in this process use other databases and are left out. <c>onCommand</c> sees each one
/// before it runs and may throw to make it fail.
/// </summary>
public sealed class DatabaseCommands : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
{
    private readonly (string?, string?) _database;
    private readonly Action<string>? _onCommand;
    private readonly List<IDisposable> _subscriptions = [];
    private readonly List<string> _sql = [];
    private volatile bool _ready;

    private DatabaseCommands((string?, string?) database, Action<string>? onCommand)
    {
        (_database, _onCommand) = (database, onCommand);
        _subscriptions.Add(DiagnosticListener.AllListeners.Subscribe(this));
    }

    public IReadOnlyList<string> Sql
    {
        get
        {
            lock (_sql)
                return [.. _sql];
        }
    }

    /// <summary>
    /// Starts listening and waits until the commands are seen: EF Core stops checking for listeners for a while after it
    /// found none, so the first commands after subscribing could pass unseen.
    /// </summary>
    public static async Task<DatabaseCommands> ListenAsync(SliceFixture app, Action<string>? onCommand = null)
    {
        var database = await app.QueryDbAsync(db =>
        {
            var connection = db.Database.GetDbConnection();
            return Task.FromResult(((string?)connection.DataSource, (string?)connection.Database));
        });
        var commands = new DatabaseCommands(database, onCommand);
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (commands.Sql.Count == 0 && DateTime.UtcNow < deadline)
        {
            await app.QueryDbAsync(db => db.ChangeLog.CountAsync());
            await Task.Delay(50);
        }
        Assert.NotEmpty(commands.Sql);
        lock (commands._sql)
        {
            commands._sql.Clear();
            commands._ready = true;
        }
        return commands;
    }

    public void OnNext(DiagnosticListener value)
    {
        if (value.Name == DbLoggerCategory.Name)
        {
            lock (_subscriptions)
                _subscriptions.Add(value.Subscribe(this));
        }
    }

    public void OnNext(KeyValuePair<string, object?> value)
    {
        if (value.Key != RelationalEventId.CommandExecuting.Name || value.Value is not CommandEventData data
            || (data.Command.Connection?.DataSource, data.Command.Connection?.Database) != _database)
            return;
        lock (_sql)
            _sql.Add(data.Command.CommandText);
        if (_ready)
            _onCommand?.Invoke(data.Command.CommandText);
    }

    public void OnCompleted() { }

    public void OnError(Exception error) { }

    public void Dispose()
    {
        lock (_subscriptions)
            _subscriptions.ForEach(s => s.Dispose());
    }
}
