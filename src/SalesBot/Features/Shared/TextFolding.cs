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
        var decomposed = trimmed.ToLowerInvariant().Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            sb.Append(char.IsLetterOrDigit(c) ? c : ' ');
        }
        return string.Join(' ', sb.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }
}
