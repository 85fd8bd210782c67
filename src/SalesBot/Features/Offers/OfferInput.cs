using System.Globalization;
using SalesBot.Features.Pipeline;

namespace SalesBot.Features.Offers;

/// <summary>An offer as typed in its form: up to three lines, discount, risk, validity, notes.</summary>
public sealed record OfferInput(IReadOnlyList<(string? Description, string? Quantity, string? UnitPrice, string? Months)> Lines,
    string? DiscountPercent, string? Risk, string? ValidUntil, string? Notes)
{
    public const int MaxLines = 3;

    public static readonly CodeTable<RiskLevel> Risks = new(
        (RiskLevel.Low, "low", ["bajo", "baja"]),
        (RiskLevel.Medium, "medium", ["medio", "media"]),
        (RiskLevel.High, "high", ["alto", "alta"]));

    public (IReadOnlyList<OfferLine> Lines, decimal Discount, RiskLevel Risk, DateOnly ValidUntil, string? Notes)? Validate(DateOnly today, List<DomainError> errors)
    {
        var lines = new List<OfferLine>();
        for (var i = 0; i < Lines.Count && i < MaxLines; i++)
        {
            var (description, quantity, unit, months) = Lines[i];
            if (string.IsNullOrWhiteSpace(description) && string.IsNullOrWhiteSpace(quantity) && string.IsNullOrWhiteSpace(unit)) continue;
            var n = (i + 1).ToString(CultureInfo.InvariantCulture);
            var d = description?.Trim();
            if (string.IsNullOrEmpty(d) || d.Length > 200) errors.Add(DomainError.Invalid("line-description", "line-required", n));
            var q = Int(quantity, 1, 1_000_000, "line-quantity", errors);
            var price = OpportunityInput.Money(unit, "line-unit-price", errors);
            var m = Int(string.IsNullOrWhiteSpace(months) ? "1" : months, 1, 120, "line-months", errors);
            if (d is { Length: > 0 and <= 200 } && q is not null && price is not null && m is not null) lines.Add(new OfferLine(d, q.Value, price.Value, m.Value));
        }
        if (lines.Count == 0 && errors.Count == 0) errors.Add(DomainError.Invalid("lines", "lines"));
        if (lines.Sum(l => l.Amount) > MoneyBounds.MaxTotal) errors.Add(DomainError.Invalid("lines", "total-max"));
        decimal discount = 0;
        if (!string.IsNullOrWhiteSpace(DiscountPercent))
        {
            if (!decimal.TryParse(DiscountPercent.Trim().TrimEnd('%').Replace(',', '.'), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out discount) || discount > 100)
                errors.Add(DomainError.Invalid("discount", "between", "0", "100"));
        }
        var risk = Risks.Parse(Risk);
        if (risk is null) errors.Add(DomainError.Invalid("risk", "one-of", string.Join(", ", Risks.Codes)));
        DateOnly valid = default;
        if (!InputDates.TryParseIso(ValidUntil, out valid))
            errors.Add(DomainError.Invalid("valid-until", "date"));
        else if (valid < today) errors.Add(DomainError.Invalid("valid-until", "past-date"));
        var notes = Notes?.Trim();
        if (notes is { Length: > 2000 }) errors.Add(DomainError.Invalid("notes", "max", "2000"));
        return errors.Count > 0 ? null : (lines, discount, risk!.Value, valid, string.IsNullOrEmpty(notes) ? null : notes);
    }

    private static int? Int(string? text, int min, int max, string field, List<DomainError> errors)
    {
        if (int.TryParse(text?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max) return n;
        errors.Add(DomainError.Invalid(field, "between", min.ToString(CultureInfo.InvariantCulture), max.ToString(CultureInfo.InvariantCulture)));
        return null;
    }
}
