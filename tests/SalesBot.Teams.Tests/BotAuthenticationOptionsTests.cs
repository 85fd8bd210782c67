using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SalesBot.Teams.Authentication;
using SalesBot.Teams.Connector;
using SalesBot.Teams.Tests.Support;

namespace SalesBot.Teams.Tests;

public class BotAuthenticationOptionsTests
{
    [Theory]
    [InlineData("SingleTenant", "secret", "tenant", null)]
    [InlineData("SingleTenant", "secret", null, "needs MicrosoftAppTenantId")]
    [InlineData("SingleTenant", null, "tenant", "needs MicrosoftAppPassword")]
    [InlineData("MultiTenant", "secret", null, null)]
    [InlineData("MultiTenant", null, null, "needs MicrosoftAppPassword")]
    [InlineData("UserAssignedMSI", null, "tenant", null)]
    [InlineData("UserAssignedMSI", "secret", "tenant", "must not have a MicrosoftAppPassword")]
    [InlineData("Federated", "secret", "tenant", "is not one of")]
    public void Credentials_are_checked_per_app_type(string type, string? password, string? tenant, string? problem)
    {
        var options = new BotAuthenticationOptions
        {
            MicrosoftAppType = type,
            MicrosoftAppId = "8f5a3c1e-1111-4b2c-9d3e-123456789abc",
            MicrosoftAppPassword = password,
            MicrosoftAppTenantId = tenant,
        };
        var problems = options.Validate().ToList();
        if (problem is null) Assert.Empty(problems);
        else Assert.Contains(problems, p => p.Contains(problem));
    }

    [Fact]
    public void Without_an_app_id_nothing_is_required_and_authentication_is_off()
    {
        var options = new BotAuthenticationOptions();
        Assert.False(options.AuthenticationEnabled);
        Assert.Empty(options.Validate());
    }

    [Fact]
    public void Incomplete_credentials_stop_the_bot_with_every_problem_named()
    {
        using var services = TestServices.Build(new() { ["MicrosoftAppId"] = "app", ["MicrosoftAppType"] = "SingleTenant" });
        var e = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<BotAuthenticationOptions>>().Value);
        Assert.Contains(e.Failures, f => f.Contains("MicrosoftAppTenantId"));
        Assert.Contains(e.Failures, f => f.Contains("MicrosoftAppPassword"));
    }

    [Theory]
    [InlineData("SingleTenant", "secret")]
    [InlineData("MultiTenant", "secret")]
    [InlineData("UserAssignedMSI", null)]
    public void Each_app_type_gets_an_MSAL_token_provider_and_the_anonymous_one_without_an_app_id(string type, string? password)
    {
        using var services = TestServices.Build(new()
        {
            ["MicrosoftAppId"] = "8f5a3c1e-1111-4b2c-9d3e-123456789abc",
            ["MicrosoftAppType"] = type,
            ["MicrosoftAppPassword"] = password,
            ["MicrosoftAppTenantId"] = "5e7d1c2b-2222-4a3b-8c4d-abcdefabcdef",
        });
        var provider = services.GetRequiredService<IBotTokenProvider>();
        Assert.IsType<MsalBotTokenProvider>(provider);
        // One cached MSAL client for the process, not one per call.
        Assert.Same(provider, services.GetRequiredService<IBotTokenProvider>());

        using var anonymous = TestServices.Build([]);
        Assert.IsType<AnonymousBotTokenProvider>(anonymous.GetRequiredService<IBotTokenProvider>());
    }
}
