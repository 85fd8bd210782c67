using System.Text.Json;

namespace SalesBot.Infrastructure.Auditing;

/// <summary>Reads an audit entry's before or after snapshot: each field's value as text (null when it had none).</summary>
public static class AuditSnapshot
{
    public static Dictionary<string, string?> Read(string? json) => json is null
        ? []
        : JsonDocument.Parse(json).RootElement.EnumerateObject()
            .ToDictionary(p => p.Name, p => p.Value.ValueKind == JsonValueKind.Null ? null : p.Value.ToString());
}
