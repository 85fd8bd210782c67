using Azure.Core;
using SalesBot.Features.Visits;
using SalesBot.Infrastructure.Graph;

namespace SalesBot.Tests.Conversation;

/// <summary>
/// Visits written to Outlook through the real Microsoft Graph SDK, pointed at an in-process fake
/// Graph: the requests it gets (URL, method, body, time zones, transaction id), free/busy before
/// saving, and throttling, outages and refusals handled through the outbox with nothing lost.
/// The token comes from a stand-in credential: MSAL only talks to https authorities, so the
/// credential's own settings are checked separately (<see cref="GraphOptionsTests"/>).
/// </summary>
public abstract class GraphCalendarTests : DemoBotTest
{
    private const string AlexAad = "00000000-0000-0000-0000-0000000000020";
    private FakeGraph _graph = null!;

    public override async Task InitializeAsync()
    {
        _graph = await FakeGraph.StartAsync();
        await base.InitializeAsync();
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await _graph.DisposeAsync();
        Assert.Empty(_graph.Errors); // the fake itself must not have failed
    }

    protected override Dictionary<string, string?> Settings => new()
    {
        ["Graph:TenantId"] = "11111111-2222-3333-4444-555555555555",
        ["Graph:ClientId"] = "66666666-7777-8888-9999-000000000000",
        ["Graph:ClientSecret"] = "not-a-real-secret",
        ["Graph:BaseUrl"] = _graph.BaseUrl,
        ["Graph:Timeout"] = "00:00:05",
        ["Graph:TeamsAppCatalogId"] = "catalog-app-1",
        ["Outbox:MaxBackoff"] = "00:00:01",
        ["Visits:CheckEvery"] = "1.00:00:00",
    };

    protected override void ConfigureServices(IServiceCollection services) =>
        services.AddSingleton<TokenCredential>(new StaticCredential());

    private sealed class StaticCredential : TokenCredential
    {
        public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            new("graph-test-token:" + string.Join(",", requestContext.Scopes), DateTimeOffset.UtcNow.AddHours(1));

        public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            ValueTask.FromResult(GetToken(requestContext, cancellationToken));
    }

    private static DateTimeOffset Tomorrow(int hour = 10) => new(LocalNow().Date.AddDays(1).AddHours(hour), LocalNow().Offset);

    private static JsonObject Schedule(DateTimeOffset localStart, bool confirm = false, string? visitId = null, bool invite = false)
    {
        var form = new JsonObject
        {
            ["command"] = "visits.schedule",
            ["clientQuery"] = "Ferretería El Sol",
            ["date"] = Iso(localStart, "yyyy-MM-dd"),
            ["time"] = Iso(localStart, "HH:mm"),
            ["duration"] = "60",
            ["interviewee"] = "Carlos Ruiz",
            ["location"] = "Calle 10 # 20-30",
            ["inviteContact"] = invite ? "true" : "false",
        };
        if (confirm) form["confirmConflicts"] = "true";
        if (visitId is not null) form["visitId"] = visitId;
        return form;
    }

    private static bool IsCreate(RecordedRequest r) => r.Method == "POST" && r.RawPath.EndsWith($"/users/{AlexAad}/events", StringComparison.Ordinal);

