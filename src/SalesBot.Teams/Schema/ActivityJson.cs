using System.Text.Json;
using System.Text.Json.Serialization;

namespace SalesBot.Teams.Schema;

/// <summary>The one serializer configuration for the wire: camelCase, nulls omitted, lenient casing on read.</summary>
public static class ActivityJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        PropertyNameCaseInsensitive = true,
    };
}
