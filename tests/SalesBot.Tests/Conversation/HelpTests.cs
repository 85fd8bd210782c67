using SalesBot.Bot;
using SalesBot.Bot.Localization;

namespace SalesBot.Tests.Conversation;

/// <summary>
/// Help that fits a screen: grouped by area, only what the reader's roles can use, one example
/// each, the rest behind "ver todo"; and a welcome that offers each role its first three steps.
/// </summary>
public abstract class HelpTests : DemoBotTest
{
    private static List<string> AreaTitles(JsonObject card) =>
        card["body"]!.AsArray().OfType<JsonObject>().Where(e => e["items"] is JsonArray).Select(e => e["items"]![0]!["text"]!.GetValue<string>()).ToList();

    private static List<JsonObject> CommandsOf(JsonObject card) =>
        card["body"]!.AsArray().OfType<JsonObject>().Where(e => e["items"] is JsonArray)
            .SelectMany(area => area["items"]!.AsArray().Skip(1).OfType<JsonObject>()).ToList();

    [Fact]
    public async Task An_executive_sees_a_short_help_by_area_without_approvals_each_with_an_example()
    {
        var help = (await AskAsync(Alex.Message("ayuda"))).Card()!;

        Assert.Equal(["Clientes y visitas", "Pipeline y ofertas", "PQR", "Indicadores", "El asistente"], AreaTitles(help));
        var commands = CommandsOf(help);
        Assert.All(help["body"]!.AsArray().OfType<JsonObject>().Where(e => e["items"] is JsonArray),
            area => Assert.InRange(area["items"]!.AsArray().Count - 1, 1, 3));
        Assert.All(commands, c => Assert.StartsWith("Ejemplo: ", c["items"]![2]!["text"]!.GetValue<string>()));
        Assert.Contains(commands, c => c["items"]![0]!["text"]!.GetValue<string>() == "mis visitas [periodo]");
        Assert.DoesNotContain("mis aprobaciones", help.AllText());
        var seeAll = help["actions"]!.AsArray().First()!;
        Assert.Equal(("Ver todo", "help", "true"), (seeAll["title"]!.GetValue<string>(), seeAll["data"]!["command"]!.GetValue<string>(),
            seeAll["data"]!["all"]!.GetValue<string>()));

        var all = (await AskAsync(Alex.Submit(new JsonObject { ["command"] = "help", ["all"] = "true" }))).Card()!;
        Assert.True(CommandsOf(all).Count > commands.Count);
        Assert.Contains("historial <oportunidad>", all.AllText());
        Assert.DoesNotContain("Ver todo", all.AllText());
        Assert.Equal(CommandsOf(all).Count, CommandsOf((await AskAsync(Alex.Message("ayuda todo"))).Card()!).Count);
    }

    [Fact]
    public async Task Each_role_sees_its_own_areas()
    {
        var lead = (await AskAsync(Megan.Message("help", locale: "en-US"))).Card()!;
        var service = (await AskAsync(Lynne.Message("ayuda"))).Card()!;

        Assert.Contains("Approvals", AreaTitles(lead));
        Assert.Contains("my approvals", lead.AllText());
        Assert.DoesNotContain("Aprobaciones", AreaTitles(service));
        Assert.Contains("nueva pqr", service.AllText());
        Assert.DoesNotContain("mi pipeline", service.AllText()); // customer service keeps no pipeline
    }

    [Fact]
    public async Task The_help_built_once_for_a_role_and_language_is_never_another_roles_or_languages()
    {
        // One bot, one after another: the help is built once per roles, language and length, and kept.
        var lead = (await AskAsync(Megan.Message("ayuda"))).Card()!;
        var service = (await AskAsync(Lynne.Message("ayuda"))).Card()!;
        var executive = (await AskAsync(Alex.Message("ayuda"))).Card()!;
        var executiveAll = (await AskAsync(Alex.Message("ayuda todo"))).Card()!;
        var leadInEnglish = (await AskAsync(Megan.Message("help", locale: "en-US"))).Card()!;

        Assert.Contains("Aprobaciones", AreaTitles(lead));
        Assert.DoesNotContain("Aprobaciones", AreaTitles(service));
        Assert.DoesNotContain("mi pipeline", service.AllText());
        Assert.DoesNotContain("Aprobaciones", AreaTitles(executive));
        Assert.Contains("Ver todo", executive.AllText());
        Assert.DoesNotContain("Ver todo", executiveAll.AllText());
        Assert.Contains("Approvals", AreaTitles(leadInEnglish));
        // Asked again, each is what it was.
        Assert.True(JsonNode.DeepEquals(executive, (await AskAsync(Alex.Message("ayuda"))).Card()));
        Assert.True(JsonNode.DeepEquals(lead, (await AskAsync(Megan.Message("ayuda"))).Card()));
    }

    [Fact]
    public async Task Someone_not_registered_sees_only_the_assistant_and_how_to_get_in()
    {
        var stranger = new Activities(Connector.ServiceUrl) { UserId = "user-id-99", UserName = "Nadie", AadObjectId = "00000000-0000-0000-0000-000000000099" };

        var help = (await AskAsync(stranger.Message("ayuda"))).Card()!;

        Assert.Equal(["El asistente"], AreaTitles(help));
        Assert.Contains("Aún no estás registrado", help.AllText());
    }

    [Fact]
    public async Task The_welcome_says_what_exists_and_offers_three_first_steps_for_the_role()
    {
        var alex = (await AskAsync(Alex.Message("hola"))).Card()!;
        var megan = (await AskAsync(Megan.Message("hi", locale: "en-US"))).Card()!;

        static List<(string, string)> Steps(JsonObject card) => card["actions"]!.AsArray().OfType<JsonObject>()
            .Where(a => a["data"]?["msteams"] is not null)
            .Select(a => (a["title"]!.GetValue<string>(), a["data"]!["msteams"]!["value"]!.GetValue<string>())).ToList();
        Assert.Equal([("mis visitas hoy", "mis visitas hoy"), ("registrar visita Ferretería El Sol", "registrar visita Ferretería El Sol"),
            ("nueva oportunidad Ferretería El Sol", "nueva oportunidad Ferretería El Sol")], Steps(alex));
        Assert.Equal(["team visits this week", "team pipeline", "my approvals"], Steps(megan).Select(s => s.Item1));
        Assert.Contains("agenda y registra tus visitas", alex.AllText());
        Assert.DoesNotContain("cada versión suma", alex.AllText());
    }

    [Fact]
    public void Every_command_in_the_help_has_an_area_and_an_example_in_both_languages()
    {
        var router = Bot.Services.GetRequiredService<CommandRouter>();
        var localizer = Bot.Services.GetRequiredService<Localizer>();
        var listed = router.All.Where(c => c.HelpKey is not null).ToList();

        Assert.True(listed.Count > 30);
        Assert.All(listed, c => Assert.NotNull(c.Help));
        foreach (var language in Localizer.Languages)
            Assert.All(listed, c => Assert.Contains(c.HelpKey + ".example", localizer.Keys(language)));
        // Every role has first steps to be offered.
        foreach (var role in new[] { Role.Executive, Role.TeamLead, Role.CommercialDirector, Role.GeneralDirector, Role.CustomerService, Role.Admin })
            Assert.InRange(Features.Assistant.Conversation.WelcomeCard.FirstStepsOf(router, role).Count, 2, 3);
    }
}

public sealed class SqliteHelpTests : HelpTests
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => Task.FromResult(TestDatabase.Sqlite());
}
