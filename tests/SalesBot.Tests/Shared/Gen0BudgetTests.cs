using SalesBot.Bot;

namespace SalesBot.Tests.Shared;

/// <summary>The start-up line reads DOTNET_GCgen0size as the runtime does: hexadecimal, with or without "0x".</summary>
public sealed class Gen0BudgetTests
{
    [Theory]
    [InlineData("0x2000000", 32L * 1024 * 1024)]
    [InlineData("2000000", 32L * 1024 * 1024)]
    [InlineData(" 0X8000000 ", 128L * 1024 * 1024)]
    [InlineData("10", 16L)]
    public void A_set_budget_is_read_in_hexadecimal(string value, long bytes) => Assert.Equal(bytes, StartupLogging.Gen0Budget(value));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("0")]
    [InlineData("0x")]
    [InlineData("32MB")]
    [InlineData("-1")]
    public void No_budget_when_unset_or_not_a_number(string? value) => Assert.Null(StartupLogging.Gen0Budget(value));
}
