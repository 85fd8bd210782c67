using System.Text.Json.Nodes;
using SalesBot.Teams.Hosting;
using SalesBot.Teams.Schema;

namespace SalesBot.Teams.Tests;

public class ActivityHandlerTests
{
    private sealed class SearchingBot : ActivityHandler
    {
        public SearchInvokeValue? Seen { get; private set; }

        protected override Task<InvokeResponse?> OnSearchAsync(SearchInvokeValue search, ITurnContext turn, CancellationToken ct)
        {
            Seen = search;
            return Task.FromResult<InvokeResponse?>(InvokeResponse.SearchResults([("Ferretería El Sol (Bogotá)", "c-1")]));
        }
    }

    private sealed class PlainBot : ActivityHandler;

    private static ITurnContext Invoke(string name, JsonNode? value) =>
        new TurnContext(new Activity { Type = ActivityTypes.Invoke, Name = name, Value = value }, null);

    [Fact]
    public async Task A_type_ahead_search_reaches_the_bot_with_its_query_and_answers_with_results()
    {
        var bot = new SearchingBot();
        var response = await bot.OnTurnAsync(Invoke(InvokeNames.Search, JsonNode.Parse(
            """{"kind":"search","queryText":"ferre","dataset":"clients","queryOptions":{"skip":0,"top":15}}""")), default);

        Assert.Equal("ferre", bot.Seen!.QueryText);
        Assert.Equal(15, bot.Seen.QueryOptions!.Top);
        Assert.Equal(200, response!.Status);
        Assert.Equal(ContentTypes.SearchResponse, response.Body!["type"]!.GetValue<string>());
        Assert.Equal("c-1", response.Body["value"]!["results"]![0]!["value"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_search_without_a_dataset_is_a_handled_bad_request()
    {
        var response = await new SearchingBot().OnTurnAsync(Invoke(InvokeNames.Search, JsonNode.Parse("""{"queryText":"x"}""")), default);
        Assert.Equal(400, response!.Body!["statusCode"]!.GetValue<int>());
    }

    [Fact]
    public async Task Invokes_a_bot_does_not_handle_are_left_unanswered_for_a_501()
    {
        Assert.Null(await new PlainBot().OnTurnAsync(Invoke(InvokeNames.Search, JsonNode.Parse("""{"dataset":"clients"}""")), default));
        Assert.Null(await new PlainBot().OnTurnAsync(Invoke("composeExtension/query", null), default));
    }

    [Fact]
    public async Task Non_invoke_activities_never_produce_an_invoke_response()
    {
        var message = new TurnContext(new Activity { Type = ActivityTypes.Message, Text = "hola" }, null);
        Assert.Null(await new SearchingBot().OnTurnAsync(message, default));
    }
}
