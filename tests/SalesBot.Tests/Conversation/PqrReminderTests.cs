using Microsoft.Extensions.Time.Testing;
using SalesBot.Features.Clients;
using SalesBot.Features.Pqrs;
using SalesBot.Infrastructure.Scheduling;

namespace SalesBot.Tests.Conversation;

/// <summary>The daily PQR reminders, escalations and overdue alerts, on a fake clock.</summary>
public abstract class PqrReminderTests : IAsyncLifetime
{
    private static readonly TimeSpan Bogota = TimeSpan.FromHours(-5);
    // Tuesday 14 April 2026, 07:00 in Bogotá: before the 08:00 reminders.
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 4, 14, 7, 0, 0, Bogota).ToUniversalTime());
    private TestDatabase _database = null!;
    private FakeConnector _connector = null!;
    private BotHost _bot = null!;

    protected abstract Task<TestDatabase> CreateDatabaseAsync();

    private static Activities Person(string serviceUrl, string id, string name, string aad) =>
        new(serviceUrl) { UserId = id, UserName = name, AadObjectId = aad };

    public async Task InitializeAsync()
    {
        _database = await CreateDatabaseAsync();
        _connector = await FakeConnector.StartAsync();
        _bot = BotHost.Start(_database, s => s.AddSingleton<TimeProvider>(_clock));
        await using var scope = _bot.Services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var admin = Actor.CommandLine("test");
        Assert.True((await sp.GetRequiredService<SeedDemoOrganization>().ExecuteAsync(admin, default)).Ok);
        Assert.True((await sp.GetRequiredService<SeedDemoClients>().ExecuteAsync(admin, default)).Ok);
        // Alex (assignee), Megan (his team lead) and Diego (commercial director) have chats with the bot.
        foreach (var who in new[]
                 {
                     Person(_connector.ServiceUrl, "user-id-0", "Alex Wilber", "00000000-0000-0000-0000-0000000000020"),
                     Person(_connector.ServiceUrl, "user-id-1", "Megan Bowen", "00000000-0000-0000-0000-0000000000021"),
                     Person(_connector.ServiceUrl, "user-id-2", "Diego Siciliani", "00000000-0000-0000-0000-0000000000022"),
                 })
            await _bot.SendAsync(who.Message("hola"));
        await _connector.WaitForActivitiesAsync(3);

        var register = sp.GetRequiredService<RegisterPqr>();
        foreach (var (number, filed) in new[] { ("DUE-21", "2026-03-27T10:00"), ("DUE-16", "2026-03-24T10:00"), ("LATE-1", "2026-03-02T10:00") })
        {
            var (registration, errors) = await register.ExecuteAsync(admin, new PqrInput(number, "900123456", null, "reclamo", "email", filed, "texto"), default);
            var (pqr, _) = (registration?.Pqr, registration?.Outcome ?? default);
            Assert.True(pqr is not null, string.Join(", ", errors));
        }
        await sp.GetRequiredService<Infrastructure.Data.SalesBotDbContext>().SaveChangesAsync();
        await _bot.WaitForOutboxDrainedAsync();
    }

    public async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        await _connector.DisposeAsync();
        await _database.DisposeAsync();
    }

    /// <summary>
    /// Moves the clock and runs the due jobs, then lets their messages leave before time moves
    /// again (jumping hours while a delivery is in flight would look like an expired claim).
    /// </summary>
    private async Task RunAtAsync(DateTimeOffset localTime)
    {
        _clock.SetUtcNow(localTime.ToUniversalTime());
        await _bot.Services.GetRequiredService<DailyJobScheduler>().RunDueJobsAsync(default);
        await _bot.WaitForOutboxDrainedAsync();
    }

    private List<(string To, string Text)> CardsSince(int skip) => _connector.DeliveredActivities.Skip(skip)
        .Select(a => (a["recipient"]!["id"]!.GetValue<string>(), a.Card().AllText())).ToList();

    [Fact]
    public async Task Reminders_escalation_and_overdue_alerts_go_out_once_per_day_to_the_right_people()
    {
        var before = _connector.DeliveredActivities.Count;

        await RunAtAsync(new DateTimeOffset(2026, 4, 14, 8, 1, 0, Bogota));
        await RunAtAsync(new DateTimeOffset(2026, 4, 14, 15, 0, 0, Bogota)); // the same day again: nothing new
        var firstDay = CardsSince(before);

        Assert.Equal(2, firstDay.Count(c => c.To == "user-id-0" && c.Text.Contains("Recordatorio")));
        Assert.Single(firstDay, c => c.To == "user-id-1" && c.Text.Contains("Escalamiento: la PQR DUE-16 de Alex Wilber vence en 2 días hábiles"));
        Assert.Single(firstDay, c => c.To == "user-id-2" && c.Text.Contains("PQR LATE-1 vencida") && c.Text.Contains("72 horas"));
        Assert.Equal(4, firstDay.Count);
        Assert.Equal(1, await _bot.WithDbAsync(db => db.JobRuns.CountAsync(r => r.Job == "pqr-deadlines")));

        var afterFirst = _connector.DeliveredActivities.Count;
        await RunAtAsync(new DateTimeOffset(2026, 4, 15, 8, 1, 0, Bogota));
        var secondDay = CardsSince(afterFirst);

        // Reminders again; the escalation and the overdue alert are not repeated.
        Assert.Equal(2, secondDay.Count);
        Assert.All(secondDay, c => Assert.Equal("user-id-0", c.To));
    }

    [Fact]
    public async Task Nothing_runs_before_the_hour_or_on_a_holiday()
    {
        var before = _connector.DeliveredActivities.Count;
        await RunAtAsync(new DateTimeOffset(2026, 4, 14, 7, 59, 0, Bogota));
        Assert.Equal(0, await _bot.WithDbAsync(db => db.JobRuns.CountAsync(r => r.Job == "pqr-deadlines")));
        // On a holiday the job runs (a team with another calendar may work), but tells nobody on this calendar.
        await RunAtAsync(new DateTimeOffset(2026, 5, 1, 9, 0, 0, Bogota)); // Día del Trabajo
        await _bot.WaitForOutboxDrainedAsync();
        Assert.Equal(before, _connector.DeliveredActivities.Count);
    }
}

public sealed class SqlitePqrReminderTests : PqrReminderTests
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => Task.FromResult(TestDatabase.Sqlite());
}

public sealed class PostgresPqrReminderTests : PqrReminderTests
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => TestDatabase.PostgresAsync();
}
