using System.Diagnostics;

namespace SalesBot.Tests.Cli;

/// <summary>
/// The published executable run as an operator runs it, in each environment: the Development host
/// validates every registration at start, so a command must not need what only the bot has (the
/// connector behind the outbox dispatcher).
/// </summary>
public sealed class CliEnvironmentTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("salesbot-cli-env-").FullName;

    public void Dispose()
    {
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { }
    }

    [Theory]
    [InlineData("Development")]
    [InlineData("Production")]
    public async Task Every_command_works_in_every_environment(string environment)
    {
        var db = "--Database:Path=" + Path.Combine(_dir, environment + ".db");
        string[][] commands =
        [
            ["migrate", db], ["teams", "add", "--name", "Ventas Cali", db], ["users", "list", db], ["holidays", "--year", "2026"],
            ["pqr", "due", "--type", "reclamo", "--filed-at", "2026-06-30T10:00"],
            ["teams", "set", "--name", "Ventas Cali", "--country", "BO", "--subdivision", "BO-C", db],
        ];
        foreach (var args in commands)
        {
            var (code, output) = await RunAsync(environment, args);
            Assert.True(code == 0, $"salesbot {string.Join(' ', args)} in {environment} exited {code}: {output}");
            Assert.DoesNotContain("Unable to resolve service", output);
        }
        Assert.Contains("2026-07-23", (await RunAsync(environment, ["pqr", "due", "--type", "reclamo", "--filed-at", "2026-06-30T10:00"])).Output);
    }

    [Fact]
    public async Task Outside_Development_the_bot_refuses_to_start_without_an_app_id_and_says_why()
    {
        var (code, output) = await RunAsync("Production", ["serve", "--urls", "http://127.0.0.1:0", "--Database:Path=" + Path.Combine(_dir, "serve.db")]);
        Assert.Equal(1, code);
        Assert.Contains("MicrosoftAppId is not set", output);
        Assert.Contains("Authentication:AllowUnauthenticatedLoopback=true", output);
    }

    private async Task<(int Code, string Output)> RunAsync(string environment, string[] args)
    {
        using var process = Process.Start(PublishedBot.StartInfo(_dir, environment, args))!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));
        return (process.ExitCode, await stdout + await stderr);
    }
}
