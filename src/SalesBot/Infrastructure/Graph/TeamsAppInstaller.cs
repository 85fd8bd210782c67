using System.Text.Json;
using Microsoft.Graph;
using Microsoft.Graph.Models;
using Microsoft.Graph.Models.ODataErrors;
using Microsoft.Kiota.Abstractions;
using SalesBot.Infrastructure.Outbox;

namespace SalesBot.Infrastructure.Graph;

/// <summary>
/// Proactive installation: installs SalesBot in someone's personal scope through Graph
/// (TeamsAppInstallation.ReadWriteSelfForUser.All), through the outbox so an outage only delays it.
/// Teams then sends the bot the install, which opens the chat (see IPersonalChatOpened).
/// </summary>
public sealed class TeamsAppInstaller(OutboxWriter outbox, IOptions<GraphOptions> options)
{
    public const string Lane = "graph:install";

    public bool Enabled => options.Value.IsConfigured && !string.IsNullOrWhiteSpace(options.Value.TeamsAppCatalogId);

    /// <summary>Queues the installation for the person (Entra object id); false when it is not configured.</summary>
    public bool Request(string aadObjectId)
    {
        if (!Enabled) return false;
        outbox.EnqueueWork(OutboxOperation.InstallApp, Lane + ":" + aadObjectId, JsonSerializer.Serialize(new { aadObjectId }));
        return true;
    }
}

/// <summary>Makes the install call; "already installed" (409) is success.</summary>
public sealed class InstallAppHandler(GraphServiceClient graph, IOptions<GraphOptions> options) : IOutboxOperationHandler
{
    public async Task DeliverAsync(OutboxMessage message, CancellationToken ct)
    {
        var user = JsonDocument.Parse(message.PayloadJson).RootElement.GetProperty("aadObjectId").GetString()!;
        var o = options.Value;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(o.Timeout);
        try
        {
            await graph.Users[user].Teamwork.InstalledApps.PostAsync(new UserScopeTeamsAppInstallation
            {
                AdditionalData = new Dictionary<string, object> { ["teamsApp@odata.bind"] = $"{o.BaseUrl.TrimEnd('/')}/appCatalogs/teamsApps/{o.TeamsAppCatalogId}" },
            }, cancellationToken: timeout.Token);
        }
        catch (ApiException e) when (e.ResponseStatusCode == 409)
        {
            // Installed already (by the user or an earlier attempt whose answer was lost).
        }
        catch (Exception e) when (e is ApiException or HttpRequestException or OperationCanceledException && !ct.IsCancellationRequested)
        {
            var status = (e as ApiException)?.ResponseStatusCode ?? 0;
            throw new OutboxDeliveryException($"Graph {status}: {(e as ODataError)?.Error?.Message ?? e.Message}", permanent: status is >= 400 and < 500 and not (408 or 429), inner: e);
        }
    }

    // Whoever waited is told by "mis aprobaciones" and the requester's notice; nothing more to say here.
    public Task FailedAsync(OutboxMessage message, string error, CancellationToken ct) => Task.CompletedTask;
}
