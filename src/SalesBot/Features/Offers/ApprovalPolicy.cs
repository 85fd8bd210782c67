namespace SalesBot.Features.Offers;

/// <summary>
/// Which approvals an offer needs (PRODUCT.md section 2; issue thresholds): the team lead always;
/// the commercial director from an amount or a discount; the general director from a higher amount
/// or discount, or when the risk is high. Amounts are the offer's total in the organisation's currency.
/// </summary>
public sealed class ApprovalOptions
{
    public const string Section = "Approvals";

    public decimal CommercialDirectorAmount { get; set; } = 100_000_000m;
    public decimal CommercialDirectorDiscountPercent { get; set; } = 10m;
    public decimal GeneralDirectorAmount { get; set; } = 500_000_000m;
    public decimal GeneralDirectorDiscountPercent { get; set; } = 20m;

    /// <summary>Business days before a pending step is reminded, and before it goes to the approver's manager.</summary>
    public int ReminderAfter { get; set; } = 1;
    public int EscalateAfter { get; set; } = 3;

    /// <summary>Local time of the daily reminder round (business days only).</summary>
    public TimeOnly RemindersAt { get; set; } = new(8, 30);

    public string? Problem()
    {
        if (CommercialDirectorAmount <= 0 || GeneralDirectorAmount <= 0) return "Approvals amounts must be positive";
        if (GeneralDirectorAmount < CommercialDirectorAmount) return "Approvals:GeneralDirectorAmount must be at least Approvals:CommercialDirectorAmount";
        if (CommercialDirectorDiscountPercent is <= 0 or > 100 || GeneralDirectorDiscountPercent is <= 0 or > 100) return "Approvals discount thresholds must be between 0 and 100";
        if (GeneralDirectorDiscountPercent < CommercialDirectorDiscountPercent) return "Approvals:GeneralDirectorDiscountPercent must be at least Approvals:CommercialDirectorDiscountPercent";
        if (ReminderAfter < 1 || EscalateAfter <= ReminderAfter) return "Approvals:EscalateAfter must be after Approvals:ReminderAfter (at least 1)";
        return null;
    }
}

public static class ApprovalPolicy
{
    /// <summary>The levels, in order. Thresholds are inclusive ("at least").</summary>
    public static IReadOnlyList<ApprovalLevel> LevelsFor(decimal total, decimal discountPercent, RiskLevel risk, ApprovalOptions options)
    {
        var levels = new List<ApprovalLevel> { ApprovalLevel.TeamLead };
        // Each level by its own rule: a small high-risk offer goes from the team lead to the general director.
        var commercial = total >= options.CommercialDirectorAmount || discountPercent >= options.CommercialDirectorDiscountPercent;
        var general = total >= options.GeneralDirectorAmount || discountPercent >= options.GeneralDirectorDiscountPercent || risk == RiskLevel.High;
        if (commercial) levels.Add(ApprovalLevel.CommercialDirector);
        if (general) levels.Add(ApprovalLevel.GeneralDirector);
        return levels;
    }
}
