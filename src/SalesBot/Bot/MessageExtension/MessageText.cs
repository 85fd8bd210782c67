using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace SalesBot.Bot.MessageExtension;

/// <summary>
/// A Teams message as plain text: Teams sends the message an action command runs on as the HTML
/// its client renders (paragraphs, line breaks, mentions, links, entities). Block ends become line
/// breaks, tags go, entities are decoded, blank runs collapse, and the result is cut to the field it
/// fills, so a message of any size or markup becomes bounded text.
/// </summary>
public static partial class MessageText
{
    /// <summary>More HTML than this is not read at all: a message larger than any Teams sends.</summary>
    public const int MaxHtmlLength = 200_000;

    public static string FromHtml(string? html, int maxLength)
    {
        if (string.IsNullOrEmpty(html)) return "";
        var source = html.Length > MaxHtmlLength ? html[..MaxHtmlLength] : html;
        var text = BlockEnd().Replace(source, "\n");
        text = Tag().Replace(text, "");
        text = WebUtility.HtmlDecode(text).Replace('\u00A0', ' ');
        var lines = text.Split('\n').Select(l => Spaces().Replace(l, " ").Trim());
        var result = new StringBuilder();
        var blank = false;
        foreach (var line in lines)
        {
            if (line.Length == 0)
            {
                blank = result.Length > 0;
                continue;
            }
            if (result.Length > 0) result.Append(blank ? "\n\n" : "\n");
            blank = false;
            result.Append(line);
            if (result.Length >= maxLength) break;
        }
        var plain = result.ToString();
        return plain.Length <= maxLength ? plain : plain[..maxLength].TrimEnd();
    }

    // Non-backtracking: linear in the message's length whatever its markup.
    [GeneratedRegex(@"<\s*(br\s*/?|/p|/div|/li|/h[1-6]|/tr)\s*>", RegexOptions.IgnoreCase | RegexOptions.NonBacktracking)]
    private static partial Regex BlockEnd();

    [GeneratedRegex(@"<[^>]*>", RegexOptions.NonBacktracking)]
    private static partial Regex Tag();

    [GeneratedRegex(@"[ \t\r\f\v]+", RegexOptions.NonBacktracking)]
    private static partial Regex Spaces();
}
