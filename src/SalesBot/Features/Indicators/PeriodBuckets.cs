using System.Linq.Expressions;

namespace SalesBot.Features.Indicators;

/// <summary>
/// Rows grouped by which of a run of contiguous periods their instant falls in, decided by the
/// database (CASE WHEN at &lt; start1 THEN 0 WHEN at &lt; start2 THEN 1 ... END): a trend of seven
/// periods over a million visits is counted there, not by reading every row to place it.
/// </summary>
internal static class PeriodBuckets
{
    /// <param name="starts">Each period's first instant, in order; the rows are already those from the first to the end of the last.</param>
    public static IQueryable<IGrouping<int, T>> GroupByPeriod<T>(this IQueryable<T> rows, Expression<Func<T, DateTimeOffset>> at, IReadOnlyList<DateTimeOffset> starts)
    {
        Expression index = Expression.Constant(starts.Count - 1);
        for (var i = starts.Count - 1; i >= 1; i--)
            index = Expression.Condition(Expression.LessThan(at.Body, Expression.Constant(starts[i])), Expression.Constant(i - 1), index);
        return rows.GroupBy(Expression.Lambda<Func<T, int>>(index, at.Parameters));
    }
}
