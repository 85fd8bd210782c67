using SalesBot.Bot.Localization;

namespace SalesBot.Features.Digests.Api;

/// <summary>GET /charts/digests/pipeline.png: the pipeline chart of a digest's signed link (see <see cref="DigestChartLinks"/>), drawn from the figures the link carries.</summary>
public static class DigestChartEndpoint
{
    public static IEndpointRouteBuilder MapDigestCharts(this IEndpointRouteBuilder app)
    {
        app.MapGet(DigestChartLinks.Path, Get);
        return app;
    }

    private static IResult Get(string? team, string? week, string? stages, string? cur, string? lang, string? country, long? exp, string? sig,
        DigestChartLinks links, Localizer localizer)
    {
        // The same answer for a forged, expired or malformed link: nothing tells a guesser which part was wrong.
        if (links.Read(team, week, stages, cur, lang, country, exp, sig) is not { } chart || !Localizer.Languages.Contains(chart.Language))
            return Results.Problem(statusCode: 403, title: "This chart link is not valid or has expired");
        return Results.File(DigestChart.Png(chart, new Wording(localizer, localizer.ReaderOf(chart.Language, chart.Country))), "image/png");
    }
}
