using System.Text.Json;
using System.Text.Json.Nodes;
using SalesBot.Bot.Cards;
using SalesBot.Bot.Localization;
using SalesBot.Infrastructure.Auditing;
using SalesBot.Infrastructure.Outbox;
using SalesBot.Teams.Hosting;
using SalesBot.Teams.Schema;

namespace SalesBot.Bot;

/// <summary>
/// Runs each turn as one unit of work: skip activities already processed, refresh the stored
/// conversation reference, let the handler act, and commit its changes, the de-duplication mark
/// and the outgoing replies (as outbox rows, see <see cref="TurnRows"/>) in a single transaction.
/// If that commit fails the POST fails and Teams retries; once it succeeds, nothing the turn
/// produced can be lost.
/// </summary>
public sealed class TurnPipeline(IServiceScopeFactory scopes, ILogger<TurnPipeline> logger) : IBot
{
    private const int MaxAttempts = 3;

    // The lookups every turn makes, compiled once: no expression tree to build, walk and match
    // against EF's query cache on each turn.
    // Untracked: the turn only reads its person (the actor, the team's country), so the commit has
    // two fewer entries to compare for changes.
    internal static readonly TurnLookup<Person?> PersonByAad = new(
        (db, aad, ct) => db.People.AsNoTracking().Include(p => p.Team).FirstOrDefault(p => p.AadObjectId == aad),
        db => $"SELECT {DirectRead<Person>.Columns(db, "p")}, {DirectRead<Team>.Columns(db, "t")} " +
            $"FROM {DirectRead<Person>.Table(db)} AS p LEFT JOIN {DirectRead<Team>.Table(db)} AS t " +
            $"ON t.{DirectRead<Team>.Column(db, nameof(Team.Id))} = p.{DirectRead<Person>.Column(db, nameof(Person.TeamId))} " +
            $"WHERE p.{DirectRead<Person>.Column(db, nameof(Person.AadObjectId))} = $key LIMIT 1",
        (db, row) =>
        {
            var person = DirectRead<Person>.Read(db, row, 0)!;
            DirectRead<Person>.SetNavigation(db, person, nameof(Person.Team), DirectRead<Team>.Read(db, row, DirectRead<Person>.Count(db)));
            return person;
        });

    public async Task<InvokeResponse?> OnTurnAsync(ITurnContext context, CancellationToken ct)
    {
        var alone = false;
        for (var attempt = 1; ; attempt++)
        {
            await using var scope = scopes.CreateAsyncScope();
            // A fresh context per attempt: replies of a failed attempt must not leak into the next.
            var fresh = new TurnContext(context.Activity, context.Identity);
            try
            {
                // The first attempt does not look for an earlier run: the unique key on the processed
                // mark catches a repeat at commit, and the next attempt then finds it. That saves a
                // query on every turn for the rare retry.
                return await RunAsync(scope.ServiceProvider, fresh, ct, checkProcessed: attempt > 1, alone);
            }
            catch (GroupCommitFailedException e) when (!alone)
            {
                // Committed with other turns, and that commit failed: nothing of it was kept and none
                // of its replies left. Run it again in a transaction of its own.
                logger.LogWarning(e, "Turn {ActivityId} was in a group commit that failed; running it alone", context.Activity.Id);
                alone = true;
            }
            catch (DbUpdateException e) when (attempt < MaxAttempts && IsRace(e))
            {
                // Another turn changed the same rows (a duplicate delivery, the second install
                // activity): run again on the now-current state.
                logger.LogInformation("Turn {ActivityId} raced another; retrying", context.Activity.Id);
            }
            catch (DbUpdateException e) when (!IsRace(e))
            {
                // The turn's own changes broke a rule of the database: it will not work on a retry
                // either, so keep nothing of it and tell the user, in a unit of work of its own.
                var correlationId = NewCorrelationId();
                logger.LogError(e, "Turn {ActivityId} could not be saved; correlation id {CorrelationId}", context.Activity.Id, correlationId);
                await using var errorScope = scopes.CreateAsyncScope();
                return await RunAsync(errorScope.ServiceProvider, new TurnContext(context.Activity, context.Identity), ct,
                    checkProcessed: true, alone: true, failedWith: correlationId);
            }
        }
    }

