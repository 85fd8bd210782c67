using System.Globalization;
using SalesBot.Features.Pipeline;
using SalesBot.Features.Shared;

namespace SalesBot.Features.Digests;

/// <summary>
/// Signed links to a digest's pipeline chart. Unlike an indicator's, the link carries the figures
/// it draws (count, total and weighted value of each open stage): a channel's digest is a
/// snapshot of its week, and the chart must show that week when opened in a month, not today's
/// pipeline. The figures are those the card already shows in the channel, and the signature keeps
/// anyone from drawing other numbers under SalesBot's name.
/// </summary>
public sealed class DigestChartLinks(SignedLinks links, IOptions<DigestOptions> options)
{
    public const string Path = "/charts/digests/pipeline.png";

    /// <summary>At most this many stages in a link; the pipeline has four open ones.</summary>
    private const int MaxStages = 8;

    public string? UrlFor(WeeklyDigest digest, string language, string? teamCountry) =>
        links.UrlFor(Path, [("team", digest.TeamName), ("week", DigestWeek.PeriodOf(digest.To)), ("stages", Encode(digest.Pipeline)),
            ("cur", digest.Currency), ("lang", language), ("country", teamCountry ?? "")], options.Value.ChartLinkLifetime);

    /// <summary>The chart a valid link asks for, or null for a forged, expired or malformed one.</summary>
    public DigestChartRequest? Read(string? team, string? week, string? stages, string? currency, string? language, string? country, long? expires, string? signature)
    {
        // An empty parameter may come back as none: the link was signed with "".
        if (!links.IsValid(Path, Parameters(team, week, stages, currency, language, country ?? ""), expires, signature)) return null;
        var decoded = Decode(stages!);
        return decoded is null ? null : new DigestChartRequest(team!, week!, decoded, currency!, language!, country is { Length: > 0 } ? country : null);
    }

    /// <summary>In the order <see cref="UrlFor"/> signs them.</summary>
    private static IReadOnlyList<(string Name, string? Value)> Parameters(string? team, string? week, string? stages, string? currency, string? language, string? country) =>
        [("team", team), ("week", week), ("stages", stages), ("cur", currency), ("lang", language), ("country", country)];

    /// <summary>"hunting:3:1200000:120000,qualification:...": invariant numbers, so any reader parses them alike.</summary>
    public static string Encode(IReadOnlyList<StageSummary> pipeline) =>
        string.Join(",", pipeline.Select(s => string.Join(":", s.Stage.Code(), s.Count.ToString(CultureInfo.InvariantCulture),
            s.Total.ToString(CultureInfo.InvariantCulture), s.Weighted.ToString(CultureInfo.InvariantCulture))));

    public static IReadOnlyList<StageSummary>? Decode(string text)
    {
        var parts = text.Split(',', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length > MaxStages) return null;
        var stages = new List<StageSummary>();
        foreach (var part in parts)
        {
            var fields = part.Split(':');
            if (fields.Length != 4 || Stages.Codes.Parse(fields[0]) is not { } stage
                || !int.TryParse(fields[1], NumberStyles.None, CultureInfo.InvariantCulture, out var count)
                || !decimal.TryParse(fields[2], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var total)
                || !decimal.TryParse(fields[3], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var weighted))
                return null;
            stages.Add(new StageSummary(stage, count, total, weighted));
        }
        return stages;
    }
}

/// <summary>What a digest chart link draws: the team's open pipeline of one week, in one reader's words.</summary>
public sealed record DigestChartRequest(string Team, string Week, IReadOnlyList<StageSummary> Stages, string Currency, string Language, string? Country);