    private async Task<Visit> WaitForCalendarAsync(CalendarState state)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            var visit = await Bot.WithDbAsync(db => db.Visits.SingleAsync());
            if (visit.CalendarState == state) return visit;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"calendar state stayed {visit.CalendarState} ({visit.CalendarError})");
            await Task.Delay(100);
        }
    }

    [Fact]
    public async Task Scheduling_asks_free_busy_then_creates_the_event_with_explicit_time_zones_and_a_transaction_id()
    {
        var reply = await AskAsync(Alex.Submit(Schedule(Tomorrow(), invite: true)));
        Assert.StartsWith("Listo: visita a Ferretería El Sol S.A.S. agendada", reply["text"]!.GetValue<string>());
        Assert.Contains("El evento llegará a tu calendario de Outlook", reply["text"]!.GetValue<string>());

        var synced = await WaitForCalendarAsync(CalendarState.Synced);
        Assert.Equal("evt-1", synced.CalendarEventId);

        var schedule = _graph.Requests.Single(r => r.RawPath.EndsWith("/calendar/getSchedule", StringComparison.Ordinal));
        Assert.Equal($"/v1.0/users/{AlexAad}/calendar/getSchedule", schedule.RawPath);
        var asked = JsonNode.Parse(schedule.Body)!; // the SDK names getSchedule's parameters as Graph's metadata does
        Assert.Equal("alexw@contoso.example", asked["Schedules"]![0]!.GetValue<string>());
        Assert.Equal("UTC", asked["StartTime"]!["timeZone"]!.GetValue<string>());
        Assert.Equal(Tomorrow().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss"), asked["StartTime"]!["dateTime"]!.GetValue<string>());
        Assert.Equal(Tomorrow().AddHours(1).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss"), asked["EndTime"]!["dateTime"]!.GetValue<string>());

        var create = _graph.Requests.Single(IsCreate);
        Assert.Equal("Bearer graph-test-token:http://127.0.0.1:" + new Uri(_graph.BaseUrl).Port + "/.default", create.Headers["Authorization"]);
        var body = JsonNode.Parse(create.Body)!;
        Assert.Equal("Visita: Ferretería El Sol S.A.S.", body["subject"]!.GetValue<string>());
        Assert.Equal("SA Pacific Standard Time", body["start"]!["timeZone"]!.GetValue<string>());
        Assert.Equal(Iso(Tomorrow(), "yyyy-MM-dd") + "T10:00:00", body["start"]!["dateTime"]!.GetValue<string>());
        Assert.Equal(Iso(Tomorrow(), "yyyy-MM-dd") + "T11:00:00", body["end"]!["dateTime"]!.GetValue<string>());
        Assert.Equal("SA Pacific Standard Time", body["end"]!["timeZone"]!.GetValue<string>());
        Assert.Equal(synced.CalendarTransactionId.ToString(), body["transactionId"]!.GetValue<string>());
        Assert.Equal("Calle 10 # 20-30", body["location"]!["displayName"]!.GetValue<string>());
        Assert.Equal("carlos.ruiz@ferreteriaelsol.example", body["attendees"]![0]!["emailAddress"]!["address"]!.GetValue<string>());
    }

    [Fact]
    public async Task Busy_time_in_Outlook_is_shown_before_saving_and_an_unreachable_free_busy_is_said()
    {
        _graph.Busy.Add((Tomorrow().AddMinutes(30), Tomorrow().AddMinutes(90), "Comité comercial"));

        var warned = (await AskAsync(Alex.Submit(Schedule(Tomorrow())))).Card()!;
        _graph.Busy.Clear();
        _graph.FailNext(503, "/calendar/getSchedule");
        var unknown = (await AskAsync(Alex.Submit(Schedule(Tomorrow(14))))).Card()!;

        Assert.Contains("Ya tienes algo a esa hora:", warned.AllText());
        Assert.Contains("10:30–11:30 · Comité comercial", warned.AllText());
        Assert.Contains("No pude consultar tu disponibilidad en Outlook", unknown.AllText());
        Assert.Contains("Agendar de todos modos", unknown.AllText());
        Assert.Empty(await Bot.WithDbAsync(db => db.Visits.ToListAsync()));
        Assert.DoesNotContain(_graph.Requests, IsCreate);
    }

    [Fact]
    public async Task A_team_lead_moving_someone_elses_visit_sees_when_they_are_busy_never_what()
    {
        await AskAsync(Alex.Submit(Schedule(Tomorrow())));
        var visit = await WaitForCalendarAsync(CalendarState.Synced);
        _graph.Busy.Add((Tomorrow(15).AddMinutes(30), Tomorrow(15).AddMinutes(90), "Cita médica privada"));

        var byMegan = (await AskAsync(Megan.Submit(Schedule(Tomorrow(15), visitId: visit.Id.ToString())))).Card()!.AllText();
        var byAlex = (await AskAsync(Alex.Submit(Schedule(Tomorrow(15), visitId: visit.Id.ToString())))).Card()!.AllText();

        Assert.Contains("15:30–16:30", byMegan);
        Assert.DoesNotContain("Cita médica", byMegan);
        Assert.Contains("15:30–16:30 · Cita médica privada", byAlex);
    }

    [Fact]
    public async Task Throttling_and_an_outage_delay_the_event_without_losing_it_or_making_two()
    {
        _graph.FailNext(429, $"/users/{AlexAad}/events", retryAfter: "2");
        _graph.FailNext(503, $"/users/{AlexAad}/events", times: 2);

        await AskAsync(Alex.Submit(Schedule(Tomorrow())));
        Assert.Equal(CalendarState.Pending, (await Bot.WithDbAsync(db => db.Visits.SingleAsync())).CalendarState); // saved at once
        var synced = await WaitForCalendarAsync(CalendarState.Synced);

        var creates = _graph.Requests.Where(IsCreate).ToList();
        Assert.Equal(4, creates.Count);
        Assert.Single(creates.Select(c => JsonNode.Parse(c.Body)!["transactionId"]!.GetValue<string>()).Distinct());
        Assert.True(creates[1].At - creates[0].At >= TimeSpan.FromSeconds(1.9), "Retry-After: 2 was not honoured");
        Assert.Equal("evt-1", synced.CalendarEventId);
        Assert.Empty(await Bot.WithDbAsync(db => db.Outbox.Where(m => m.FailedAt != null).ToListAsync()));
    }

    [Fact]
    public async Task A_visit_saved_while_Graph_is_down_reaches_Outlook_after_a_restart()
    {
        _graph.FailNext(503, $"/users/{AlexAad}/events", times: 1000);
        await AskAsync(Alex.Submit(Schedule(Tomorrow())));
        await _graph.WaitForAsync(1, IsCreate);
        await Bot.DisposeAsync(); // the process stops with the event still owed

        _graph.ClearFailures(); // Graph is back
        await using var restarted = BotHost.Start(Database, ConfigureServices, Settings);
        var deadline = DateTime.UtcNow.AddSeconds(20);
        Visit visit;
        while ((visit = await restarted.WithDbAsync(db => db.Visits.SingleAsync())).CalendarState != CalendarState.Synced && DateTime.UtcNow < deadline)
            await Task.Delay(100);

        Assert.Equal(CalendarState.Synced, visit.CalendarState);
        Assert.Equal("evt-1", visit.CalendarEventId);
    }

    [Fact]
    public async Task A_create_whose_answer_was_lost_is_found_by_its_transaction_id_not_made_twice()
    {
        _graph.LoseNextCreateResponse = true;

        await AskAsync(Alex.Submit(Schedule(Tomorrow())));
        var synced = await WaitForCalendarAsync(CalendarState.Synced);

        Assert.Equal(2, _graph.Requests.Count(IsCreate));
        Assert.Equal(1, _graph.EventCount);
        Assert.Equal("evt-1", synced.CalendarEventId);
        Assert.Contains(_graph.Requests, r => r.Method == "GET" && Uri.UnescapeDataString(r.RawPath).Contains($"transactionId eq '{synced.CalendarTransactionId}'"));
    }

    [Fact]
    public async Task Cancelling_while_the_event_is_still_owed_leaves_no_event_behind()
    {
        _graph.FailNext(503, $"/users/{AlexAad}/events", times: 1000);
        await AskAsync(Alex.Submit(Schedule(Tomorrow())));
        var visit = await Bot.WithDbAsync(db => db.Visits.SingleAsync());
        await AskAsync(Alex.Submit(new JsonObject { ["command"] = "visits.cancel", ["visitId"] = visit.Id.ToString() }));

        _graph.ClearFailures();
        var done = await WaitForCalendarAsync(CalendarState.Synced);

        Assert.Equal(VisitStatus.Cancelled, done.Status);
        Assert.Equal(0, _graph.EventCount);
    }

    [Fact]
    public async Task An_approver_who_never_opened_the_bot_gets_it_installed_and_the_card_when_the_chat_opens()
    {
        await AskAsync(Alex.Submit(new JsonObject
        {
            ["command"] = "opportunities.save",
            ["opportunityId"] = "",
            ["clientQuery"] = "Ferretería El Sol",
            ["title"] = "Suministro 2027",
            ["seats"] = "10",
            ["unitValue"] = "100.000",
            ["contractMonths"] = "12",
        }));
        var deal = await Bot.WithDbAsync(db => db.Opportunities.Select(o => o.Id).SingleAsync());

        var first = await AskAsync(Alex.Submit(new JsonObject
        {
            ["command"] = "offers.submit",
            ["opportunityId"] = deal.ToString(),
            ["line1Description"] = "Suministro",
            ["line1Quantity"] = "10",
            ["line1UnitPrice"] = "100.000",
            ["line1Months"] = "12",
            ["risk"] = "low",
            ["validUntil"] = Iso(LocalNow().AddDays(30), "yyyy-MM-dd"),
        }));
        var texts = new[] { first, await NextInAsync(Alex.ConversationId) }.Select(a => a["text"]!.GetValue<string>()).ToList();
        Assert.Contains("Megan Bowen todavía no tenía SalesBot: lo estoy instalando para que reciba la aprobación en su chat.", texts);
        var install = (await _graph.WaitForAsync(1, r => r.RawPath.EndsWith("/teamwork/installedApps", StringComparison.Ordinal))).Single();
        Assert.Equal("/v1.0/users/00000000-0000-0000-0000-0000000000021/teamwork/installedApps", install.RawPath);
        Assert.Equal(_graph.BaseUrl + "/appCatalogs/teamsApps/catalog-app-1", JsonNode.Parse(install.Body)!["teamsApp@odata.bind"]!.GetValue<string>());

        // Teams tells the bot it was installed for Megan: the welcome, then the approval waiting for her.
        await Bot.SendAsync(Megan.InstallationAdd());
        var welcome = await NextInAsync(Megan.ConversationId);
        var approval = await NextInAsync(Megan.ConversationId);
        Assert.Contains("Megan", welcome.Card().AllText());
        Assert.Contains("Esperando a Megan Bowen", approval.Card().AllText());
        Assert.Contains("Aprobar", approval.Card().AllText());
    }

    [Fact]
    public async Task A_refusal_marks_the_visit_and_tells_the_owner_while_the_visit_stays_scheduled()
    {
        await AskAsync(Alex.Message("hola"));
        _graph.FailNext(403, $"/users/{AlexAad}/events");

        await AskAsync(Alex.Submit(Schedule(Tomorrow())));
        var failed = await WaitForCalendarAsync(CalendarState.Failed);
        var notice = await NextInAsync(Alex.ConversationId);

        Assert.Equal(VisitStatus.Scheduled, failed.Status);
        Assert.StartsWith("Graph 403", failed.CalendarError);
        Assert.StartsWith("No pude poner en tu calendario de Outlook la visita a Ferretería El Sol S.A.S.", notice["text"]!.GetValue<string>());
        var list = (await AskAsync(Alex.Message("mis visitas mañana"))).Card()!;
        Assert.Contains("no llegó al calendario", list.AllText());
    }

    [Fact]
    public async Task Rescheduling_moves_the_same_event_and_cancelling_cancels_it()
    {
        await AskAsync(Alex.Submit(Schedule(Tomorrow())));
        var visit = await WaitForCalendarAsync(CalendarState.Synced);

        var moved = await AskAsync(Alex.Submit(Schedule(Tomorrow(15), visitId: visit.Id.ToString())));
        Assert.StartsWith("Listo: la visita a Ferretería El Sol S.A.S. quedó para el", moved["text"]!.GetValue<string>());
        var patch = (await _graph.WaitForAsync(1, r => r.Method == "PATCH")).Single();
        Assert.Equal($"/v1.0/users/{AlexAad}/events/evt-1", patch.RawPath);
        Assert.Equal(Iso(Tomorrow(), "yyyy-MM-dd") + "T15:00:00", JsonNode.Parse(patch.Body)!["start"]!["dateTime"]!.GetValue<string>());
        await WaitForCalendarAsync(CalendarState.Synced);

        await AskAsync(Alex.Submit(new JsonObject { ["command"] = "visits.cancel", ["visitId"] = visit.Id.ToString() }));
        var cancel = (await _graph.WaitForAsync(1, r => r.RawPath.EndsWith("/cancel", StringComparison.Ordinal))).Single();
        Assert.Equal($"/v1.0/users/{AlexAad}/events/evt-1/cancel", cancel.RawPath);
        Assert.Single(_graph.Requests, IsCreate);
        var cancelled = await WaitForCalendarAsync(CalendarState.Synced);
        Assert.Equal(VisitStatus.Cancelled, cancelled.Status);
    }
}

public sealed class SqliteGraphCalendarTests : GraphCalendarTests
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => Task.FromResult(TestDatabase.Sqlite());
}

