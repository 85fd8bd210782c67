using System.Text;
using SalesBot.Features.Organization;

namespace SalesBot.Cli;

/// <summary>
/// Writes one Microsoft 365 Agents Playground configuration per demo person, with that person as
/// the current user. The Playground takes exactly five users and shows only its current user's
/// chats, so each file lists its person plus four colleagues (see docs/playground.md).
/// </summary>
public static class PlaygroundConfigWriter
{
    public const int UsersPerConfig = 5;

    public static IReadOnlyList<(DemoPerson Person, string File)> WriteAll(string directory)
    {
        Directory.CreateDirectory(directory);
        var written = new List<(DemoPerson, string)>();
        foreach (var person in DemoOrganization.People)
        {
            var file = Path.Combine(directory, person.Slug + ".yml");
            File.WriteAllText(file, Render(person), new UTF8Encoding(false));
            written.Add((person, file));
        }
        return written;
    }

    public static string Render(DemoPerson current)
    {
        var users = new List<DemoPerson> { current };
        users.AddRange(DemoOrganization.People.Where(p => p != current).Take(UsersPerConfig - 1));
        var sb = new StringBuilder();
        sb.AppendLine($"# Agents Playground as {current.Name} ({RoleNames.Format(current.Roles)}). Written by `salesbot seed-demo`.");
        sb.AppendLine("version: \"0.1.1\"");
        sb.AppendLine("tenantId: " + Quote(DemoOrganization.TenantId));
        sb.AppendLine("currentUser:");
        AppendUser(sb, current, "  ");
        sb.AppendLine("users:");
        foreach (var u in users)
        {
            sb.AppendLine("  -");
            AppendUser(sb, u, "    ");
        }
        return sb.ToString();
    }

    private static void AppendUser(StringBuilder sb, DemoPerson p, string indent)
    {
        sb.AppendLine($"{indent}id: {Quote(p.ChannelUserId)}");
        sb.AppendLine($"{indent}name: {Quote(p.Name)}");
        sb.AppendLine($"{indent}userPrincipleName: {Quote(p.Email)}");
        sb.AppendLine($"{indent}aadObjectId: {Quote(p.AadObjectId)}");
        sb.AppendLine($"{indent}givenName: {Quote(p.GivenName)}");
        sb.AppendLine($"{indent}surname: {Quote(p.Surname)}");
        sb.AppendLine($"{indent}email: {Quote(p.Email)}");
    }

    private static string Quote(string value) => "\"" + value.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";
}