    // A label to find a turn in the logs, not a secret: no need for a GUID's system call per turn.
    private static string NewCorrelationId() => Random.Shared.NextInt64().ToString("x16");

    /// <param name="failedWith">Set when an earlier attempt failed: skip the handler and answer with the error.</param>
    /// <param name="alone">commit in a transaction of the turn's own, not with other turns.</param>
    private async Task<InvokeResponse?> RunAsync(IServiceProvider sp, TurnContext context, CancellationToken ct,
        bool checkProcessed, bool alone, string? failedWith = null)
    {
        var activity = context.Activity;
        var db = sp.GetRequiredService<SalesBotDbContext>();
        var clock = sp.GetRequiredService<TimeProvider>();
        var correlationId = failedWith ?? NewCorrelationId();

        var outbox = sp.GetRequiredService<OutboxWriter>();
        var rows = new TurnRows();
        InvokeResponse? response;
        // On SQLite, the connection the handler's first query opens stays open for its others: EF
        // otherwise opens and closes one around every query (about 6 % of a turn's CPU, measured with
        // bench/). Not on PostgreSQL: a turn may wait seconds on the language model or the connector,
        // and a pooled server connection would be held for all that time.
        var sqlite = db as SqliteSalesBotDbContext; // IsSqlite() asks the provider each time
        if (sqlite is not null) sqlite.HoldsConnection = true;
        try
        {
            string? dedupKey = activity.Id is { Length: > 0 } id
                ? ProcessedActivity.KeyFor(activity.ChannelId, activity.Conversation?.Id, id)
                : null;
            if (dedupKey is not null && checkProcessed)
            {
                var seen = await db.ProcessedActivities.AsNoTracking().FirstOrDefaultAsync(p => p.Key == dedupKey, ct);
                if (seen is not null)
                {
                    logger.LogInformation("Activity {ActivityId} already processed; ignoring the retry", activity.Id);
                    return seen.InvokeResponseJson is null ? null : JsonSerializer.Deserialize<InvokeResponse>(seen.InvokeResponseJson, ActivityJson.Options);
                }
            }

            var userKey = activity.From?.AadObjectId ?? activity.From?.Id ?? "";
            var person = activity.From?.AadObjectId is { Length: > 0 } aad
                ? await PersonByAad.RunAsync(db, aad, ct)
                : null;
            var actor = person is null ? Actor.Unknown(userKey, activity.From?.Name) : Actor.For(person);
            sp.GetRequiredService<AuditContext>().Set(actor, correlationId);
            var conversation = await TurnConversation.LoadAsync(db, activity, clock, ct);
            // Some activities (Teams' conversationUpdate) carry no locale: the conversation's last one stands in.
            var language = await LanguageResolver.ResolveAsync(db, userKey, conversation.Reference.Locale, ct);

            var turn = new BotTurn(context, sp.GetRequiredService<Localizer>(), sp.GetRequiredService<CardRenderer>(),
                language, person, actor, correlationId);
            using (logger.BeginScope(new Dictionary<string, object?> { ["CorrelationId"] = correlationId, ["ActivityId"] = activity.Id }))
            {
                try
                {
                    if (failedWith is not null) throw new TurnAlreadyFailedException();
                    var handler = NewHandler(sp, [turn, conversation.Reference]);
                    response = await handler.OnTurnAsync(context, ct);
                }
                catch (Exception e) when (e is not OperationCanceledException && e is not DbUpdateException)
                {
                    if (e is not TurnAlreadyFailedException) logger.LogError(e, "Turn failed; correlation id {CorrelationId}", correlationId);
                    turn.RepliesPrivately = false; // the error card says nothing private: it answers in place
                    // Nothing the failed handler changed is kept; the user gets the error card instead.
                    db.ChangeTracker.Clear();
                    context.ClearOutgoing();
                    conversation = await TurnConversation.LoadAsync(db, activity, clock, ct);
                    ReplyWithError(turn, correlationId);
                    response = activity.IsType(ActivityTypes.Invoke)
                        ? InvokeResponse.Error(500, "InternalError", turn.T("error.body") + " " + correlationId)
                        : null;
                }
            }

            if (dedupKey is not null)
            {
                rows.Mark = new ProcessedActivity
                {
                    Key = dedupKey,
                    ProcessedAt = clock.GetUtcNow(),
                    InvokeResponseJson = response is null ? null : JsonSerializer.Serialize(response, ActivityJson.Options),
                };
            }
            if (turn.RepliesPrivately && context.Outgoing.Count > 0)
            {
                var sent = await sp.GetRequiredService<SharedConversations>().SendPrivatelyAsync(activity, context.Outgoing.ToList(), turn.TrackingKeyOf, correlationId, ct,
                    rosterUnreadable: !conversation.Known);
                context.ClearOutgoing();
                // An invoke's own answer says it (and the card may have been clicked where the bot is not): nothing is posted there.
                if (!activity.IsType(ActivityTypes.Invoke)) turn.ReplyText(turn.T(sent ? "privacy.sentPrivately" : "privacy.writeMePrivately"));
            }
            // An error card (or anything left) has nowhere to go from a conversation the bot is not in: the invoke answered.
            if (SharedConversations.IsElsewhere(activity)) context.ClearOutgoing();
            foreach (var reply in context.Outgoing) rows.Replies.Add(outbox.ReplyRow(activity, reply, correlationId, turn.TrackingKeyOf(reply)));
            conversation.TrackIfChanged(db);
        }
        finally
        {
            // Closed before the commit: SQLite's group commit hands the context the connection it
            // shares with other turns, which a context takes only while its own is closed.
            if (sqlite is not null) await SqliteHeldConnection.Release(sqlite);
        }
        // The commit may be shared with other turns (SQLite's group commit): the replies leave once
        // it is known to have committed, never on the save alone.
        outbox.HoldHandOff();
        try
        {
            // The turn's changes are final: detected once, not again by the commit and the save.
            using var detected = db.DetectChangesOnce();
            await sp.GetRequiredService<ITurnCommit>().SaveAsync(db, rows, alone, ct);
        }
        catch
        {
            outbox.DiscardHeld();
            throw;
        }
        outbox.ReleaseHeld();
        return response;
    }

