using System.Globalization;
using System.Text;

namespace SalesBot.Features.Language;

/// <summary>
/// A message made easy to read by rules: lower case, no accents ("ñ" becomes "n"), quotes,
/// brackets and sentence marks as spaces, single spaces; the marks numbers, times, dates and
/// amounts are written with ($ . , : / % - ') are kept ("$85MM", "2:30", "3/12", "1,5").
/// </summary>
public static class LanguageText
{
    private const string Kept = "$.,:/%-'";

    public static string Simplify(string text)
    {
        var decomposed = Shared.TextFolding.WithoutLoneSurrogates(text.ToLowerInvariant()).Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category == UnicodeCategory.NonSpacingMark) continue;
            sb.Append(char.IsLetterOrDigit(c) || Kept.Contains(c) ? c : ' ');
        }
        return string.Join(' ', sb.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }
}
