using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SalesBot.Teams.Hosting;

namespace SalesBot.Teams.Tests.Support;

/// <summary>The protocol layer wired exactly as the app wires it, from a given configuration.</summary>
public static class TestServices
{
    public static ServiceProvider Build(Dictionary<string, string?> settings, Action<IServiceCollection>? configure = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Warning));
        services.AddTeamsProtocol(configuration);
        configure?.Invoke(services);
        return services.BuildServiceProvider(validateScopes: true);
    }
}
