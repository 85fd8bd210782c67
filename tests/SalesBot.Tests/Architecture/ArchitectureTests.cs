using NetArchTest.Rules;

namespace SalesBot.Tests.Architecture;

/// <summary>The layering ARCHITECTURE.md describes, checked on the compiled app.</summary>
public class ArchitectureTests
{
    private static readonly System.Reflection.Assembly App = typeof(Person).Assembly;

    private static readonly string[] Features =
        App.GetTypes().Select(t => t.Namespace ?? "").Where(n => n.StartsWith("SalesBot.Features.", StringComparison.Ordinal))
            .Select(n => n.Split('.')[2]).Distinct().ToArray();

    [Fact]
    public void Entities_and_use_cases_know_nothing_of_the_bot_or_the_Teams_protocol()
    {
        var result = Types.InAssembly(App)
            .That().ResideInNamespaceStartingWith("SalesBot.Features")
            .And().DoNotResideInNamespaceEndingWith(".Conversation")
            .And().DoNotResideInNamespaceEndingWith(".Api")
            .And().DoNotHaveNameEndingWith("ServiceCollectionExtensions")
            .ShouldNot().HaveDependencyOnAny("SalesBot.Bot", "SalesBot.Teams", "SalesBot.Cli")
            .GetResult();
        Assert.True(result.IsSuccessful, "Offending types: " + string.Join(", ", result.FailingTypeNames ?? []));
    }

    [Fact]
    public void Conversation_code_reads_and_writes_through_use_cases_never_the_database()
    {
        // Commands, cards and notices get what they show from use cases and read services; the
        // one commit per turn stays with the turn, and a feature's rules stay in one place.
        var result = Types.InAssembly(App)
            .That().ResideInNamespaceEndingWith(".Conversation")
            .ShouldNot().HaveDependencyOnAny("SalesBot.Infrastructure.Data.SalesBotDbContext", "Microsoft.EntityFrameworkCore")
            .GetResult();
        Assert.True(result.IsSuccessful, "Offending types: " + string.Join(", ", result.FailingTypeNames ?? []));
    }

    [Fact]
    public void Entities_carry_no_persistence_types()
    {
        var entities = App.GetTypes().Where(t => typeof(Features.Shared.IAudited).IsAssignableFrom(t) && t.IsClass).ToList();
        Assert.NotEmpty(entities);
        var result = Types.InAssembly(App).That().HaveName(entities.Select(e => e.Name).ToArray()).Or().HaveName("IAudited")
            .ShouldNot().HaveDependencyOnAny("Microsoft.EntityFrameworkCore", "SalesBot.Infrastructure")
            .GetResult();
        Assert.True(result.IsSuccessful, "Offending types: " + string.Join(", ", result.FailingTypeNames ?? []));
    }

    [Fact]
    public void Features_stay_out_of_each_others_internals()
    {
        // Shared, Organization (people, roles), Clients (the customer record) and Language (what a
        // sentence asks, which each feature answers with its own commands) are what the other
        // features build on; beyond those, a feature reaches no other, except where the domain
        // says so: an offer belongs to an opportunity, and a visit works on one.
        var foundations = new[] { "Shared", "Organization", "Clients", "Language" };
        // A visit works on a deal (it links to the opportunity it names).
        var builtOn = new Dictionary<string, string[]>
        {
            ["Offers"] = ["Pipeline"],
            ["Renegotiations"] = ["Pipeline", "Offers"],
            ["Visits"] = ["Pipeline"],
            // The indicators count what the other features record.
            ["Indicators"] = ["Pipeline", "Visits", "Pqrs"],
            // The monthly report tells the indicators and what each feature recorded in the month.
            ["Reports"] = ["Indicators", "Pipeline", "Visits", "Pqrs", "Offers"],
            // The weekly digest tells a team's week in each feature, against its goals.
            ["Digests"] = ["Indicators", "Pipeline", "Visits", "Pqrs", "Offers"],
        };
        foreach (var feature in Features.Except(foundations))
        {
            var allowed = builtOn.GetValueOrDefault(feature) ?? [];
            var others = Features.Where(f => f != feature && !foundations.Contains(f) && !allowed.Contains(f)).Select(f => $"SalesBot.Features.{f}").ToArray();
            if (others.Length == 0) continue;
            var result = Types.InAssembly(App).That().ResideInNamespaceStartingWith($"SalesBot.Features.{feature}")
                .ShouldNot().HaveDependencyOnAny(others).GetResult();
            Assert.True(result.IsSuccessful, $"{feature} reaches into another feature: " + string.Join(", ", result.FailingTypeNames ?? []));
        }
    }

    [Fact]
    public void Language_reads_sentences_without_knowing_any_feature()
    {
        // Every feature answers its intents through Language; Language answering through a feature would be a cycle.
        // It knows who speaks (Organization: their team's country and time zone), nothing more.
        var others = Features.Where(f => f is not ("Language" or "Shared" or "Organization")).Select(f => $"SalesBot.Features.{f}").ToArray();
        var result = Types.InAssembly(App).That().ResideInNamespaceStartingWith("SalesBot.Features.Language").ShouldNot().HaveDependencyOnAny(others).GetResult();
        Assert.True(result.IsSuccessful, "Language reaches into a feature: " + string.Join(", ", result.FailingTypeNames ?? []));
    }

    [Fact]
    public void The_protocol_layer_knows_nothing_of_sales()
    {
        var result = Types.InAssembly(typeof(Teams.Schema.Activity).Assembly)
            .ShouldNot().HaveDependencyOnAny("SalesBot.Features", "SalesBot.Bot", "SalesBot.Infrastructure", "Microsoft.EntityFrameworkCore")
            .GetResult();
        Assert.True(result.IsSuccessful);
    }
}
