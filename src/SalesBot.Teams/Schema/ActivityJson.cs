using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace SalesBot.Teams.Schema;

/// <summary>
/// The one serializer configuration for the wire: camelCase, nulls omitted, lenient casing on read.
/// The protocol's own types are described at compile time (<see cref="ActivityJsonContext"/>):
/// every turn reads an activity and writes its replies, and with metadata built by reflection
/// each was a walk through the serializer's generic converters (perf: 3 % of an "ayuda" turn to
/// write its reply). Any other type (a command's card data, an invoke's value) is still described
/// by reflection, with the same options.
/// </summary>
public static class ActivityJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        PropertyNameCaseInsensitive = true,
        TypeInfoResolver = JsonTypeInfoResolver.Combine(ActivityJsonContext.Default, new DefaultJsonTypeInfoResolver()),
    };
}

/// <summary>The wire types, described at compile time with <see cref="ActivityJson.Options"/>' settings.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, PropertyNameCaseInsensitive = true)]
[JsonSerializable(typeof(Activity))]
[JsonSerializable(typeof(ResourceResponse))]
[JsonSerializable(typeof(ConversationParameters))]
[JsonSerializable(typeof(ConversationResourceResponse))]
[JsonSerializable(typeof(TeamsChannelAccount))]
[JsonSerializable(typeof(TeamsChannelData))]
[JsonSerializable(typeof(InvokeResponse))]
[JsonSerializable(typeof(AdaptiveCardInvokeValue))]
[JsonSerializable(typeof(SearchInvokeValue))]
internal sealed partial class ActivityJsonContext : JsonSerializerContext;
