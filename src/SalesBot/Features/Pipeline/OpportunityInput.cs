using System.Globalization;
using SalesBot.Features.Clients;

namespace SalesBot.Features.Pipeline;

/// <summary>An opportunity as typed in the form: text, validated into <see cref="OpportunityTerms"/>.</summary>
public sealed record OpportunityInput(
    string? Title, string? ServiceType, string? Segment, string? Seats, string? UnitValue, string? ContractMonths,
    string? ExpectedClose, string? ExpectedFirstBilling, string? LeadSource, string? Probability)
{
    public (OpportunityTerms? Terms, IReadOnlyList<DomainError> Errors) Validate(string currency)
    {
        var errors = new List<DomainError>();
        var title = Text(Title, 200, "title", errors, required: true);
        var service = Text(ServiceType, 100, "service-type", errors);
        ClientSegment? segment = null;
        if (!string.IsNullOrWhiteSpace(Segment))
        {
            segment = ClientSegments.Parse(Segment);
            if (segment is null) errors.Add(DomainError.Invalid("segment", "one-of", string.Join(", ", ClientSegments.Codes)));
        }
        var seats = Integer(Seats, 1, 1_000_000, "seats", errors);
        var unit = Money(UnitValue, "unit-value", errors);
        var months = Integer(ContractMonths, 1, 120, "contract-months", errors);
        var close = Date(ExpectedClose, "expected-close", errors);
        var billing = Date(ExpectedFirstBilling, "expected-first-billing", errors);
        if (close is not null && billing is not null && billing < close) errors.Add(DomainError.Invalid("expected-first-billing", "after-close"));
        var source = Text(LeadSource, 100, "lead-source", errors);
        if (seats is not null && unit is not null && months is not null && seats.Value * unit.Value * months.Value > MoneyBounds.MaxTotal)
            errors.Add(DomainError.Invalid("unit-value", "total-max"));
        int? probability = string.IsNullOrWhiteSpace(Probability) ? null : Integer(Probability.Trim().TrimEnd('%'), 0, 100, "probability", errors);
        if (errors.Count > 0) return (null, errors);
        return (new OpportunityTerms(title!, service, segment, seats!.Value, unit!.Value, months!.Value, currency, close, billing, source, probability), []);
    }

    private static string? Text(string? text, int max, string field, List<DomainError> errors, bool required = false)
    {
        var t = text?.Trim();
        if (string.IsNullOrEmpty(t))
        {
            if (required) errors.Add(DomainError.Invalid(field, "required-max", max.ToString(CultureInfo.InvariantCulture)));
            return null;
        }
        if (t.Length > max) errors.Add(DomainError.Invalid(field, "required-max", max.ToString(CultureInfo.InvariantCulture)));
        return t;
    }

    private static int? Integer(string? text, int min, int max, string field, List<DomainError> errors)
    {
        if (int.TryParse(text?.Trim().Replace(".", "").Replace(",", ""), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max) return n;
        errors.Add(DomainError.Invalid(field, "between", min.ToString(CultureInfo.InvariantCulture), max.ToString(CultureInfo.InvariantCulture)));
        return null;
    }

    internal static decimal? Money(string? text, string field, List<DomainError> errors)
    {
        var value = InputAmounts.Parse(text);
        if (value is null) errors.Add(DomainError.Invalid(field, "money"));
        return value;
    }

    private static DateOnly? Date(string? text, string field, List<DomainError> errors)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (InputDates.TryParseIso(text, out var d)) return d;
        errors.Add(DomainError.Invalid(field, "date"));
        return null;
    }

    public static OpportunityInput From(Opportunity o) => new(o.Title, o.ServiceType, o.Segment?.Code(),
        o.Seats.ToString(CultureInfo.InvariantCulture), o.UnitValue.ToString("0.##", CultureInfo.InvariantCulture),
        o.ContractMonths.ToString(CultureInfo.InvariantCulture), o.ExpectedClose?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        o.ExpectedFirstBilling?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), o.LeadSource, o.ProbabilityOverride?.ToString(CultureInfo.InvariantCulture));
}
