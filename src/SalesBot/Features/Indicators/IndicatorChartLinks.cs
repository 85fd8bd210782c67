namespace SalesBot.Features.Indicators;

/// <summary>
/// Signed links to an indicator's trend chart (a PNG the card shows). The link names the
/// indicator, the scope, the period and the language, and is given only to someone who may read
/// that scope; it expires with Indicators:ChartLinkLifetime.
/// </summary>
public sealed class IndicatorChartLinks(SignedLinks links, IOptions<IndicatorOptions> options)
{
    public const string PathPrefix = "/charts/indicators/";

    public string? UrlFor(IndicatorResult result, string language) =>
        links.UrlFor(PathOf(result.Indicator), [("scope", result.Scope.Key), ("period", result.Period.Label), ("lang", language)],
            options.Value.ChartLinkLifetime);

    public bool IsValid(Indicator indicator, string? scope, string? period, string? language, long? expires, string? signature) =>
        links.IsValid(PathOf(indicator), [("scope", scope), ("period", period), ("lang", language)], expires, signature);

    private static string PathOf(Indicator indicator) => PathPrefix + indicator.Code() + ".png";
}
