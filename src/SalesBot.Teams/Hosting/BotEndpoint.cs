using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SalesBot.Teams.Schema;

namespace SalesBot.Teams.Hosting;

/// <summary>
/// POST /api/messages with the SDK's HTTP contract: 400 for a body that is not an activity, 401 for
/// any authentication failure (nothing processed), 413 for oversized bodies, 200 empty for
/// non-invoke activities, and for invokes the invoke response's status and body (501 when unhandled).
/// </summary>
public static class BotEndpoint
{
    public static IEndpointConventionBuilder MapBotMessages(this IEndpointRouteBuilder app, string pattern = "/api/messages") =>
        app.MapPost(pattern, HandleAsync);

    private static string? Truncate(string? id) => id is { Length: > 64 } ? id[..64] + "…" : id;

    private static async Task<IResult> HandleAsync(HttpContext http, InboundAuthenticator auth, IBot bot,
        IOptions<BotEndpointOptions> options, ILoggerFactory loggers, CancellationToken ct)
    {
        var log = loggers.CreateLogger("SalesBot.Teams.BotEndpoint");
        var limit = options.Value.MaxRequestBodyBytes;
        if (http.Request.ContentLength > limit) return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
        var sizeFeature = http.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (sizeFeature is { IsReadOnly: false }) sizeFeature.MaxRequestBodySize = limit;

        Activity? activity;
        try
        {
            activity = await JsonSerializer.DeserializeAsync<Activity>(http.Request.Body, ActivityJson.Options, ct);
        }
        catch (JsonException)
        {
            return Results.BadRequest();
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
        }
        if (activity is null) return Results.BadRequest();
        // Nothing can be answered without a conversation and a connector to answer through, and a
        // malformed part would fail the turn on every retry: refused before anything runs.
        if (ActivityEnvelope.Problem(activity) is { } problem)
        {
            log.LogWarning("Refused activity {ActivityId}: {Problem}", Truncate(activity.Id), problem);
            return Results.BadRequest();
        }

        var authResult = await auth.AuthenticateAsync(http, activity, ct);
        if (authResult.Unavailable)
        {
            // Our side cannot check tokens right now (signing keys unreachable): ask the channel to retry.
            log.LogError("Cannot authenticate activity {ActivityId}: {Reason}", activity.Id, authResult.Failure);
            return Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
        }
        if (authResult.Forbidden)
        {
            log.LogWarning("Refused activity {ActivityId}: {Reason}", Truncate(activity.Id), authResult.Failure);
            return Results.StatusCode(StatusCodes.Status403Forbidden);
        }
        if (!authResult.Succeeded)
        {
            log.LogWarning("Unauthorized activity {ActivityId}: {Reason}", activity.Id, authResult.Failure);
            return Results.Unauthorized();
        }

        var turn = new TurnContext(activity, authResult.Identity);
        var invokeResponse = await bot.OnTurnAsync(turn, ct);
        if (!activity.IsType(ActivityTypes.Invoke)) return Results.Ok();
        if (invokeResponse is null) return Results.StatusCode(StatusCodes.Status501NotImplemented);
        return invokeResponse.Body is null
            ? Results.StatusCode(invokeResponse.Status)
            : Results.Json(invokeResponse.Body, ActivityJson.Options, statusCode: invokeResponse.Status);
    }
}
