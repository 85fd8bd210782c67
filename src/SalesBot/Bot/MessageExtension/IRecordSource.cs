using System.Text.Json.Nodes;
using SalesBot.Features.Shared;

namespace SalesBot.Bot.MessageExtension;

/// <summary>
/// A kind of record the message extension searches, inserts and unfurls (clients, deals, PQRs),
/// registered by its feature. Everything it returns is what a shared conversation may show (the
/// README's privacy table), and only records the asking user may see: its feature's use case
/// decides, for every search and every card.
/// </summary>
public interface IRecordSource
{
    /// <summary>The record link's kind (<see cref="RecordKinds"/>).</summary>
    string Kind { get; }

    /// <summary>The manifest's search command id ("clientes").</summary>
    string SearchCommandId { get; }

    Task<Result<IReadOnlyList<RecordView>>> SearchAsync(BotTurn turn, string query, int skip, int count, CancellationToken ct);

    Task<Result<RecordView>> FindAsync(BotTurn turn, Guid id, CancellationToken ct);

    /// <summary>The button that shows the whole record in the clicker's 1:1 chat, if they may see it (naming it by id only).</summary>
    RecordButton OpenButton(BotTurn turn, Guid id);
}

/// <summary>A record as its shared card and its search row show it.</summary>
/// <param name="Summary">One line under the title: in the search list, and on the card.</param>
/// <param name="Facts">Label and value pairs, already in the reader's words and formats.</param>
/// <param name="ClientName">The client the record is about (itself, or a deal's), for other features' buttons.</param>
public sealed record RecordView(Guid Id, string Title, string Summary, IReadOnlyList<(string Label, string Value)> Facts, string? ClientName = null);

/// <summary>
/// Buttons another feature adds to a record's shared card ("Registrar visita" on a client or a
/// deal, "Nueva oferta" on a deal), so the record's own feature need not know it.
/// </summary>
public interface IRecordButtons
{
    IEnumerable<RecordButton> For(BotTurn turn, string kind, RecordView view);
}

/// <summary>A card button that runs a bot command as whoever clicks it (Action.Execute, with Action.Submit as its fallback).</summary>
public sealed record RecordButton(string Title, string Command, JsonObject Data);

/// <summary>
/// A record source over its feature's two sharing reads (a page of matches, one by id), each
/// authorised by the feature's use case; the subclass says how a record reads on its card.
/// </summary>
public abstract class RecordSource<T> : IRecordSource
{
    public abstract string Kind { get; }

    public abstract string SearchCommandId { get; }

    public abstract RecordButton OpenButton(BotTurn turn, Guid id);

    protected abstract Task<Result<IReadOnlyList<T>>> SearchSharedAsync(Features.Organization.Actor actor, string query, int skip, int count, CancellationToken ct);

    protected abstract Task<Result<T>> FindSharedAsync(Features.Organization.Actor actor, Guid id, CancellationToken ct);

    protected abstract RecordView View(BotTurn turn, T record);

    public async Task<Result<IReadOnlyList<RecordView>>> SearchAsync(BotTurn turn, string query, int skip, int count, CancellationToken ct)
    {
        var found = await SearchSharedAsync(turn.Actor, query, skip, count, ct);
        return found.Ok ? found.Value!.Select(r => View(turn, r)).ToList() : found.Error!;
    }

    public async Task<Result<RecordView>> FindAsync(BotTurn turn, Guid id, CancellationToken ct)
    {
        var found = await FindSharedAsync(turn.Actor, id, ct);
        return found.Ok ? View(turn, found.Value!) : found.Error!;
    }
}
