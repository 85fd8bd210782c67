using System.Net;
using SalesBot.Bot.Localization;

namespace SalesBot.Features.Shared.Api;

/// <summary>
/// GET /r/{kind}/{id}: a record's link opened in a browser. The record is shown only in Teams,
/// where the bot knows who is asking, so the page says that and nothing about the record, not even
/// whether it exists.
/// </summary>
public static class RecordLinkPage
{
    public static IEndpointRouteBuilder MapRecordLinks(this IEndpointRouteBuilder app)
    {
        app.MapGet(RecordLinks.PathPrefix + "{kind}/{id}", Get);
        return app;
    }

    private static IResult Get(string kind, string id, HttpRequest request, Localizer localizer)
    {
        if (RecordLinks.ParsePath(kind + "/" + id) is null) return Results.NotFound();
        var language = request.Headers.AcceptLanguage.ToString().StartsWith("en", StringComparison.OrdinalIgnoreCase) ? Localizer.English : Localizer.Spanish;
        string T(string key) => WebUtility.HtmlEncode(localizer.Get(language, key));
        var html = $"""
            <!doctype html>
            <html lang="{language}">
            <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex"><title>{T("recordLink.pageTitle")}</title></head>
            <body style="font-family: 'Segoe UI', sans-serif; max-width: 36rem; margin: 4rem auto; padding: 0 1rem; line-height: 1.5">
            <h1 style="font-size: 1.4rem">{T("recordLink.pageTitle")}</h1>
            <p>{T("recordLink.pageBody")}</p>
            </body>
            </html>
            """;
        return Results.Content(html, "text/html; charset=utf-8");
    }
}
