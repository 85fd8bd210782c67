using SalesBot.Cli;

namespace SalesBot.Tests.Cli;

/// <summary>`salesbot areas set`: who answers for an area in renegotiations.</summary>
public sealed class AreasCliTests : IDisposable
{
    private readonly CliHarness _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task An_administrator_sets_who_answers_for_an_area_and_bad_input_exits_2()
    {
        await _cli.Run("seed-demo", "--playground-dir", Path.Combine(_cli.Directory, "pg"));

        var set = await _cli.Run("areas", "set", "--area", "jurídica", "--email", "MeganB@contoso.example");
        var badArea = await _cli.Run("areas", "set", "--area", "ventas", "--email", "meganb@contoso.example");
        var nobody = await _cli.Run("areas", "set", "--area", "legal", "--email", "nadie@contoso.example");
        var missing = await _cli.Run("areas", "set", "--area", "legal");

        Assert.Equal((CliRunner.Success, true), (set.Code, set.Out.Contains("Megan Bowen <meganb@contoso.example> now answers for legal")));
        Assert.Equal((CliRunner.BadArguments, true), (badArea.Code, badArea.Err.Contains("must be one of: legal, hr, operations, finance")));
        Assert.Equal((CliRunner.BadArguments, true), (nobody.Code, nobody.Err.Contains("nadie@contoso.example")));
        Assert.Equal((CliRunner.BadArguments, true), (missing.Code, missing.Err.Contains("--email is required")));
    }
}
