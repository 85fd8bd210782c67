using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace SalesBot.Infrastructure.Data;

/// <summary>
/// Money (and two-decimal percentages) on SQLite: hundredths in an INTEGER column. SQLite has no
/// decimal type, so EF would store text it can neither sum, compare nor order in SQL; integers do
/// all three exactly, and sums of hundredths never round. PostgreSQL keeps numeric(18,2).
/// 18 digits with 2 decimals is at most 10^18 hundredths, inside a 64-bit integer.
/// </summary>
internal sealed class MinorUnitsConverter() : ValueConverter<decimal, long>(
    value => (long)decimal.Round(value * 100m, 0, MidpointRounding.AwayFromZero),
    hundredths => hundredths / 100m);
