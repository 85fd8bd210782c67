namespace SalesBot.Features.Clients;

/// <summary>
/// Colombian tax id (NIT). Written with dots and a hyphen before the check digit
/// ("900.123.456-7"); stored as the digits before the check digit, which is derived, so
/// "900123456" and "900.123.456-7" are the same company. A check digit given after a hyphen must
/// match the DIAN modulo-11 rule, so a mistyped NIT is caught at the door.
/// </summary>
public static class Nit
{
    private static readonly int[] Weights = [3, 7, 13, 17, 19, 23, 29, 37, 41, 43, 47, 53, 59, 67, 71];

    /// <summary>
    /// The digits of a search text, for matching the start of a stored NIT: empty when they could
    /// not be one (more digits than any NIT has), so a search never carries more.
    /// </summary>
    public static string DigitsOf(string? text)
    {
        var digits = new string((text ?? "").Where(char.IsAsciiDigit).Take(MaxDigits + 2).ToArray());
        return digits.Length > MaxDigits + 1 ? "" : digits;
    }

    private const int MaxDigits = 15;

    public static string? Normalize(string text, out DomainError? error)
    {
        error = null;
        var trimmed = text.Trim();
        var parts = trimmed.Split('-');
        if (parts.Length > 2 || trimmed.Any(c => !char.IsDigit(c) && c is not '.' and not '-' and not ' '))
        {
            error = DomainError.Invalid("nit", "nit-format");
            return null;
        }
        var number = new string(parts[0].Where(char.IsDigit).ToArray());
        if (number.Length is < 5 or > 15)
        {
            error = DomainError.Invalid("nit", "nit-length");
            return null;
        }
        if (parts.Length == 2)
        {
            var check = new string(parts[1].Where(char.IsDigit).ToArray());
            if (check.Length != 1)
            {
                error = DomainError.Invalid("nit", "nit-format");
                return null;
            }
            if (CheckDigit(number) != check[0] - '0')
            {
                error = DomainError.Invalid("nit", "nit-check-digit", number, CheckDigit(number).ToString(System.Globalization.CultureInfo.InvariantCulture), check);
                return null;
            }
        }
        return number;
    }

    /// <summary>DIAN's verification digit: weighted sum of the digits from the right, modulo 11.</summary>
    public static string Format(string digits) => $"{digits}-{CheckDigit(digits)}";

    public static int CheckDigit(string digits)
    {
        var sum = 0;
        for (var i = 0; i < digits.Length; i++) sum += (digits[digits.Length - 1 - i] - '0') * Weights[i];
        var rest = sum % 11;
        return rest > 1 ? 11 - rest : rest;
    }
}
