using System.Text;

namespace SalesBot.Cli;

/// <summary>
/// Writes one Microsoft 365 Agents Playground configuration per demo person, with that person as
/// the current user. The Playground shows only its current user's chats and wants exactly five
/// other users, which the six demo people give (see docs/playground.md).
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
        // The Playground's own default user is Alex: default.yml is what scripts/playground.sh opens without --as.
        var alex = DemoOrganization.People[0];
        File.Copy(Path.Combine(directory, alex.Slug + ".yml"), Path.Combine(directory, "default.yml"), overwrite: true);
        return written;
    }

    public static string Render(DemoPerson current)
    {
        var others = DemoOrganization.People.Where(p => p != current).ToList();
        if (others.Count != UsersPerConfig)
            throw new InvalidOperationException($"The Playground needs exactly {UsersPerConfig} other users; the demo has {others.Count}.");
        var sb = new StringBuilder();
        sb.AppendLine($"# Agents Playground as {current.Name} ({RoleNames.Format(current.Roles)}). Written by `salesbot seed-demo`;");
        sb.AppendLine("# start it with scripts/playground.sh --as " + current.Slug + " (schema: docs/playground.md).");
        sb.AppendLine("version: \"0.1.1\"");
        sb.AppendLine("tenantId: " + Quote(DemoOrganization.TenantId));
        sb.AppendLine("bot:");
        sb.AppendLine("  id: " + Quote(DemoOrganization.BotId));
        sb.AppendLine("  name: \"SalesBot\"");
        sb.AppendLine("currentUser:");
        AppendUser(sb, current, "  ");
        sb.AppendLine("users:");
        foreach (var u in others)
        {
            sb.AppendLine("  -");
            AppendUser(sb, u, "    ");
        }
        // Each person gets their own 1:1 chat; the group chat and team are shared by everyone.
        sb.AppendLine("personalChat:");
        sb.AppendLine("  id: " + Quote("personal-chat-" + current.Slug));
        sb.AppendLine("groupChat:");
        sb.AppendLine("  id: \"group-chat-salesbot-demo\"");
        sb.AppendLine("  name: \"Equipo comercial\"");
        sb.AppendLine("team:");
        sb.AppendLine("  id: \"team-salesbot-demo\"");
        sb.AppendLine("  name: " + Quote(DemoOrganization.TeamName));
        sb.AppendLine("  aadGroupId: \"00000000-0000-0000-0000-000000000031\"");
        sb.AppendLine("  channels:");
        sb.AppendLine("    - id: \"channel-salesbot-ventas\"");
        sb.AppendLine("      name: \"Ventas\"");
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
