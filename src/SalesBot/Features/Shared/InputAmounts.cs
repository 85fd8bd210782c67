using System.Globalization;

namespace SalesBot.Features.Shared;

/// <summary>Amounts as people write them, in forms and files.</summary>
public static class InputAmounts
{
    /// <summary>Pesos as people write them: "1.500.000", "1500000", "1,500,000.50" or "1.500.000,50"; null when it is none.</summary>
    public static decimal? Parse(string? text, decimal max = 1_000_000_000_000m)
    {
        var t = (text ?? "").Trim().TrimStart('$').Replace(" ", "");
        if (t.Length == 0) return null;
        var lastDot = t.LastIndexOf('.');
        var lastComma = t.LastIndexOf(',');
        // The last separator followed by one or two digits is the decimal one; the others group thousands.
        var decimalAt = Math.Max(lastDot, lastComma);
        var normalized = decimalAt >= 0 && t.Length - decimalAt - 1 is 1 or 2
            ? t[..decimalAt].Replace(".", "").Replace(",", "") + "." + t[(decimalAt + 1)..]
            : t.Replace(".", "").Replace(",", "");
        return decimal.TryParse(normalized, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var d) && d >= 0 && d <= max ? d : null;
    }
}
