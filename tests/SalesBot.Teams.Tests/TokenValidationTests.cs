using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Tokens;
using SalesBot.Teams.Authentication;
using SalesBot.Teams.Schema;
using SalesBot.Teams.Tests.Support;
using SalesBot.Testing;

namespace SalesBot.Teams.Tests;

/// <summary>The inbound token checks, against keys and OpenID metadata served by the test over HTTP.</summary>
public sealed class TokenValidationTests : IAsyncLifetime
{
    private const string AppId = "8f5a3c1e-1111-4b2c-9d3e-123456789abc";
    private const string TenantId = "5e7d1c2b-2222-4a3b-8c4d-abcdefabcdef";
    private const string ServiceUrl = "https://smba.trafficmanager.net/amer/";

    private TestTokenIssuer _issuer = null!;
    private RsaSecurityKey _teamsKey = null!;
    private ServiceProvider _services = null!;
    private BotTokenValidator _validator = null!;

    public async Task InitializeAsync()
    {
        _issuer = await TestTokenIssuer.StartAsync();
        _teamsKey = _issuer.CreateKey("teams-key", publish: true, "msteams", "webchat");
        _services = TestServices.Build(new()
        {
            ["MicrosoftAppType"] = "SingleTenant",
            ["MicrosoftAppId"] = AppId,
            ["MicrosoftAppPassword"] = "not-used-here",
            ["MicrosoftAppTenantId"] = TenantId,
            ["ToBotFromChannelOpenIdMetadataUrl"] = _issuer.ChannelMetadataUrl,
            ["ToBotFromEmulatorOpenIdMetadataUrl"] = _issuer.EntraMetadataUrl,
        });
        _validator = _services.GetRequiredService<BotTokenValidator>();
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _issuer.DisposeAsync();
    }

    private static Activity TeamsActivity(string serviceUrl = ServiceUrl, string channelId = "msteams") =>
        new() { Type = ActivityTypes.Message, ChannelId = channelId, ServiceUrl = serviceUrl };

    private Task<InboundAuthenticationResult> Validate(string? header, Activity? activity = null) =>
        _validator.ValidateAsync(header, activity ?? TeamsActivity(), CancellationToken.None);

    [Fact]
    public async Task A_valid_Bot_Framework_token_is_accepted()
    {
        var token = TestTokenIssuer.MintChannelToken(_teamsKey, AppId, ServiceUrl);
        var result = await Validate("Bearer " + token);
        Assert.True(result.Succeeded, result.Failure);
        Assert.Equal(ServiceUrl, result.Identity!.FindFirst("serviceurl")!.Value);
    }

    [Fact]
    public async Task An_expired_token_is_rejected()
    {
        var token = TestTokenIssuer.MintChannelToken(_teamsKey, AppId, ServiceUrl,
            notBefore: DateTime.UtcNow.AddHours(-2), expires: DateTime.UtcNow.AddMinutes(-6));
        Assert.False((await Validate("Bearer " + token)).Succeeded);
    }

    [Fact]
    public async Task A_token_expired_within_the_five_minute_skew_is_accepted()
    {
        var token = TestTokenIssuer.MintChannelToken(_teamsKey, AppId, ServiceUrl,
            notBefore: DateTime.UtcNow.AddHours(-2), expires: DateTime.UtcNow.AddMinutes(-3));
        Assert.True((await Validate("Bearer " + token)).Succeeded);
    }

    [Fact]
    public async Task A_token_not_yet_valid_is_rejected()
    {
        var token = TestTokenIssuer.MintChannelToken(_teamsKey, AppId, ServiceUrl,
            notBefore: DateTime.UtcNow.AddMinutes(10), expires: DateTime.UtcNow.AddHours(1));
        Assert.False((await Validate("Bearer " + token)).Succeeded);
    }