    // Matched to its constructor once: ActivatorUtilities.CreateInstance works the match out on every call (0.3 % of a turn, perf).
    private static readonly ObjectFactory<SalesBotActivityHandler> NewHandler =
        ActivatorUtilities.CreateFactory<SalesBotActivityHandler>([typeof(BotTurn), typeof(StoredConversationReference)]);

    private static void ReplyWithError(BotTurn turn, string correlationId) =>
        turn.ReplyCard("error", new
        {
            title = turn.T("error.title"),
            message = turn.T("error.body"),
            correlationLabel = turn.T("error.correlation"),
            correlationId,
        });

    // Rows two turns of the same conversation or user may both try to create at once.
    // Visits: one executive's double-submitted form meets at the unique visit index; run again, the second finds the first.
    private static readonly string[] RacyTables = ["ProcessedActivities", "ConversationReferences", "LanguagePreferences", "Visits"];

    /// <summary>
    /// A clash with a turn that committed first: the welcome's concurrency token, or a duplicate
    /// key of one of the per-turn tables. Any other constraint failure is a real error.
    /// </summary>
    private static bool IsRace(DbUpdateException e) => e is DbUpdateConcurrencyException || DuplicateKey.Is(e, RacyTables);

    private sealed class TurnAlreadyFailedException : Exception;
}
