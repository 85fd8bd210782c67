using System.Globalization;
using System.Text;

namespace SalesBot.Features.Shared;

public static class TextFolding
{
    /// <summary>
    /// For matching what people type: lower case, no accents, punctuation as spaces, single spaces
    /// ("¿Menú?" -> "menu"). A lone "?" is kept, since it means "help".
    /// </summary>
    public static string Fold(string text)
    {
        var trimmed = text.Trim();
        if (trimmed is "?" or "¿?") return "?";
        var decomposed = WithoutLoneSurrogates(trimmed.ToLowerInvariant()).Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            sb.Append(char.IsLetterOrDigit(c) ? c : ' ');
        }
        return string.Join(' ', sb.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }

    /// <summary>
    /// Half of a surrogate pair is not text (a client may send one): Unicode normalisation refuses
    /// it, so it becomes a space like any other non-letter.
    /// </summary>
    internal static string WithoutLoneSurrogates(string text)
    {
        if (!text.Any(char.IsSurrogate)) return text;
        var chars = text.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            if (char.IsHighSurrogate(chars[i]) && i + 1 < chars.Length && char.IsLowSurrogate(chars[i + 1])) i++;
            else if (char.IsSurrogate(chars[i])) chars[i] = ' ';
        }
        return new string(chars);
    }
}
