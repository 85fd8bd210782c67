using Microsoft.Extensions.Time.Testing;
using SalesBot.Cli;
using SalesBot.Features.Clients;
using SalesBot.Features.Digests;

namespace SalesBot.Tests.Digests;

/// <summary>
/// The weekly digest of the demo team "Ventas Bogotá" on a fake clock, on a known week (Monday 23
/// to Monday 30 November 2026): subscribed from the team's channel by its lead, refused to an
/// executive, posted at once on request, then by the scheduler once per ISO week, not before the
/// hour, caught up within the window and not after, and once with two instances on one database.
/// </summary>
public abstract class WeeklyDigestTests : IAsyncLifetime
{
    private const string Channel = "19:ventas@thread.tacv2";
    private static readonly TimeSpan Bogota = TimeSpan.FromHours(-5);
    // Sunday 29 November 2026, 10:00 in Bogotá: the subscription is made before the week's Monday.
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 29, 10, 0, 0, Bogota).ToUniversalTime());
    private TestDatabase _database = null!;
    private FakeConnector _connector = null!;
    private BotHost _bot = null!;
    private Activities _meganInChannel = null!, _alexInChannel = null!;

    protected abstract Task<TestDatabase> CreateDatabaseAsync();

    private const string BaseUrl = "https://salesbot.contoso.example";

    private static readonly Dictionary<string, string?> Settings = new()
    {
        ["Digests:Send"] = "true",
        ["Digests:CheckEvery"] = "01:00:00",
        // A digest built ahead of its hour is the poller's once due: looked for often, so a test need not wait.
        ["Outbox:PollInterval"] = "00:00:00.200",
        ["Reports:SendMonthly"] = "false",
        ["Links:BaseUrl"] = BaseUrl,
        ["Links:SigningKey"] = "test-signing-key-0123456789-abcdefghij",
    };

    public async Task InitializeAsync()
    {
        _database = await CreateDatabaseAsync();
        _connector = await FakeConnector.StartAsync();
        _bot = BotHost.Start(_database, s => s.AddSingleton<TimeProvider>(_clock), Settings);
        await using (var scope = _bot.Services.CreateAsyncScope())
        {
            var admin = Actor.CommandLine("test");
            Assert.True((await scope.ServiceProvider.GetRequiredService<SeedDemoOrganization>().ExecuteAsync(admin, default)).Ok);
        }
        using var cli = new CliHarness(_database);
        async Task Import(params string[] args)
        {
            var (code, output, error) = await cli.Run(args);
            Assert.True(code == 0, string.Join(" ", args) + ": " + output + error);
        }
        await Import("import", "clients", cli.Csv("""
            name,nit,segment,owner_email,city
            Empresa Uno,900333333,enterprise,alexw@contoso.example,Bogotá
            """));
        var quiet = string.Join("\n", Enumerable.Range(1, 6).Select(i => $"900333333,Sede {i},alexw@contoso.example,1,1000000,12,hunting,,2026-10-01,,,,,,"));
        await Import("import", "opportunities", cli.Csv($"""
            nit,name,owner_email,seats,unit_value,months,stage,expected_close,created_on,qualification_on,proposal_on,negotiation_on,won_on,lost_on,lost_reason
            900333333,Dotación 2027,alexw@contoso.example,10,1000000,12,negotiation,2026-12-05,2026-10-01,,2026-10-20,2026-11-25,,,
            900333333,Cafetería,alexw@contoso.example,5,1000000,12,won,,2026-09-01,,2026-10-01,,2026-11-24,,
            900333333,Vigilancia,alexw@contoso.example,2,1000000,12,lost,,2026-09-01,,,,,2026-11-26,precio
            900333333,Aseo nuevo,alexw@contoso.example,1,2000000,12,hunting,,2026-11-27,,,,,,
            {quiet}
            """));
        _meganInChannel = new Activities(_connector.ServiceUrl)
        {
            UserId = "user-id-1",
            UserName = "Megan Bowen",
            AadObjectId = "00000000-0000-0000-0000-0000000000021",
            ConversationType = "channel",
            ConversationId = Channel + ";messageid=100",
        };
        _alexInChannel = new Activities(_connector.ServiceUrl) { ConversationType = "channel", ConversationId = Channel + ";messageid=101" };
    }

    public async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        await _connector.DisposeAsync();
        await _database.DisposeAsync();
    }

    private async Task<JsonObject> SayAsync(Activities who, string text)
    {
        var before = _connector.PostedActivities.Count;
        await _bot.SendAsync(who.Message(text));
        return (await _connector.WaitForActivitiesAsync(before + 1))[before];
    }

    /// <summary>A card's button clicked.</summary>
    private async Task<JsonObject> SayAsync(Activities who, JsonObject submitted)
    {
        var before = _connector.PostedActivities.Count;
        await _bot.SendAsync(who.Submit(submitted));
        return (await _connector.WaitForActivitiesAsync(before + 1))[before];
    }

    /// <summary>The digests posted as new messages at the channel's root.</summary>
    private List<JsonObject> ChannelPosts() => _connector.PostedActivities.Where(a => a["conversation"]?["id"]?.GetValue<string>() == Channel).ToList();

    private async Task<int> RunAtAsync(DateTimeOffset local, BotHost? bot = null)
    {
        _clock.SetUtcNow(local.ToUniversalTime());
        var posted = await (bot ?? _bot).Services.GetRequiredService<DigestScheduler>().PostDueAsync(default);
        await DrainAsync();
        return posted;
    }

    /// <summary>
    /// Waits until the outbox has delivered everything, the fake clock moving on as wall time does
    /// meanwhile: a send retried after a slow first attempt (a loaded test machine) is due on the
    /// injected clock, which would otherwise stand still at the moment the test set.
    /// </summary>
    private async Task DrainAsync()
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        var last = DateTime.UtcNow;
        // A digest built ahead of its hour (never tried, nobody's, due later) is not waited for; a retry due later is.
        while (await _bot.WithDbAsync(db => db.Outbox.CountAsync(m => m.FailedAt == null
                   && !(m.Attempts == 0 && m.ClaimToken == null && m.LastError == null && m.NextAttemptAt > _clock.GetUtcNow()))) > 0)
        {
            if (DateTime.UtcNow > deadline) await _bot.WaitForOutboxDrainedAsync(TimeSpan.Zero); // throws, naming what is stuck
            await Task.Delay(100);
            var now = DateTime.UtcNow;
            _clock.Advance(now - last);
            last = now;
        }
    }

    private static DateTimeOffset Local(int month, int day, int hour, int minute = 0) => new(2026, month, day, hour, minute, 0, Bogota);

    [Fact]
    public async Task The_team_lead_subscribes_the_channel_an_executive_may_not_and_the_subscription_is_shown()
    {
        var refused = await SayAsync(_alexInChannel, "resumen semanal lunes 9");
        Assert.Contains("No tienes permiso para gestionar el resumen semanal", refused.Said());
        Assert.Equal(0, await _bot.WithDbAsync(db => db.DigestSubscriptions.CountAsync()));

        var subscribed = await SayAsync(_meganInChannel, "resumen semanal jueves 7:30");
        Assert.Equal(Channel + ";messageid=100", subscribed["conversation"]!["id"]!.GetValue<string>());
        Assert.Contains("Este canal recibe el resumen semanal de Ventas Bogotá los jueves a las", subscribed.Said());
        var stored = await _bot.WithDbAsync(db => db.DigestSubscriptions.SingleAsync());
        Assert.Equal((DayOfWeek.Thursday, new TimeOnly(7, 30), "America/Bogota", "es", Channel), (stored.Day, stored.Hour, stored.TimeZone, stored.Language, stored.ChannelId));

        var shown = await SayAsync(_alexInChannel, "resumen semanal ");
        Assert.Contains("Ventas Bogotá los jueves", shown.Said());

        var cancelled = await SayAsync(_meganInChannel, "resumen semanal cancelar");
        Assert.Contains("ya no recibirá", cancelled.Said());
        Assert.NotNull(await _bot.WithDbAsync(db => db.DigestSubscriptions.Select(s => s.EndedAt).SingleAsync()));
        Assert.Contains("no recibe ningún resumen", (await SayAsync(_meganInChannel, "resumen semanal")).Said());
    }

    [Fact]
    public async Task Said_in_a_sentence_in_the_channel_the_subscription_is_confirmed_before_it_is_made()
    {
        var confirm = await SayAsync(_meganInChannel, "suscribe este canal al resumen semanal a las 9");

        Assert.Contains("resumen semanal lunes 09:00", confirm.Card().AllText());
        Assert.Equal(0, await _bot.WithDbAsync(db => db.DigestSubscriptions.CountAsync()));
    }

    [Fact]
    public async Task Asked_now_the_digest_shows_the_week_of_the_team_with_long_lists_cut_at_five()
    {
        using (var cli = new CliHarness(_database))
        {
            var (code, output, error) = await cli.Run("import", "pqrs", cli.Csv("""
                radicado,nit,tipo,canal,fecha_radicacion,descripcion
                RAD-VENCIDA,900333333,reclamo,email,2026-10-15T10:00,Cobro doble en la factura de septiembre
                RAD-NUEVA,900333333,reclamo,email,2026-11-27T10:00,Cobro doble en la factura de octubre
                """));
            Assert.True(code == 0, output + error);
        }
        _clock.SetUtcNow(Local(11, 30, 9).ToUniversalTime());
        var posted = await SayAsync(_meganInChannel, "resumen semanal ahora");
        var text = posted.Card().AllText();
        Assert.Contains("RAD-VENCIDA", text);                          // overdue: listed, with its type and date only
        Assert.DoesNotContain("RAD-NUEVA", text);                      // due in December, not this week
        Assert.DoesNotContain("Cobro doble", text);                    // a PQR's text never goes to a channel

        Assert.Contains("Resumen semanal · Ventas Bogotá", text);
        Assert.Contains("8 negocios abiertos", text);                     // six quiet ones, the new one and the one in negotiation... and no won or lost
        Assert.Contains("1 nuevos · 2 avanzaron · 0 retrocedieron · 1 ganados · 1 perdidos", text);
        Assert.Contains("perdido: precio", text);
        Assert.Contains("Dotación 2027", text);                          // closes on 5 December, within 14 days
        Assert.Contains("y 1 más", text);                                // seven deals quiet since October: five shown
        Assert.Contains("Ver la lista completa", text);
        Assert.DoesNotContain("900333333", text);                        // no NIT in a channel
    }

    [Fact]
    public async Task The_digest_shows_its_pipeline_chart_through_a_signed_link_that_draws_the_weeks_figures()
    {
        _clock.SetUtcNow(Local(11, 30, 9).ToUniversalTime());
        var card = (await SayAsync(_meganInChannel, "resumen semanal ahora")).Card()!;
        var image = card.Descendants().Single(n => n["type"]?.GetValue<string>() == "Image");
        Assert.StartsWith("Gráfico del embudo de Ventas Bogotá: 8 negocios abiertos por ", image["altText"]!.GetValue<string>());
        var url = image["url"]!.GetValue<string>();
        Assert.StartsWith(BaseUrl + "/charts/digests/pipeline.png?team=Ventas%20Bogot%C3%A1&week=2026-W49&stages=hunting%3A7%3A", url);

        await _bot.ChartAsync(url);
        // Other figures under the same signature are refused: nobody draws their numbers under SalesBot's name.
        using var http = new HttpClient();
        using var forged = await http.GetAsync(_bot.LocalUrlOf(url).Replace("hunting%3A7%3A", "hunting%3A9%3A", StringComparison.Ordinal));
        Assert.Equal(System.Net.HttpStatusCode.Forbidden, forged.StatusCode);
    }

    [Fact]
    public async Task Ver_la_lista_completa_sends_the_whole_list_to_the_clickers_chat_and_only_to_who_may_see_the_team()
    {
        var meganPersonal = new Activities(_connector.ServiceUrl) { UserId = "user-id-1", UserName = "Megan Bowen", AadObjectId = "00000000-0000-0000-0000-0000000000021" };
        await SayAsync(meganPersonal, "hola");
        _clock.SetUtcNow(Local(11, 30, 9).ToUniversalTime());
        var card = (await SayAsync(_meganInChannel, "resumen semanal ahora")).Card()!;
        var button = card.Descendants().Single(n => n["type"]?.GetValue<string>() == "Action.Submit" && n["data"]?["section"]?.GetValue<string>() == "stale");
        Assert.Equal("Ver la lista completa", button["title"]!.GetValue<string>());
        var data = button["data"]!.AsObject().DeepClone().AsObject();

        var clicked = _connector.PostedActivities.Count;
        await SayAsync(_meganInChannel, data.DeepClone().AsObject());
        await DrainAsync();
        var answers = _connector.PostedActivities.Skip(clicked).ToList();
        // In the channel, one line; the list itself in her 1:1 chat.
        Assert.Equal("Te lo envié por chat privado.", Assert.Single(answers, a => a["conversation"]?["id"]?.GetValue<string>()?.StartsWith(Channel, StringComparison.Ordinal) == true).Said());
        var full = Assert.Single(answers, a => a["conversation"]?["id"]?.GetValue<string>() == meganPersonal.ConversationId).Card().AllText();
        Assert.All(Enumerable.Range(1, 6), i => Assert.Contains($"Empresa Uno · Sede {i}", full));
        Assert.DoesNotContain("y 1 más", full);
        Assert.DoesNotContain("Dotación 2027", full);                 // only the list asked for

        // Someone outside the team (customer service) clicking the same button gets nothing of it.
        var lynne = new Activities(_connector.ServiceUrl) { UserId = "user-id-4", UserName = "Lynne Robbins", AadObjectId = "00000000-0000-0000-0000-0000000000024" };
        await SayAsync(lynne, "hola");
        var before = _connector.PostedActivities.Count;
        var lynneInChannel = new Activities(_connector.ServiceUrl)
        {
            UserId = lynne.UserId,
            UserName = lynne.UserName,
            AadObjectId = lynne.AadObjectId,
            ConversationType = "channel",
            ConversationId = Channel + ";messageid=102",
        };
        await SayAsync(lynneInChannel, data.DeepClone().AsObject());
        await DrainAsync();
        answers = _connector.PostedActivities.Skip(before).ToList();
        Assert.DoesNotContain(answers, a => a.ToJsonString().Contains("Sede 1", StringComparison.Ordinal));
        Assert.Contains(answers, a => a["conversation"]?["id"]?.GetValue<string>() == lynne.ConversationId && a.Said().Contains("permiso", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_scheduler_posts_once_a_week_not_before_the_hour_catches_up_within_the_window_and_not_after()
    {
        await SayAsync(_meganInChannel, "resumen semanal suscribir");

        Assert.Equal(0, await RunAtAsync(Local(11, 30, 7, 54)));   // more than Digests:BuildAhead (5 minutes) before the hour: nothing
        Assert.Equal(1, await RunAtAsync(Local(11, 30, 7, 57)));   // built ahead of the hour and held by the outbox...
        Assert.Empty(ChannelPosts());                              // ...so nothing reaches the channel before it
        var held = await _bot.WithDbAsync(db => db.Outbox.SingleAsync(m => m.ConversationId == Channel));
        Assert.Equal(Local(11, 30, 8, 0), held.NextAttemptAt);
        Assert.Null(held.ClaimToken);                             // nobody's yet: whichever instance polls at the hour sends it
        Assert.Equal(0, await RunAtAsync(Local(11, 30, 8, 0)));    // at the hour it leaves, built once
        Assert.Equal(0, await RunAtAsync(Local(11, 30, 9, 0)));
        var first = Assert.Single(ChannelPosts());
        Assert.Contains("Resumen semanal · Ventas Bogotá", first.Card().AllText());

        // Down all of Monday 7 December: posted late on Tuesday morning, still within 24 hours.
        Assert.Equal(1, await RunAtAsync(Local(12, 8, 7, 30)));
        // Down from Sunday 13 to Tuesday 15 December at 09:00: 25 hours late, that week is skipped.
        Assert.Equal(0, await RunAtAsync(Local(12, 15, 9, 0)));
        Assert.Equal(1, await RunAtAsync(Local(12, 21, 8, 0)));
        Assert.Equal(3, ChannelPosts().Count);
        var weeks = await _bot.WithDbAsync(db => db.JobRuns.Where(r => r.Job.StartsWith("digest:")).Select(r => r.Period).OrderBy(p => p).ToListAsync());
        Assert.Equal(["2026-W49", "2026-W50", "2026-W52"], weeks);
    }

    [Fact]
    public async Task A_channel_that_removed_the_bot_ends_its_subscription_and_the_subscriber_is_told()
    {
        var meganPersonal = new Activities(_connector.ServiceUrl) { UserId = "user-id-1", UserName = "Megan Bowen", AadObjectId = "00000000-0000-0000-0000-0000000000021" };
        await SayAsync(meganPersonal, "hola");
        await SayAsync(_meganInChannel, "resumen semanal suscribir");
        await DrainAsync();
        _connector.FailNext(403);

        await RunAtAsync(Local(11, 30, 8, 0));

        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (await _bot.WithDbAsync(db => db.DigestSubscriptions.Select(s => s.EndReason).SingleAsync()) is null)
        {
            Assert.True(DateTime.UtcNow < deadline, "the subscription was never ended");
            await Task.Delay(50);
        }
        await DrainAsync();
        var notice = _connector.PostedActivities.Last(a => a["conversation"]?["id"]?.GetValue<string>() == meganPersonal.ConversationId);
        Assert.Contains("Ya no puedo publicar en el canal del resumen semanal de Ventas Bogotá", notice.Said());
        Assert.Equal("channel-gone", await _bot.WithDbAsync(db => db.DigestSubscriptions.Select(s => s.EndReason).SingleAsync()));
        // Ended, it is not tried again the next week.
        Assert.Equal(0, await RunAtAsync(Local(12, 7, 8, 0)));
    }

    private async Task<int> NudgeAtAsync(DateTimeOffset local)
    {
        _clock.SetUtcNow(local.ToUniversalTime());
        var sent = await _bot.Services.GetRequiredService<NudgeScheduler>().SendDueAsync(default);
        await DrainAsync();
        return sent;
    }

    private List<string> NudgesTo(Activities who) => _connector.PostedActivities
        .Where(a => a["conversation"]?["id"]?.GetValue<string>() == who.ConversationId && a.Card() is { } c && c.AllText().Contains("Tus avisos de la semana"))
        .Select(a => a.Card().AllText()).ToList();

    [Fact]
    public async Task Each_executive_gets_a_weekly_nudge_once_and_a_snoozed_deal_stays_out_of_the_next()
    {
        var alex = new Activities(_connector.ServiceUrl);
        await SayAsync(alex, "hola");

        Assert.Equal(0, await NudgeAtAsync(Local(11, 30, 8, 29)));
        Assert.Equal(1, await NudgeAtAsync(Local(11, 30, 8, 30)));
        Assert.Equal(0, await NudgeAtAsync(Local(11, 30, 10, 0)));
        var nudge = Assert.Single(NudgesTo(alex));
        Assert.Contains("Sin actividad en 14 días", nudge);
        Assert.Contains("Empresa Uno · Sede 1", nudge);
        Assert.Contains("Posponer una semana", nudge);
        Assert.DoesNotContain("Dotación 2027", nudge);                 // moved on the 25th: not quiet, and closes on 5 December

        var sede1 = await _bot.WithDbAsync(db => db.Opportunities.Where(o => o.Title == "Sede 1").Select(o => o.Id).SingleAsync());
        var snoozed = await SubmitAsync(alex, new JsonObject { ["command"] = "digests.snooze", ["deal"] = sede1.ToString() });
        Assert.Contains("no te avisaré de «Sede 1» hasta después del", snoozed.Said());

        Assert.Equal(1, await NudgeAtAsync(Local(12, 7, 8, 30)));
        var next = NudgesTo(alex)[1];
        Assert.DoesNotContain("· Sede 1", next);
        Assert.Contains("Empresa Uno · Sede 2", next);
    }

    [Fact]
    public async Task Mis_avisos_changes_when_and_what_and_only_for_an_executive()
    {
        var alex = new Activities(_connector.ServiceUrl);
        var form = await SayAsync(alex, "mis avisos");
        Assert.Contains("Guardar", form.Card().AllText());

        var bad = await SubmitAsync(alex, new JsonObject { ["command"] = "digests.nudgesSave", ["day"] = "Funday", ["hour"] = "25:99" });
        Assert.Contains("Elige un día de la semana y una hora", bad.Said());
        Assert.Equal(0, await _bot.WithDbAsync(db => db.NudgeSettings.CountAsync()));

        var saved = await SubmitAsync(alex, new JsonObject
        {
            ["command"] = "digests.nudgesSave",
            ["day"] = "Tuesday",
            ["hour"] = "09:15",
            ["stale"] = "true",
            ["pastClose"] = "false",
            ["nextSteps"] = "false",
            ["approvedOffers"] = "false",
        });
        Assert.Contains("martes a las 09:15", saved.Said());
        // Not on Monday any more: on Tuesday at 09:15, with only the quiet deals.
        Assert.Equal(0, await NudgeAtAsync(Local(12, 7, 8, 30)));
        Assert.Equal(1, await NudgeAtAsync(Local(12, 8, 9, 15)));

        var meganPersonal = new Activities(_connector.ServiceUrl) { UserId = "user-id-1", UserName = "Megan Bowen", AadObjectId = "00000000-0000-0000-0000-0000000000021" };
        Assert.Contains("No tienes permiso para recibir avisos semanales", (await SayAsync(meganPersonal, "mis avisos")).Said());
    }

    [Fact]
    public async Task A_visits_next_step_is_reminded_at_eight_on_its_day_and_in_that_weeks_nudge()
    {
        var alex = new Activities(_connector.ServiceUrl);
        await SayAsync(alex, "hola");
        _clock.SetUtcNow(Local(11, 30, 12).ToUniversalTime());
        await using (var scope = _bot.Services.CreateAsyncScope())
        {
            var sp = scope.ServiceProvider;
            var db = sp.GetRequiredService<SalesBot.Infrastructure.Data.SalesBotDbContext>();
            var person = await db.People.SingleAsync(p => p.Email == "alexw@contoso.example");
            var actor = Actor.For(person);
            sp.GetRequiredService<SalesBot.Infrastructure.Auditing.AuditContext>().Set(actor, "test");
            var client = await db.Clients.Where(c => c.Name == "Empresa Uno").Select(c => c.Id).SingleAsync();
            var logged = await sp.GetRequiredService<SalesBot.Features.Visits.LogVisit>().UnscheduledAsync(actor,
                new SalesBot.Features.Visits.VisitInput(client, "2026-11-30", "10:00", "60", "follow-up", null, null, null),
                new SalesBot.Features.Visits.VisitReportInput("interested", null, "Enviar la propuesta firmada", "2026-12-02", "Dotación 2027"), default);
            Assert.True(logged.Ok, string.Join("; ", logged.Errors.Select(e => e.ToString())));
            await db.SaveChangesAsync();
        }
        var scheduler = _bot.Services.GetRequiredService<SalesBot.Infrastructure.Scheduling.DailyJobScheduler>();

        _clock.SetUtcNow(Local(12, 2, 7, 59).ToUniversalTime());
        Assert.DoesNotContain("next-steps", await scheduler.RunDueJobsAsync(default));
        _clock.SetUtcNow(Local(12, 2, 8, 0).ToUniversalTime());
        Assert.Contains("next-steps", await scheduler.RunDueJobsAsync(default));
        await DrainAsync();
        var reminder = await ArrivedInAsync(alex.ConversationId, "Hoy tienes un próximo paso");
        Assert.Contains("Enviar la propuesta firmada", reminder);
        Assert.Contains("Dotación 2027", reminder);
    }

    /// <summary>
    /// The text of the card posted to the conversation that says <paramref name="expected"/>, waited for
    /// (a drained outbox should already have it). If it never comes, the failure lists what the
    /// conversation received and what the outbox and the job runs hold: this once failed in CI with
    /// only the chat's welcome card to show for it.
    /// </summary>
    private async Task<string> ArrivedInAsync(string conversationId, string expected)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            var texts = _connector.PostedActivities.Where(a => a["conversation"]?["id"]?.GetValue<string>() == conversationId)
                .Select(a => a.Card().AllText()).ToList();
            if (texts.FirstOrDefault(t => t.Contains(expected, StringComparison.Ordinal)) is { } found) return found;
            if (DateTime.UtcNow > deadline)
            {
                var outbox = (await _bot.WithDbAsync(db => db.Outbox.AsNoTracking().ToListAsync()))
                    .Select(m => $"#{m.Id} {m.Operation} {m.ConversationId} attempts={m.Attempts} claimed={m.ClaimToken != null} next={m.NextAttemptAt:O} failed={m.FailedAt:O} error={m.LastError}");
                var runs = await _bot.WithDbAsync(db => db.JobRuns.AsNoTracking().Select(r => r.Job + ":" + r.Period).ToListAsync());
                Assert.Fail($"No card saying \"{expected}\" in {conversationId} (clock {_clock.GetUtcNow():O}).\n" +
                    $"Posted there: {string.Join("\n  ", texts.Select(t => t[..Math.Min(t.Length, 120)]))}\n" +
                    $"Outbox: {string.Join("\n  ", outbox)}\nJob runs: {string.Join(", ", runs)}");
            }
            await Task.Delay(100);
        }
    }

    private async Task<JsonObject> SubmitAsync(Activities who, JsonObject value)
    {
        var before = _connector.PostedActivities.Count;
        await _bot.SendAsync(who.Submit(value));
        return (await _connector.WaitForActivitiesAsync(before + 1))[before];
    }

    [Fact]
    public async Task Two_instances_on_one_database_post_each_weeks_digest_once()
    {
        await SayAsync(_meganInChannel, "resumen semanal suscribir");
        await using var second = BotHost.Start(_database, s => s.AddSingleton<TimeProvider>(_clock), Settings);
        _clock.SetUtcNow(Local(11, 30, 8, 0).ToUniversalTime());

        var posted = await Task.WhenAll(
            _bot.Services.GetRequiredService<DigestScheduler>().PostDueAsync(default),
            second.Services.GetRequiredService<DigestScheduler>().PostDueAsync(default));
        await DrainAsync();

        // The second instance's own first round (at its start) may be the one that wins: whoever posts, it is once.
        Assert.True(posted.Sum() <= 1, $"posted {posted.Sum()} times");
        Assert.Single(ChannelPosts());
    }
}

public sealed class SqliteWeeklyDigestTests : WeeklyDigestTests
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => Task.FromResult(TestDatabase.Sqlite());
}

public sealed class PostgresWeeklyDigestTests : WeeklyDigestTests
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => TestDatabase.PostgresAsync();
}
