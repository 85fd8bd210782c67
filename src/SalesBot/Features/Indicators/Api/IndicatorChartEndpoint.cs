using SalesBot.Features.Shared;
using SalesBot.Bot.Localization;

namespace SalesBot.Features.Indicators.Api;

/// <summary>GET /charts/indicators/{code}.png: the trend chart of a signed link (see <see cref="IndicatorChartLinks"/>), computed when fetched.</summary>
public static class IndicatorChartEndpoint
{
    public static IEndpointRouteBuilder MapIndicatorCharts(this IEndpointRouteBuilder app)
    {
        app.MapGet(IndicatorChartLinks.PathPrefix + "{file}", GetAsync);
        return app;
    }

    private static async Task<IResult> GetAsync(string file, string? scope, string? period, string? lang, long? exp, string? sig,
        IndicatorChartLinks links, IndicatorPeople people, IndicatorEngine engine, Localizer localizer, CancellationToken ct)
    {
        if (!file.EndsWith(".png", StringComparison.OrdinalIgnoreCase) || Indicators.Codes.Parse(file[..^4]) is not { } indicator) return Results.NotFound();
        // The same answer for a forged, expired or foreign link: nothing tells a guesser which part was wrong.
        if (!links.IsValid(indicator, scope, period, lang, exp, sig)
            || IndicatorPeriod.Parse(period) is not { } when || !Localizer.Languages.Contains(lang))
            return Results.Problem(statusCode: 403, title: "This chart link is not valid or has expired");
        var named = await people.ScopeOfKeyAsync(scope, ct);
        if (named is null) return Results.NotFound();
        var result = await engine.ComputeAsync(indicator, named, when, ct);
        return Results.File(IndicatorChart.Png(result, new Wording(localizer, localizer.ReaderOf(lang!, null))), "image/png");
    }
}
