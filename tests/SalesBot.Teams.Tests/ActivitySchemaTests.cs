using System.Text.Json;
using System.Text.Json.Nodes;
using SalesBot.Teams.Schema;
using SalesBot.Testing;

namespace SalesBot.Teams.Tests;

public class ActivitySchemaTests
{
    public static TheoryData<string> RecordedActivities() =>
        new(Directory.GetFiles(RepoPaths.Activities, "*.json").Select(Path.GetFileName).OfType<string>());

    [Theory]
    [MemberData(nameof(RecordedActivities))]
    public void Recorded_activities_survive_a_round_trip_unchanged(string file)
    {
        var original = JsonNode.Parse(File.ReadAllText(Path.Combine(RepoPaths.Activities, file)))!;

        var activity = JsonSerializer.Deserialize<Activity>(original.ToJsonString(), ActivityJson.Options)!;
        var written = JsonSerializer.SerializeToNode(activity, ActivityJson.Options)!;

        Assert.True(JsonNode.DeepEquals(Normalize(original), Normalize(written)),
            $"{file} changed:\n{original}\n---\n{written}");
    }

    [Theory]
    [MemberData(nameof(RecordedActivities))]
    public void The_compile_time_serializer_writes_exactly_what_the_reflection_one_writes(string file)
    {
        var reflection = new JsonSerializerOptions(ActivityJson.Options) { TypeInfoResolver = new System.Text.Json.Serialization.Metadata.DefaultJsonTypeInfoResolver() };
        var text = File.ReadAllText(Path.Combine(RepoPaths.Activities, file));
        var activity = JsonSerializer.Deserialize<Activity>(text, ActivityJson.Options)!;
        // A reply as the bot writes one, on top of what Teams sent: a card, a mention, suggested actions.
        var reply = activity.CreateReply("hola");
        reply.Attachments = [Attachment.AdaptiveCard(new JsonObject { ["type"] = "AdaptiveCard", ["body"] = new JsonArray(new JsonObject { ["type"] = "TextBlock", ["text"] = "ñandú <b>" }) })];
        reply.SuggestedActions = new SuggestedActions { Actions = [new CardAction { Type = "imBack", Title = "Sí", Value = "sí" }] };

        // Described at compile time, not by reflection behind the options' back.
        Assert.IsAssignableFrom<System.Text.Json.Serialization.JsonSerializerContext>(ActivityJson.Options.GetTypeInfo(typeof(Activity)).OriginatingResolver);
        foreach (var written in new[] { activity, reply })
            Assert.Equal(JsonSerializer.Serialize(written, reflection), JsonSerializer.Serialize(written, ActivityJson.Options));
        // And read what the reflection one reads (compared as written: JSON nodes do not compare by value).
        Assert.Equal(JsonSerializer.Serialize(JsonSerializer.Deserialize<Activity>(text, reflection), reflection), JsonSerializer.Serialize(activity, reflection));
    }

    // Timestamps are the one thing the model re-formats (same instant, canonical ISO text).
    private static JsonNode Normalize(JsonNode node)
    {
        var copy = node.DeepClone().AsObject();
        foreach (var key in new[] { "timestamp", "localTimestamp" })
        {
            if (copy[key] is JsonValue v && DateTimeOffset.TryParse(v.GetValue<string>(), out var at))
                copy[key] = at.ToUniversalTime().ToString("O");
        }
        return copy;
    }

    [Fact]
    public void A_channel_message_is_stripped_of_the_bots_own_mention_by_entity()
    {
        var activity = Load("message-mention-channel.json");
        Assert.Equal("<at>Test Bot</at> hi", activity.Text);
        Assert.Equal("hi", activity.TextWithoutBotMention());
    }

    [Fact]
    public void Mentions_of_other_people_are_kept()
    {
        var activity = Load("message-mention-channel.json");
        activity.Text = "<at>Megan</at> y <at>Test Bot</at> ayuda";
        activity.Entities!.Add(JsonSerializer.Deserialize<Entity>(
            """{"type":"mention","text":"<at>Megan</at>","mentioned":{"id":"29:megan","name":"Megan"}}""", ActivityJson.Options)!);

        Assert.Equal("<at>Megan</at> y  ayuda", activity.TextWithoutBotMention());
    }

    [Fact]
    public void A_card_submit_carries_the_card_data_as_value()
    {
        var activity = Load("message-card-submit-personal.json");
        Assert.True(activity.IsType(ActivityTypes.Message));
        Assert.Equal("Looks good", activity.Value!["comment"]!.GetValue<string>());
        Assert.Equal("1795418774574", activity.ReplyToId);
    }

    [Fact]
    public void An_adaptive_card_invoke_exposes_its_verb_and_data()
    {
        var activity = Load("invoke-adaptiveCard-action-personal.json");
        var value = activity.Value.Deserialize<AdaptiveCardInvokeValue>(ActivityJson.Options)!;
        Assert.Equal(InvokeNames.AdaptiveCardAction, activity.Name);
        Assert.Equal("approve", value.Action!.Verb);
        Assert.Equal("Ship it", value.Action.Data!["comment"]!.GetValue<string>());
    }

    [Fact]
    public void A_channel_conversation_update_exposes_team_and_tenant()
    {
        var activity = Load("conversationUpdate-membersAdded-channel.json");
        var channelData = activity.GetTeamsChannelData()!;
        Assert.Equal("team-id", channelData.Team!.Id);
        Assert.Equal("teamMemberAdded", channelData.EventType);
        Assert.Equal("00000000-0000-0000-0000-0000000000001", activity.TenantId);
        Assert.Equal("user-id-0", Assert.Single(activity.MembersAdded!).Id);
    }

    [Fact]
    public void An_installation_update_says_add()
    {
        var activity = Load("installationUpdate-add-personal.json");
        Assert.True(activity.IsType(ActivityTypes.InstallationUpdate));
        Assert.Equal("add", activity.Action);
        Assert.Equal("en-US", activity.ClientLocale());
    }

    [Fact]
    public void A_reply_goes_back_to_the_sender_from_the_bot()
    {
        var inbound = Load("message-personal.json");
        var reply = inbound.CreateReply("hola");
        Assert.Equal(inbound.Recipient!.Id, reply.From!.Id);
        Assert.Equal(inbound.From!.Id, reply.Recipient!.Id);
        Assert.Equal(inbound.Conversation!.Id, reply.Conversation!.Id);
        Assert.Equal(inbound.Id, reply.ReplyToId);
    }

    [Fact]
    public void Activity_type_is_compared_ordinally()
    {
        var activity = new Activity { Type = "Message" };
        Assert.False(activity.IsType(ActivityTypes.Message));
    }

    private static Activity Load(string file) =>
        JsonSerializer.Deserialize<Activity>(File.ReadAllText(Path.Combine(RepoPaths.Activities, file)), ActivityJson.Options)!;
}
