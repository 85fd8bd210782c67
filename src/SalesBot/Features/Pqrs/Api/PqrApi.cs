using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using SalesBot.Bot.Localization;
using SalesBot.Features.Clients;
using SalesBot.Infrastructure.Auditing;

namespace SalesBot.Features.Pqrs.Api;

/// <summary>The request body of POST /api/pqrs.</summary>
public sealed record PqrRequest(string? Radicado, string? ClientNit, Guid? ClientId, string? Type, string? Channel, string? FiledAt, string? Description);

/// <summary>
/// The customer-service system's door: POST /api/pqrs files a PQR (idempotent by radicado),
/// GET /api/pqrs/{radicado} reads it. Authenticated by the X-Api-Key header; errors are RFC 7807
/// problem details. The API is off until Pqrs:ApiKey is configured.
/// </summary>
public static class PqrApi
{
    private static readonly Actor SystemActor = new("api:customer-service", "Customer service system", Role.CustomerService, null);

    public static IEndpointRouteBuilder MapPqrApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/pqrs").RequireRateLimiting(PqrApiRateLimit.Policy).AddEndpointFilter(RequireApiKey);
        group.MapPost("/", RegisterAsync);
        group.MapGet("/{radicado}", GetAsync);
        return app;
    }

    /// <summary>A PQR is a few KB of text; anything far larger is not one.</summary>
    public const long MaxBodyBytes = 64 * 1024;

    private static async ValueTask<object?> RequireApiKey(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (http.RequestServices.GetRequiredService<IOptions<PqrOptions>>().Value.AcceptedKeys().Count == 0)
            return Results.Problem(statusCode: 503, title: "The PQR API is not configured", detail: "Set Pqrs:ApiKeys (or Pqrs:ApiKey) to enable it.");
        if (PqrApiKeys.Match(http) is null)
            return Results.Problem(statusCode: 401, title: "Missing or wrong X-Api-Key");
        if (http.Request.ContentLength > MaxBodyBytes)
            return Results.Problem(statusCode: 413, title: "The body is too large", detail: $"At most {MaxBodyBytes / 1024} KB.");
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size) size.MaxRequestBodySize = MaxBodyBytes;
        return await next(context);
    }

    private static async Task<IResult> RegisterAsync(HttpContext http, IServiceScopeFactory scopes, CancellationToken ct)
    {
        PqrRequest? request;
        try
        {
            request = await JsonSerializer.DeserializeAsync<PqrRequest>(http.Request.Body, new JsonSerializerOptions(JsonSerializerDefaults.Web), ct);
        }
        catch (JsonException e)
        {
            return Results.Problem(statusCode: 400, title: "The body is not valid JSON", detail: e.Message);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return Results.Problem(statusCode: 413, title: "The body is too large", detail: $"At most {MaxBodyBytes / 1024} KB.");
        }
        if (request is null) return Results.Problem(statusCode: 400, title: "A JSON body is required");

        // One retry: two registrations of the same radicado at once meet at the unique index.
        for (var attempt = 1; ; attempt++)
        {
            await using var scope = scopes.CreateAsyncScope(); // a fresh unit of work for the retry
            var sp = scope.ServiceProvider;
            sp.GetRequiredService<AuditContext>().Set(SystemActor, http.TraceIdentifier);
            var db = sp.GetRequiredService<SalesBotDbContext>();
            var (registration, errors) = await sp.GetRequiredService<RegisterPqr>().ExecuteAsync(SystemActor,
                new PqrInput(request.Radicado, request.ClientNit, request.ClientId, request.Type, request.Channel, request.FiledAt, request.Description), ct);
            var (pqr, outcome) = (registration?.Pqr, registration?.Outcome ?? default);
            if (pqr is null) return Problem(sp.GetRequiredService<Localizer>(), errors);
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException e) when (attempt == 1 && DuplicateKey.Is(e, "Pqrs"))
            {
                continue;
            }
            var body = await RepresentAsync(db, pqr, ct);
            return outcome == RegistrationOutcome.Created
                ? Results.Created($"/api/pqrs/{Uri.EscapeDataString(pqr.FilingNumber)}", body)
                : Results.Ok(body);
        }
    }

    private static async Task<IResult> GetAsync(string radicado, SalesBotDbContext db, CancellationToken ct)
    {
        // No radicado is longer than 40 characters (RegisterPqr's rule): nothing to look up.
        if (radicado.Length > 40) return Results.Problem(statusCode: 404, title: "No PQR with that radicado");
        var pqr = await db.Pqrs.AsNoTracking().FirstOrDefaultAsync(p => p.FilingNumber == radicado, ct);
        return pqr is null
            ? Results.Problem(statusCode: 404, title: $"No PQR with radicado '{radicado}'")
            : Results.Ok(await RepresentAsync(db, pqr, ct));
    }

    private static IResult Problem(Localizer localizer, IReadOnlyList<Shared.DomainError> errors)
    {
        var conflict = errors.FirstOrDefault(e => e.Kind == ErrorKind.Conflict);
        if (conflict is not null)
            return Results.Problem(statusCode: 409, title: "Another PQR has this radicado", detail: localizer.Refusal(Localizer.English, conflict));
        if (errors.Any(e => e.Kind == ErrorKind.Forbidden)) return Results.Problem(statusCode: 403, title: "Not allowed");
        var byField = errors.GroupBy(e => e.Kind == ErrorKind.Invalid ? e.Args[0] : e.Kind == ErrorKind.NotFound ? e.Args[0] : e.Code)
            .ToDictionary(g => g.Key, g => g.Select(e => localizer.Refusal(Localizer.English, e)).ToArray());
        return Results.ValidationProblem(byField, title: "The PQR is not valid");
    }

    private static async Task<object> RepresentAsync(SalesBotDbContext db, Pqr pqr, CancellationToken ct)
    {
        var client = await db.Clients.AsNoTracking().Where(c => c.Id == pqr.ClientId).Select(c => new { c.Id, c.Name, c.TaxId }).FirstAsync(ct);
        var assignee = pqr.AssigneeId is null ? null
            : await db.People.AsNoTracking().Where(p => p.Id == pqr.AssigneeId).Select(p => new { p.Name, p.Email }).FirstOrDefaultAsync(ct);
        return new
        {
            radicado = pqr.FilingNumber,
            client = new { id = client.Id, name = client.Name, nit = client.TaxId is null ? null : Nit.Format(client.TaxId) },
            type = pqr.Type.Code(),
            channel = pqr.Channel.Code(),
            filedAt = pqr.FiledAt,
            dueDate = pqr.DueDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            status = pqr.Status.ToString().ToLowerInvariant(),
            assignee,
            answeredAt = pqr.AnsweredAt,
            answeredOnTime = pqr.AnsweredOnTime,
        };
    }
}
