using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.Tokens;
using SalesBot.Teams.Authentication;
using SalesBot.Teams.Hosting;
using SalesBot.Teams.Schema;
using SalesBot.Testing;

namespace SalesBot.Teams.Tests;

/// <summary>The HTTP contract of POST /api/messages, over real HTTP, with a recording bot behind it.</summary>
public sealed class BotEndpointTests : IAsyncLifetime
{
    private const string AppId = "8f5a3c1e-1111-4b2c-9d3e-123456789abc";
    private readonly RecordingBot _bot = new();
    private TestTokenIssuer _issuer = null!;
    private RsaSecurityKey _key = null!;
    private WebApplication _authenticated = null!;
    private WebApplication _anonymous = null!;
    private readonly HttpClient _http = new();

    public async Task InitializeAsync()
    {
        _issuer = await TestTokenIssuer.StartAsync();
        _key = _issuer.CreateKey("k1", publish: true, "msteams");
        _authenticated = await StartAsync(new()
        {
            ["MicrosoftAppId"] = AppId,
            ["MicrosoftAppPassword"] = "secret",
            ["MicrosoftAppTenantId"] = "tenant",
            ["ToBotFromChannelOpenIdMetadataUrl"] = _issuer.ChannelMetadataUrl,
            ["ToBotFromEmulatorOpenIdMetadataUrl"] = _issuer.EntraMetadataUrl,
        });
        _anonymous = await StartAsync([]);
    }

