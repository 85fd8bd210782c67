using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using SalesBot.Teams.Connector;
using SalesBot.Teams.Schema;
using SalesBot.Teams.Tests.Support;
using SalesBot.Testing;

namespace SalesBot.Teams.Tests;

/// <summary>The connector client, with its real retry pipeline, against a connector served over HTTP.</summary>
public sealed class ConnectorClientTests : IAsyncLifetime
{
    private FakeConnector _connector = null!;
    private ServiceProvider _services = null!;
    private ConnectorClient _client = null!;

    public async Task InitializeAsync()
    {
        _connector = await FakeConnector.StartAsync();
        // The fake connector is on loopback, which a real deployment would never trust with a token.
        _services = TestServices.Build(new() { ["TrustedServiceUrlHosts:99"] = "127.0.0.1" },
            s => s.AddSingleton<IBotTokenProvider>(new FixedToken("test-token")));
        _client = _services.GetRequiredService<ConnectorClient>();
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _connector.DisposeAsync();
    }

    private static Activity Message(string text) => new() { Type = ActivityTypes.Message, Text = text };

    [Fact]
    public async Task A_reply_escapes_Teams_ids_in_the_path_and_carries_the_bot_token()
    {
        var response = await _client.ReplyToActivityAsync(_connector.ServiceUrl, "19:abc@thread.tacv2;messageid=17", "1:xy", Message("hola"), default);

        var request = Assert.Single(_connector.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/_connector/v3/conversations/19%3Aabc%40thread.tacv2%3Bmessageid%3D17/activities/1%3Axy", request.RawPath);
        Assert.Equal("Bearer test-token", request.Headers["Authorization"]);
        Assert.Equal("hola", JsonNode.Parse(request.Body)!["text"]!.GetValue<string>());
        Assert.StartsWith("msg-", response.Id);
    }

    [Fact]
    public async Task Send_update_delete_and_member_use_the_documented_routes()
    {
        await _client.SendToConversationAsync(_connector.ServiceUrl.TrimEnd('/'), "a:1", Message("x"), default);
        await _client.UpdateActivityAsync(_connector.ServiceUrl, "a:1", "m1", Message("y"), default);
        await _client.DeleteActivityAsync(_connector.ServiceUrl, "a:1", "m1", default);
        var member = await _client.GetConversationMemberAsync(_connector.ServiceUrl, "a:1", "29:member", default);

        Assert.Equal(
            ["POST /_connector/v3/conversations/a%3A1/activities",
             "PUT /_connector/v3/conversations/a%3A1/activities/m1",
             "DELETE /_connector/v3/conversations/a%3A1/activities/m1",
             "GET /_connector/v3/conversations/a%3A1/members/29%3Amember"],
            _connector.Requests.Select(r => $"{r.Method} {r.RawPath}"));
        Assert.Equal("aad-member", member.EntraObjectId);
    }

    [Fact]
    public async Task Stored_activity_JSON_is_sent_as_is_for_replies_sends_and_updates()
    {
        const string json = """{"type":"message","text":"ya en JSON","extra":{"kept":true}}""";
        await _client.SendJsonAsync(_connector.ServiceUrl, "a:1", "m:1", json, update: false, default);
        await _client.SendJsonAsync(_connector.ServiceUrl, "a:1", null, json, update: false, default);
        await _client.SendJsonAsync(_connector.ServiceUrl, "a:1", "m:1", json, update: true, default);

        Assert.Equal(
            ["POST /_connector/v3/conversations/a%3A1/activities/m%3A1",
             "POST /_connector/v3/conversations/a%3A1/activities",
             "PUT /_connector/v3/conversations/a%3A1/activities/m%3A1"],
            _connector.Requests.Select(r => $"{r.Method} {r.RawPath}"));
        Assert.All(_connector.Requests, r => Assert.Equal(json, r.Body));
        Assert.All(_connector.Requests, r => Assert.StartsWith("application/json", r.Headers["Content-Type"]));
    }

    [Fact]
    public async Task Creating_a_personal_conversation_returns_its_id()
    {
        var created = await _client.CreateConversationAsync(_connector.ServiceUrl, new ConversationParameters
        {
            Bot = new ChannelAccount { Id = "28:bot" },
            Members = [new ChannelAccount { Id = "29:user" }],
            TenantId = "tenant",
            ChannelData = new JsonObject { ["tenant"] = new JsonObject { ["id"] = "tenant" } },
        }, default);

        Assert.StartsWith("a:created-", created.Id);
        var body = JsonNode.Parse(Assert.Single(_connector.Requests).Body)!;
        Assert.Equal("29:user", body["members"]![0]!["id"]!.GetValue<string>());
        Assert.Equal("tenant", body["channelData"]!["tenant"]!["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_429_with_Retry_After_is_retried_and_then_succeeds()
    {
        _connector.FailNext(429, retryAfter: "1");

        var response = await _client.SendToConversationAsync(_connector.ServiceUrl, "a:1", Message("x"), default);

        Assert.NotNull(response.Id);
        var requests = _connector.Requests;
        Assert.Equal(2, requests.Count);
        Assert.True(requests[1].At - requests[0].At >= TimeSpan.FromMilliseconds(900), "Retry-After: 1 was not honoured");
    }

    [Theory]
    [InlineData(412)]
    [InlineData(502)]
    [InlineData(503)]
    [InlineData(504)]
    public async Task Transient_gateway_errors_are_retried(int status)
    {
        _connector.FailNext(status);
        await _client.SendToConversationAsync(_connector.ServiceUrl, "a:1", Message("x"), default);
        Assert.Equal(2, _connector.Requests.Count);
    }

    [Fact]
    public async Task A_refusal_is_not_retried_and_says_so()
    {
        _connector.FailNext(403);

        var e = await Assert.ThrowsAsync<ConnectorException>(() =>
            _client.SendToConversationAsync(_connector.ServiceUrl, "a:1", Message("x"), default));

        Assert.Equal(HttpStatusCode.Forbidden, e.StatusCode);
        Assert.False(e.IsTransient);
        Assert.Single(_connector.Requests);
    }

    [Fact]
    public async Task Retries_are_bounded()
    {
        for (var i = 0; i < 10; i++) _connector.FailNext(429, retryAfter: "0");

        var e = await Assert.ThrowsAsync<ConnectorException>(() =>
            _client.SendToConversationAsync(_connector.ServiceUrl, "a:1", Message("x"), default));

        Assert.True(e.IsTransient);
        Assert.Equal(ConnectorRetry.MaxRetryAttempts + 1, _connector.Requests.Count);
    }

    [Fact]
    public async Task A_Retry_After_longer_than_the_cap_is_handed_back_to_the_caller_instead_of_waited_out()
    {
        _connector.FailNext(429, retryAfter: "120");

        var e = await Assert.ThrowsAsync<ConnectorException>(() =>
            _client.SendToConversationAsync(_connector.ServiceUrl, "a:1", Message("x"), default));

        Assert.Equal(TimeSpan.FromSeconds(120), e.RetryAfter);
        Assert.True(e.IsTransient);
        Assert.Single(_connector.Requests);
    }

    [Fact]
    public async Task The_bot_token_is_never_sent_to_a_serviceUrl_outside_the_trusted_hosts()
    {
        await using var strict = TestServices.Build([], s => s.AddSingleton<IBotTokenProvider>(new FixedToken("secret-token")));

        await Assert.ThrowsAsync<UntrustedServiceUrlException>(() => strict.GetRequiredService<ConnectorClient>()
            .SendToConversationAsync(_connector.ServiceUrl, "a:1", Message("x"), default));

        Assert.Empty(_connector.Requests);
    }

    [Theory]
    [InlineData("smba.trafficmanager.net", true)]
    [InlineData("smba.infra.gcc.teams.microsoft.com", true)]
    [InlineData("europe.webchat.botframework.com", true)]
    [InlineData("smba.trafficmanager.net.evil.example", false)]
    [InlineData("evilbotframework.com", false)]
    public void Trusted_hosts_match_exactly_or_by_subdomain(string host, bool trusted) =>
        Assert.Equal(trusted, BotTokenHandler.IsTrusted(host, new Authentication.BotAuthenticationOptions().TrustedServiceUrlHosts));

    [Fact]
    public async Task Without_credentials_no_Authorization_header_is_sent()
    {
        await using var anonymous = TestServices.Build([]);
        await anonymous.GetRequiredService<ConnectorClient>().SendToConversationAsync(_connector.ServiceUrl, "a:1", Message("x"), default);
        Assert.False(Assert.Single(_connector.Requests).Headers.ContainsKey("Authorization"));
    }

    private sealed class FixedToken(string token) : IBotTokenProvider
    {
        public Task<string?> GetTokenAsync(CancellationToken ct) => Task.FromResult<string?>(token);
    }
}
