using System.Globalization;
using SalesBot.Bot;
using SalesBot.Bot.Localization;
using SalesBot.Features.Digests;

namespace SalesBot.Cli;

/// <summary>`salesbot digests list|add|remove`: the weekly digest subscriptions, for administrators.</summary>
public sealed class DigestsRunner(TextWriter stdout, TextWriter stderr, Localizer localizer)
{
    public async Task<int> RunAsync(IServiceProvider sp, Actor actor, DigestsCommand command, CancellationToken ct)
    {
        var subscriptions = sp.GetRequiredService<DigestSubscriptions>();
        if (command.Verb == "list")
        {
            var all = await subscriptions.AllAsync(ct);
            if (all.Count == 0) await stdout.WriteLineAsync("No weekly digest subscriptions.");
            foreach (var (s, team) in all.Select(v => (v.Subscription, v.TeamName)))
                await stdout.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"{team}\t{s.ChannelId}\t{s.Day} {s.Hour:HH\\:mm} {s.TimeZone}\t{s.Language}\t{(s.IsActive ? "active" : $"ended {s.EndedAt:yyyy-MM-dd} ({s.EndReason})")}"));
            return CliRunner.Success;
        }
        var channel = command.ChannelId!;
        if (command.Verb == "add" && await sp.GetRequiredService<TeamChannels>().ReferenceOfAsync(channel, ct) is null)
        {
            await stderr.WriteLineAsync($"error: the bot has not heard from channel {channel} yet, so it has no address to post to. Install SalesBot in the team (or mention it once in that channel), then run this again.");
            return CliRunner.Failure;
        }
        var result = command.Verb == "add"
            ? await subscriptions.SubscribeAsync(actor, channel, command.Team, command.Slot, command.Language, ct)
            : await subscriptions.CancelAsync(actor, channel, command.Team, ct);
        if (!result.Ok)
        {
            await stderr.WriteLineAsync("error: " + localizer.Refusal(Localizer.English, result.Error!));
            return CliRunner.Failure;
        }
        await sp.GetRequiredService<SalesBotDbContext>().SaveChangesAsync(ct);
        var saved = result.Value!;
        await stdout.WriteLineAsync(command.Verb == "add"
            ? string.Create(CultureInfo.InvariantCulture, $"Channel {channel} gets the weekly digest of '{command.Team}' on {saved.Day}s at {saved.Hour:HH\\:mm} ({saved.TimeZone}), in '{saved.Language}'.")
            : $"Channel {channel} no longer gets the weekly digest of '{command.Team}'.");
        return CliRunner.Success;
    }
}