    [Fact]
    public async Task A_token_for_another_bot_is_rejected()
    {
        var token = TestTokenIssuer.MintChannelToken(_teamsKey, "another-app-id", ServiceUrl);
        Assert.False((await Validate("Bearer " + token)).Succeeded);
    }

    [Fact]
    public async Task A_token_from_an_unknown_issuer_is_rejected()
    {
        var token = TestTokenIssuer.MintChannelToken(_teamsKey, AppId, ServiceUrl, issuer: "https://evil.example.com");
        var result = await Validate("Bearer " + token);
        Assert.False(result.Succeeded);
        Assert.Contains("not trusted", result.Failure);
    }

    [Fact]
    public async Task A_token_signed_by_an_unpublished_key_is_rejected_after_one_refresh()
    {
        var stranger = _issuer.CreateKey("unknown-key", publish: false);
        var token = TestTokenIssuer.MintChannelToken(stranger, AppId, ServiceUrl);
        Assert.False((await Validate("Bearer " + token)).Succeeded);
        Assert.Equal(2, _issuer.KeySetRequests);
    }

    [Fact]
    public async Task A_key_published_after_the_first_fetch_is_picked_up_by_refreshing()
    {
        Assert.True((await Validate("Bearer " + TestTokenIssuer.MintChannelToken(_teamsKey, AppId, ServiceUrl))).Succeeded);
        var rotated = _issuer.CreateKey("rotated-key", publish: true, "msteams");

        var result = await Validate("Bearer " + TestTokenIssuer.MintChannelToken(rotated, AppId, ServiceUrl));

        Assert.True(result.Succeeded, result.Failure);
    }

