using SalesBot.Cli;

namespace SalesBot.Tests.Cli;

/// <summary>The command line, run in-process against a SQLite file, as `salesbot &lt;command&gt;` would.</summary>
public sealed class CliTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("salesbot-cli-").FullName;
    private string DbArg => $"--Database:Path={Path.Combine(_directory, "cli.db")}";

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_directory, recursive: true); } catch (IOException) { }
    }

    private async Task<(int Code, string Out, string Err)> Run(params string[] args)
    {
        var parsed = CliParser.Parse(args);
        if (parsed.Command is null) return (CliRunner.BadArguments, "", parsed.Error!);
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = await new CliRunner(stdout, stderr).RunAsync(parsed.Command);
        return (code, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public void No_arguments_means_serve()
    {
        Assert.IsType<ServeCommand>(CliParser.Parse([]).Command);
        Assert.Equal(["--urls", "http://x"], Assert.IsType<ServeCommand>(CliParser.Parse(["serve", "--urls", "http://x"]).Command).HostArgs);
    }

    [Fact]
    public async Task Help_lists_every_command()
    {
        var (code, output, _) = await Run("--help");
        Assert.Equal(0, code);
        foreach (var command in new[] { "serve", "migrate", "seed-demo", "users add", "users list", "teams add" })
            Assert.Contains(command, output);
    }

    [Theory]
    [InlineData("frobnicate")]
    [InlineData("users")]
    [InlineData("users", "delete")]
    [InlineData("teams", "add")]
    [InlineData("teams", "add", "--name")]
    [InlineData("users", "add", "--name", "Ana", "--email", "ana@contoso.example", "--role", "executive")]
    [InlineData("users", "add", "--aad-object-id", "a1", "--name", "Ana", "--email", "not-an-email", "--role", "executive")]
    [InlineData("users", "add", "--aad-object-id", "a1", "--name", "Ana", "--email", "ana@contoso.example")]
    [InlineData("users", "add", "--aad-object-id", "a1", "--name", "Ana", "--email", "ana@contoso.example", "--role", "king")]
    [InlineData("users", "add", "--aad-object-id", "a1", "--aad-object-id", "a2", "--name", "Ana", "--email", "ana@contoso.example", "--role", "admin")]
    [InlineData("migrate", "--verbose", "yes")]
    [InlineData("migrate", "stray")]
    [InlineData("teams", "add", "--name", "Norte", "--channel-id", "bad id")]
    public async Task Bad_arguments_exit_2_with_a_message(params string[] args)
    {
        var (code, _, error) = await Run(args);
        Assert.Equal(CliRunner.BadArguments, code);
        Assert.False(string.IsNullOrWhiteSpace(error));
    }

    [Fact]
    public async Task Users_and_teams_are_added_listed_and_audited()
    {
        Assert.Equal(0, (await Run("migrate", DbArg)).Code);
        var team = await Run("teams", "add", "--name", "Ventas Cali", "--channel-id", "19:cali@thread.tacv2", DbArg);
        Assert.Equal(0, team.Code);
        Assert.Contains("posting to channel 19:cali@thread.tacv2", team.Out);
        Assert.Equal(0, (await Run("users", "add", "--aad-object-id", "lead-1", "--name", "Laura Lead",
            "--email", "laura@contoso.example", "--role", "team-lead", "--team", "Ventas Cali", DbArg)).Code);
        var (code, output, _) = await Run("users", "add", "--aad-object-id", "exec-1", "--name", "Emilio Exec",
            "--email", "emilio@contoso.example", "--role", "executive", "--role", "customer-service",
            "--team", "Ventas Cali", "--manager-aad-object-id", "lead-1", DbArg);
        Assert.Equal(0, code);
        Assert.Contains("Emilio Exec", output);

        var list = await Run("users", "list", DbArg);
        Assert.Equal(0, list.Code);
        Assert.Contains("exec-1\tEmilio Exec\temilio@contoso.example\texecutive,customer-service\tVentas Cali\tLaura Lead", list.Out);
        Assert.Contains("2 people.", list.Out);
    }

    [Fact]
    public async Task A_duplicate_person_an_unknown_team_or_manager_is_refused_with_exit_2()
    {
        await Run("migrate", DbArg);
        await Run("users", "add", "--aad-object-id", "p1", "--name", "Ana", "--email", "ana@contoso.example", "--role", "executive", DbArg);

        var duplicate = await Run("users", "add", "--aad-object-id", "p1", "--name", "Ana", "--email", "ana@contoso.example", "--role", "executive", DbArg);
        var noTeam = await Run("users", "add", "--aad-object-id", "p2", "--name", "Bea", "--email", "bea@contoso.example", "--role", "executive", "--team", "Nope", DbArg);
        var noManager = await Run("users", "add", "--aad-object-id", "p3", "--name", "Cai", "--email", "cai@contoso.example", "--role", "executive", "--manager-aad-object-id", "ghost", DbArg);
        var duplicateTeam = await Run("teams", "add", "--name", "Norte", DbArg) is var first && first.Code == 0
            ? await Run("teams", "add", "--name", "Norte", DbArg) : first;

        Assert.Equal((2, "already exists"), (duplicate.Code, Contains(duplicate.Err, "already exists")));
        Assert.Equal((2, "Nope"), (noTeam.Code, Contains(noTeam.Err, "Nope")));
        Assert.Equal((2, "ghost"), (noManager.Code, Contains(noManager.Err, "ghost")));
        Assert.Equal(2, duplicateTeam.Code);
        Assert.Contains("1 people.", (await Run("users", "list", DbArg)).Out);
    }

    private static string? Contains(string text, string part) => text.Contains(part) ? part : text;

    [Fact]
    public async Task Holidays_prints_one_tab_separated_line_per_holiday()
    {
        var (code, output, _) = await Run("holidays", "--country", "CO", "--year", "2026");
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(0, code);
        Assert.Equal(19, lines.Length);
        Assert.Equal("2026-01-12\tDía de los Reyes Magos", lines[1]);
        Assert.Contains("2026-07-13\tDía de Nuestra Señora del Rosario de Chiquinquirá", lines);
        Assert.Equal("2026-12-25\tDía de Navidad", lines[^1]);
    }

    [Fact]
    public async Task A_team_gets_its_own_calendar_on_add_or_set_and_a_wrong_one_is_refused()
    {
        Assert.Equal(0, (await Run("migrate", DbArg)).Code);
        var added = await Run("teams", "add", "--name", "Ventas Cochabamba", "--country", "bo", "--subdivision", "C", "--time-zone", "America/La_Paz", DbArg);
        var set = await Run("teams", "set", "--name", "Ventas Cochabamba", "--country", "MX", "--time-zone", "America/Mexico_City", DbArg);
        var wrong = await Run("teams", "set", "--name", "Ventas Cochabamba", "--country", "ZZ", DbArg);
        var nothing = await Run("teams", "set", "--name", "Ventas Cochabamba", DbArg);

        Assert.Equal((0, "Added team 'Ventas Cochabamba' (calendar BO BO-C, America/La_Paz)."), (added.Code, added.Out.Trim()));
        Assert.Equal(0, set.Code);
        Assert.Contains("MX", set.Out);
        Assert.Equal(2, wrong.Code);
        Assert.Contains("There is no holiday calendar for country 'ZZ'", wrong.Err);
        Assert.Equal(2, nothing.Code);
    }

    [Fact]
    public async Task Pqr_due_prints_the_due_date_on_its_last_line()
    {
        var (code, output, _) = await Run("pqr", "due", "--type", "reclamo", "--filed-at", "2026-03-27T16:30");
        Assert.Equal(0, code);
        Assert.Equal("2026-04-21", output.TrimEnd().Split('\n')[^1]);
    }

    [Theory]
    [InlineData("holidays", "--country", "AR", "--year", "2026")]
    [InlineData("holidays", "--year", "twenty")]
    [InlineData("holidays")]
    [InlineData("pqr", "due", "--type", "felicitacion", "--filed-at", "2026-03-27T16:30")]
    [InlineData("pqr", "due", "--type", "reclamo", "--filed-at", "27-03-2026")]
    [InlineData("pqr", "due", "--type", "reclamo")]
    [InlineData("pqr", "due", "--type", "reclamo", "--filed-at", "2026-03-27T16:30", "--country", "PE")]
    [InlineData("pqr")]
    public async Task Calendar_commands_refuse_bad_input_with_exit_2(params string[] args)
    {
        var (code, _, error) = await Run(args);
        Assert.Equal(CliRunner.BadArguments, code);
        Assert.False(string.IsNullOrWhiteSpace(error));
    }

    [Fact]
    public async Task Commands_on_a_database_that_was_never_migrated_say_how_to_fix_it()
    {
        var (code, _, error) = await Run("users", "list", DbArg);
        Assert.Equal(CliRunner.Failure, code);
        Assert.Contains("salesbot migrate", error);
    }

    [Fact]
    public async Task Seed_demo_creates_every_role_and_one_Playground_config_per_person_and_is_repeatable()
    {
        var playground = Path.Combine(_directory, "pg");
        var first = await Run("seed-demo", "--playground-dir", playground, DbArg);
        var second = await Run("seed-demo", "--playground-dir", playground, DbArg);

        Assert.Equal(0, first.Code);
        Assert.Contains("6 people created", first.Out);
        Assert.Contains("0 people created, 0 updated", second.Out);
        var list = (await Run("users", "list", DbArg)).Out;
        foreach (var role in RoleNames.All) Assert.Contains("\t" + role + "\t", list);
        Assert.Contains("00000000-0000-0000-0000-0000000000020\tAlex Wilber", list);

        foreach (var person in DemoOrganization.People)
        {
            var yml = await File.ReadAllTextAsync(Path.Combine(playground, person.Slug + ".yml"));
            var currentUser = yml[yml.IndexOf("currentUser:", StringComparison.Ordinal)..yml.IndexOf("users:", StringComparison.Ordinal)];
            var users = yml[yml.IndexOf("users:", StringComparison.Ordinal)..yml.IndexOf("personalChat:", StringComparison.Ordinal)];
            Assert.Contains($"aadObjectId: \"{person.AadObjectId}\"", currentUser);
            // The Playground wants exactly five other users, none of them the current user.
            Assert.Equal(5, users.Split("\n  -").Length - 1);
            Assert.DoesNotContain(person.AadObjectId, users);
        }
        Assert.Equal(await File.ReadAllTextAsync(Path.Combine(playground, "alex-wilber.yml")),
            await File.ReadAllTextAsync(Path.Combine(playground, "default.yml")));
    }
}