    private async Task<WebApplication> StartAsync(Dictionary<string, string?> settings)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddTeamsProtocol(builder.Configuration);
        builder.Services.AddSingleton<IBot>(_bot);
        var app = builder.Build();
        app.MapBotMessages();
        await app.StartAsync();
        return app;
    }

    public async Task DisposeAsync()
    {
        await _authenticated.DisposeAsync();
        await _anonymous.DisposeAsync();
        await _issuer.DisposeAsync();
        _http.Dispose();
    }

    private static string Url(WebApplication app) =>
        app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/api/messages";

    private const string ServiceUrl = "https://smba.trafficmanager.net/amer/";

    private static string ActivityJson(string type = "message", string? name = null, string? tenant = "tenant") => new JsonObject
    {
        ["type"] = type,
        ["id"] = Guid.NewGuid().ToString(),
        ["name"] = name,
        ["channelId"] = "msteams",
        ["serviceUrl"] = ServiceUrl,
        ["from"] = new JsonObject { ["id"] = "29:user" },
        ["conversation"] = new JsonObject { ["id"] = "a:conv", ["tenantId"] = tenant },
        ["recipient"] = new JsonObject { ["id"] = "28:" + AppId },
        ["text"] = "hola",
    }.ToJsonString();

    private async Task<HttpResponseMessage> PostAsync(WebApplication app, string body, string? token = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, Url(app))
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        if (token is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await _http.SendAsync(request);
    }

    private string Token() => TestTokenIssuer.MintChannelToken(_key, AppId, ServiceUrl);

    [Fact]
    public async Task A_message_with_a_valid_token_is_processed_and_answered_200_empty()
    {
        var response = await PostAsync(_authenticated, ActivityJson(), Token());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("", await response.Content.ReadAsStringAsync());
        Assert.Single(_bot.Seen);
    }

    [Theory]
    [InlineData("another-tenant")]
    [InlineData(null)]
    public async Task A_single_tenant_bot_refuses_activities_of_other_tenants_with_403(string? tenant)
    {
        var response = await PostAsync(_authenticated, ActivityJson(tenant: tenant), Token());
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Empty(_bot.Seen);
    }

    [Fact]
    public void Allowed_tenants_add_to_a_single_tenant_bots_own_and_restrict_a_multi_tenant_one()
    {
        var single = new BotAuthenticationOptions { MicrosoftAppId = AppId, MicrosoftAppTenantId = "home", AllowedTenantIds = ["partner"] };
        var multi = new BotAuthenticationOptions { MicrosoftAppId = AppId, MicrosoftAppType = "MultiTenant" };
        var restricted = new BotAuthenticationOptions { MicrosoftAppId = AppId, MicrosoftAppType = "MultiTenant", AllowedTenantIds = ["a"] };
        Assert.Equal((true, true, false), (single.TenantAllowed("home"), single.TenantAllowed("PARTNER"), single.TenantAllowed("other")));
        Assert.True(multi.TenantAllowed("anyone"));
        Assert.Equal((true, false), (restricted.TenantAllowed("a"), restricted.TenantAllowed("b")));
    }

    [Fact]
    public async Task Malformed_channel_data_is_400_before_anything_runs()
    {
        var body = JsonNode.Parse(ActivityJson())!.AsObject();
        body["channelData"] = new JsonObject { ["tenant"] = "not an object" };
        Assert.Equal(HttpStatusCode.BadRequest, (await PostAsync(_authenticated, body.ToJsonString(), Token())).StatusCode);
        Assert.Empty(_bot.Seen);
    }

    [Fact]
    public async Task Without_a_token_nothing_is_processed_and_the_answer_is_401()
    {
        var response = await PostAsync(_authenticated, ActivityJson());
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(_bot.Seen);
    }

    [Fact]
    public async Task A_token_for_another_serviceUrl_is_401()
    {
        var token = TestTokenIssuer.MintChannelToken(_key, AppId, "https://attacker.example/");
        Assert.Equal(HttpStatusCode.Unauthorized, (await PostAsync(_authenticated, ActivityJson(), token)).StatusCode);
        Assert.Empty(_bot.Seen);
    }

    [Theory]
    [InlineData("{not json")]
    [InlineData("""{"id":"x","text":"no type"}""")]
    [InlineData("[]")]
    public async Task A_body_that_is_not_an_activity_is_400(string body)
    {
        Assert.Equal(HttpStatusCode.BadRequest, (await PostAsync(_authenticated, body, Token())).StatusCode);
        Assert.Empty(_bot.Seen);
    }

    [Fact]
    public async Task An_oversized_body_is_413()
    {
        var huge = ActivityJson().Replace("\"hola\"", "\"" + new string('x', 600 * 1024) + "\"");
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, (await PostAsync(_authenticated, huge, Token())).StatusCode);
        Assert.Empty(_bot.Seen);
    }

    [Fact]
    public async Task An_invoke_answers_with_its_response_in_the_body()
    {
        var response = await PostAsync(_authenticated, ActivityJson("invoke", "adaptiveCard/action"), Token());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("application/vnd.microsoft.activity.message", body["type"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_invoke_nobody_handles_is_501()
    {
        var response = await PostAsync(_authenticated, ActivityJson("invoke", "composeExtension/query"), Token());
        Assert.Equal(HttpStatusCode.NotImplemented, response.StatusCode);
    }

    [Fact]
    public async Task An_activity_without_a_conversation_or_serviceUrl_is_400()
    {
        var noConversation = JsonNode.Parse(ActivityJson())!.AsObject();
        noConversation.Remove("conversation");
        var badServiceUrl = JsonNode.Parse(ActivityJson())!.AsObject();
        badServiceUrl["serviceUrl"] = "not a url";

        Assert.Equal(HttpStatusCode.BadRequest, (await PostAsync(_authenticated, noConversation.ToJsonString(), Token())).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await PostAsync(_authenticated, badServiceUrl.ToJsonString(), Token())).StatusCode);
        Assert.Empty(_bot.Seen);
    }

    [Fact]
    public async Task Without_an_app_id_a_request_forwarded_by_a_proxy_or_tunnel_is_refused()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, Url(_anonymous))
        {
            Content = new StringContent(ActivityJson(), Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("X-Forwarded-For", "203.0.113.7");

        Assert.Equal(HttpStatusCode.Unauthorized, (await _http.SendAsync(request)).StatusCode);
        Assert.Empty(_bot.Seen);
    }

    [Fact]
    public async Task Without_an_app_id_loopback_callers_are_served_without_a_token()
    {
        var response = await PostAsync(_anonymous, ActivityJson());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single(_bot.Seen);
    }

    /// <summary>Answers adaptiveCard/action invokes and nothing else, like a bot with one card.</summary>
    private sealed class RecordingBot : IBot
    {
        public List<Activity> Seen { get; } = [];

        public Task<InvokeResponse?> OnTurnAsync(ITurnContext turn, CancellationToken ct)
        {
            lock (Seen) Seen.Add(turn.Activity);
            return Task.FromResult(turn.Activity.Name == InvokeNames.AdaptiveCardAction ? InvokeResponse.Message("ok") : null);
        }
    }
}