    [Fact]
    public async Task A_forged_signature_with_a_known_key_id_is_rejected()
    {
        var forger = _issuer.CreateKey("teams-key", publish: false);
        var token = TestTokenIssuer.MintChannelToken(forger, AppId, ServiceUrl);
        Assert.False((await Validate("Bearer " + token)).Succeeded);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Bearer")]
    [InlineData("Basic dXNlcjpwYXNz")]
    [InlineData("Bearer a b")]
    [InlineData("Bearer not-a-jwt")]
    public async Task A_missing_or_malformed_header_is_rejected(string? header)
    {
        Assert.False((await Validate(header)).Succeeded);
    }

    [Fact]
    public async Task A_serviceUrl_claim_that_differs_from_the_activity_is_rejected()
    {
        var token = TestTokenIssuer.MintChannelToken(_teamsKey, AppId, "https://smba.trafficmanager.net/emea/");
        var result = await Validate("Bearer " + token);
        Assert.False(result.Succeeded);
        Assert.Contains("serviceurl", result.Failure);
    }

    [Fact]
    public async Task A_key_not_endorsed_for_the_channel_is_rejected()
    {
        var webchatOnly = _issuer.CreateKey("webchat-key", publish: true, "webchat");
        var token = TestTokenIssuer.MintChannelToken(webchatOnly, AppId, ServiceUrl);
        var result = await Validate("Bearer " + token);
        Assert.False(result.Succeeded);
        Assert.Contains("endorsed", result.Failure);
    }

    [Fact]
    public async Task A_channel_token_signed_by_a_key_without_endorsements_is_rejected()
    {
        var bare = _issuer.CreateKey("bare-key", publish: true, endorsements: null);
        var token = TestTokenIssuer.MintChannelToken(bare, AppId, ServiceUrl);
        Assert.False((await Validate("Bearer " + token)).Succeeded);
    }

    [Fact]
    public async Task An_Entra_token_from_the_bots_own_tenant_and_the_bot_itself_is_accepted()
    {
        var entraKey = _issuer.CreateKey("entra-key", publish: true, endorsements: null);
        var token = TestTokenIssuer.Mint(entraKey, $"https://login.microsoftonline.com/{TenantId}/v2.0", AppId,
            new Dictionary<string, object> { ["ver"] = "2.0", ["tid"] = TenantId, ["azp"] = AppId });
        var result = await Validate("Bearer " + token);
        Assert.True(result.Succeeded, result.Failure);
    }

    [Fact]
    public async Task Another_app_of_the_tenant_cannot_post_activities_unless_allowed()
    {
        var entraKey = _issuer.CreateKey("entra-key-3", publish: true, endorsements: null);
        var token = TestTokenIssuer.Mint(entraKey, $"https://login.microsoftonline.com/{TenantId}/v2.0", AppId,
            new Dictionary<string, object> { ["ver"] = "2.0", ["tid"] = TenantId, ["azp"] = "some-other-app" });

        Assert.False((await Validate("Bearer " + token)).Succeeded);

        await using var allowing = TestServices.Build(new()
        {
            ["MicrosoftAppId"] = AppId,
            ["MicrosoftAppPassword"] = "x",
            ["MicrosoftAppTenantId"] = TenantId,
            ["ToBotFromChannelOpenIdMetadataUrl"] = _issuer.ChannelMetadataUrl,
            ["ToBotFromEmulatorOpenIdMetadataUrl"] = _issuer.EntraMetadataUrl,
            ["AllowedCallerAppIds:0"] = "some-other-app",
        });
        var result = await allowing.GetRequiredService<BotTokenValidator>().ValidateAsync("Bearer " + token, TeamsActivity(), default);
        Assert.True(result.Succeeded, result.Failure);
    }

    [Fact]
    public async Task Unreachable_signing_keys_are_reported_as_unavailable_not_as_a_bad_token()
    {
        await using var broken = TestServices.Build(new()
        {
            ["MicrosoftAppId"] = AppId,
            ["MicrosoftAppPassword"] = "x",
            ["MicrosoftAppTenantId"] = TenantId,
            ["ToBotFromChannelOpenIdMetadataUrl"] = "http://127.0.0.1:9/nothing-here",
        });
        var result = await broken.GetRequiredService<BotTokenValidator>()
            .ValidateAsync("Bearer " + TestTokenIssuer.MintChannelToken(_teamsKey, AppId, ServiceUrl), TeamsActivity(), default);
        Assert.False(result.Succeeded);
        Assert.True(result.Unavailable);
    }

    [Fact]
    public async Task An_Entra_token_claiming_another_tenant_is_rejected()
    {
        var entraKey = _issuer.CreateKey("entra-key-2", publish: true, endorsements: null);
        var token = TestTokenIssuer.Mint(entraKey, $"https://sts.windows.net/{TenantId}/", AppId,
            new Dictionary<string, object> { ["ver"] = "1.0", ["tid"] = "someone-else" });
        Assert.False((await Validate("Bearer " + token)).Succeeded);
    }

    [Fact]
    public async Task An_Emulator_token_must_name_this_bot_as_the_caller()
    {
        var entraKey = _issuer.CreateKey("emulator-key", publish: true, endorsements: null);
        var issuer = $"https://sts.windows.net/{TestTokenIssuer.BotFrameworkEntraTenant}/";
        var ours = TestTokenIssuer.Mint(entraKey, issuer, AppId, new Dictionary<string, object> { ["ver"] = "1.0", ["appid"] = AppId });
        var theirs = TestTokenIssuer.Mint(entraKey, issuer, AppId, new Dictionary<string, object> { ["ver"] = "1.0", ["appid"] = "other" });

        Assert.True((await Validate("Bearer " + ours, TeamsActivity(channelId: "emulator"))).Succeeded);
        Assert.False((await Validate("Bearer " + theirs, TeamsActivity(channelId: "emulator"))).Succeeded);
    }

    [Fact]
    public async Task Keys_are_fetched_once_and_cached()
    {
        for (var i = 0; i < 3; i++)
            Assert.True((await Validate("Bearer " + TestTokenIssuer.MintChannelToken(_teamsKey, AppId, ServiceUrl))).Succeeded);
        Assert.Equal(1, _issuer.KeySetRequests);
    }
}
