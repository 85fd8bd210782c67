using SalesBot.Features.Offers;

namespace SalesBot.Tests.Offers;

/// <summary>The approval policy at and around each threshold (defaults: 100 M and 10 %, 500 M and 20 %, high risk).</summary>
public sealed class ApprovalPolicyTests
{
    private static readonly ApprovalOptions Defaults = new();

    [Theory]
    [InlineData(99_999_999.99, 0, RiskLevel.Low, "TeamLead")]
    [InlineData(100_000_000, 0, RiskLevel.Low, "TeamLead,CommercialDirector")]
    [InlineData(100_000_000.01, 0, RiskLevel.Medium, "TeamLead,CommercialDirector")]
    [InlineData(499_999_999.99, 0, RiskLevel.Low, "TeamLead,CommercialDirector")]
    [InlineData(500_000_000, 0, RiskLevel.Low, "TeamLead,CommercialDirector,GeneralDirector")]
    [InlineData(1_000, 9.99, RiskLevel.Low, "TeamLead")]
    [InlineData(1_000, 10, RiskLevel.Low, "TeamLead,CommercialDirector")]
    [InlineData(1_000, 19.99, RiskLevel.Medium, "TeamLead,CommercialDirector")]
    [InlineData(1_000, 20, RiskLevel.Low, "TeamLead,CommercialDirector,GeneralDirector")]
    [InlineData(1_000, 0, RiskLevel.High, "TeamLead,GeneralDirector")]
    [InlineData(1_000, 0, RiskLevel.Medium, "TeamLead")]
    [InlineData(200_000_000, 5, RiskLevel.High, "TeamLead,CommercialDirector,GeneralDirector")]
    public void The_chain_follows_amount_discount_and_risk(double total, double discount, RiskLevel risk, string expected) =>
        Assert.Equal(expected, string.Join(",", ApprovalPolicy.LevelsFor((decimal)total, (decimal)discount, risk, Defaults)));

    [Fact]
    public void Thresholds_come_from_configuration()
    {
        var custom = new ApprovalOptions { CommercialDirectorAmount = 50_000_000m, GeneralDirectorAmount = 80_000_000m };

        Assert.Equal("TeamLead,CommercialDirector", string.Join(",", ApprovalPolicy.LevelsFor(60_000_000m, 0, RiskLevel.Low, custom)));
        Assert.Equal("TeamLead,CommercialDirector,GeneralDirector", string.Join(",", ApprovalPolicy.LevelsFor(80_000_000m, 0, RiskLevel.Low, custom)));
    }

    [Theory]
    [InlineData(100, 50, 10, 20, "at least")]
    [InlineData(100, 500, 30, 20, "DiscountPercent must be at least")]
    [InlineData(0, 500, 10, 20, "positive")]
    public void Inconsistent_thresholds_are_refused(double commercial, double general, double commercialDiscount, double generalDiscount, string message)
    {
        var options = new ApprovalOptions
        {
            CommercialDirectorAmount = (decimal)commercial,
            GeneralDirectorAmount = (decimal)general,
            CommercialDirectorDiscountPercent = (decimal)commercialDiscount,
            GeneralDirectorDiscountPercent = (decimal)generalDiscount,
        };
        Assert.Contains(message, options.Problem());
    }
}