public sealed class PostgresGraphCalendarTests : GraphCalendarTests
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => TestDatabase.PostgresAsync();
}

/// <summary>The Graph settings: defaults derived from the base URL, the credential's authority, and refusals at start-up.</summary>
public sealed class GraphOptionsTests
{
    [Fact]
    public void The_scope_follows_the_base_url_and_instance_discovery_is_off_for_unknown_authorities()
    {
        var national = new GraphOptions { BaseUrl = "https://graph.microsoft.us/v1.0", AuthorityHost = "https://login.microsoftonline.us/" };
        var custom = new GraphOptions { BaseUrl = "https://graph.contoso.example/v1.0", AuthorityHost = "https://login.contoso.example/" };

        Assert.Equal("https://graph.microsoft.us/.default", national.EffectiveScope);
        Assert.Equal("https://graph.contoso.example/.default", custom.EffectiveScope);
        Assert.False(GraphServiceCollectionExtensions.CredentialOptions(national).DisableInstanceDiscovery);
        Assert.Equal(new Uri("https://login.microsoftonline.us/"), GraphServiceCollectionExtensions.CredentialOptions(national).AuthorityHost);
        Assert.True(GraphServiceCollectionExtensions.CredentialOptions(custom).DisableInstanceDiscovery);
        Assert.Equal("https://graph.microsoft.com/.default", new GraphOptions().EffectiveScope);
    }

