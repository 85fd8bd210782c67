using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using SalesBot.Features.Offers;
using SalesBot.Features.Pqrs;
using SalesBot.Features.Shared.Calendar;
using SalesBot.Infrastructure.Data;
using SalesBot.Tests.Conversation;

namespace SalesBot.Tests.Calendar;

/// <summary>
/// A team with a calendar of its own (here the demo team moved to Cochabamba, Bolivia): its PQRs'
/// legal terms and its approvers' reminders count on its business days, not the organisation's.
/// </summary>
public abstract class TeamCalendarTests : OfferApprovalTestsBase
{
    private static readonly CalendarChoice Cochabamba = new("BO", "BO-C", "America/La_Paz");

    private async Task MoveTheTeamToCochabambaAsync()
    {
        await using var scope = Bot.Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<SetTeamCalendar>()
            .ExecuteAsync(Actor.CommandLine("test"), DemoOrganization.TeamName, Cochabamba, default);
        Assert.True(result.Ok, result.Error?.Code);
        await scope.ServiceProvider.GetRequiredService<SalesBotDbContext>().SaveChangesAsync(); // the caller commits, as the CLI does
    }

    [Fact]
    public async Task A_PQR_runs_on_its_assignees_team_calendar_and_keeps_it()
    {
        await MoveTheTeamToCochabambaAsync();
        await using var scope = Bot.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SalesBotDbContext>();
        var alexClient = await db.Clients.FirstAsync(c => c.OwnerId == db.People.Where(p => p.Name == "Alex Wilber").Select(p => p.Id).First());

        // Filed Thursday 10 September 2026: 14 September is Cochabamba's day (a Colombian business day).
        var (registration, errors) = await scope.ServiceProvider.GetRequiredService<RegisterPqr>().ExecuteAsync(Actor.CommandLine("test"),
            new PqrInput("BO-0001", null, alexClient.Id, "reclamo", "email", "2026-09-10T10:00", "Cobro doble"), default);
        var (pqr, _) = (registration?.Pqr, registration?.Outcome ?? default);
        Assert.Empty(errors);
        await db.SaveChangesAsync();

        Assert.Equal(new DateOnly(2026, 10, 2), pqr!.DueDate); // on Colombia's calendar: 1 October
        Assert.Equal(("BO", "BO-C", "America/La_Paz"), (pqr.CalendarCountry, pqr.CalendarSubdivision, pqr.CalendarTimeZone));
    }

    [Fact]
    public async Task An_approval_reminder_skips_a_Bolivian_holiday_for_a_Bolivian_team()
    {
        await MoveTheTeamToCochabambaAsync();
        await AskAsync(Alex.Submit(Offer(await DealAsync(), unitPrice: "100.000"))); // Megan alone approves
        await NextInAsync(Megan.ConversationId);
        var laPaz = Bot.Services.GetRequiredService<BusinessCalendarProvider>().For(Cochabamba);
        // Asked on Monday 13 September 2027; Tuesday 14 is Cochabamba's day, a business day in Colombia.
        var asked = laPaz.At(new DateOnly(2027, 9, 13), new TimeOnly(15, 0));
        await Bot.WithDbAsync(db => db.ApprovalSteps.ExecuteUpdateAsync(s => s.SetProperty(x => x.AskedAt, asked)));
        var organization = Bot.Services.GetRequiredService<BusinessCalendar>();
        var clock = new FakeTimeProvider(asked);

        async Task RunOn(DateOnly day)
        {
            clock.SetUtcNow(laPaz.At(day, new TimeOnly(9, 0)));
            await using var scope = Bot.Services.CreateAsyncScope();
            await ActivatorUtilities.CreateInstance<ApprovalReminders>(scope.ServiceProvider, clock).RunAsync(day, default); // the job, on the test's clock
            await scope.ServiceProvider.GetRequiredService<SalesBotDbContext>().SaveChangesAsync();
        }

        Assert.True(organization.IsBusinessDay(new DateOnly(2027, 9, 14)));
        await RunOn(new DateOnly(2027, 9, 14));
        await Bot.WaitForOutboxDrainedAsync();
        Assert.Null((await StepsAsync()).Single().RemindedAt);

        await RunOn(new DateOnly(2027, 9, 15));
        var reminder = await NextInAsync(Megan.ConversationId);
        Assert.Equal("Recordatorio: la oferta v1 espera tu decisión desde hace 1 días hábiles.", reminder["text"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_team_calendar_that_cannot_be_built_is_refused_with_the_reason()
    {
        await using var scope = Bot.Services.CreateAsyncScope();
        var set = scope.ServiceProvider.GetRequiredService<SetTeamCalendar>();
        var badRegion = await set.ExecuteAsync(Actor.CommandLine("test"), DemoOrganization.TeamName, new("BO", "BO-X", null), default);
        var badZone = await set.ExecuteAsync(Actor.CommandLine("test"), DemoOrganization.TeamName, new("MX", null, "Mars/Olympus"), default);
        var notAdmin = await set.ExecuteAsync(Actor.For(await scope.ServiceProvider.GetRequiredService<SalesBotDbContext>().People.FirstAsync(p => p.Name == "Megan Bowen")),
            DemoOrganization.TeamName, Cochabamba, default);
        Assert.Equal("calendar-invalid", badRegion.Error!.Code);
        Assert.Contains("BO-C Cochabamba", badRegion.Error.Args[0]);
        Assert.Contains("Mars/Olympus", badZone.Error!.Args[0]);
        Assert.Equal("forbidden", notAdmin.Error!.Code);
    }
}

public sealed class SqliteTeamCalendarTests : TeamCalendarTests
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => Task.FromResult(TestDatabase.Sqlite());
}

public sealed class PostgresTeamCalendarTests : TeamCalendarTests
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => TestDatabase.PostgresAsync();
}