    [Theory]
    [InlineData("t", "c", null, "together")]
    [InlineData("11111111-2222-3333-4444-555555555555", "c", "s", null)]
    [InlineData("contoso.onmicrosoft.com", "c", "s", null)]
    [InlineData("not a tenant", "c", "s", "TenantId")]
    public void Partial_or_wrong_settings_are_refused_with_the_setting_named(string? tenant, string? client, string? secret, string? problem)
    {
        var result = new GraphOptionsValidation().Validate(null, new GraphOptions { TenantId = tenant, ClientId = client, ClientSecret = secret });
        if (problem is null) Assert.True(result.Succeeded, result.FailureMessage);
        else Assert.Contains(problem, result.FailureMessage);
    }

    [Theory]
    [InlineData("http://graph.contoso.example/v1.0", "https")]
    [InlineData("https://graph.microsoft.com/v1.0", null)]
    [InlineData("http://127.0.0.1:5055/v1.0", null)]
    public void Plain_http_is_only_for_a_local_test_server(string baseUrl, string? problem)
    {
        var options = new GraphOptions { TenantId = "contoso.onmicrosoft.com", ClientId = "c", ClientSecret = "s", BaseUrl = baseUrl };
        if (problem is null) Assert.Null(options.Problem());
        else Assert.Contains(problem, options.Problem());
    }
}
