using System.Linq.Expressions;

namespace SalesBot.Features.Shared;

/// <summary>
/// What a search looks for, bounded before it reaches a query: the folded words of the text (case,
/// accents and punctuation ignored), at least <see cref="MinTermLength"/> characters each, at most
/// <see cref="MaxTerms"/> of them, each once. The rest of a longer text is ignored: a query never
/// grows with what was typed.
/// </summary>
public sealed class SearchTerms
{
    public const int MaxTerms = 8;
    public const int MinTermLength = 2;

    /// <summary>No term in a text folded longer than this is kept (no stored name is longer).</summary>
    public const int MaxTermLength = 200;

    private SearchTerms(IReadOnlyList<string> terms, string folded)
    {
        Terms = terms;
        Folded = folded;
    }

    public IReadOnlyList<string> Terms { get; }

    /// <summary>The whole text folded (for an exact comparison in memory), empty when it had no term.</summary>
    public string Folded { get; }

    public bool IsEmpty => Terms.Count == 0;

    public static SearchTerms Parse(string? text)
    {
        var folded = TextFolding.Fold(text ?? "");
        var terms = new List<string>(MaxTerms);
        foreach (var word in folded.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (word.Length < MinTermLength || word.Length > MaxTermLength || terms.Contains(word)) continue;
            terms.Add(word);
            if (terms.Count == MaxTerms) break;
        }
        return new SearchTerms(terms, terms.Count == 0 ? "" : folded);
    }

    /// <summary>
    /// One predicate in which every term matches: <paramref name="matches"/> is written once for one
    /// term and repeated at most <see cref="MaxTerms"/> times, joined by AND, so the query has one
    /// Where whatever the input. Terms travel as SQL parameters.
    /// </summary>
    public Expression<Func<T, bool>> AllMatch<T>(Expression<Func<T, string, bool>> matches)
    {
        var row = matches.Parameters[0];
        Expression? body = null;
        foreach (var term in Terms)
        {
            // A member of a closure object, like a captured local: EF Core makes it a parameter.
            var value = Expression.Property(Expression.Constant(new Captured(term)), nameof(Captured.Value));
            var one = new Replace(matches.Parameters[1], value).Visit(matches.Body);
            body = body is null ? one : Expression.AndAlso(body, one);
        }
        return Expression.Lambda<Func<T, bool>>(body ?? Expression.Constant(true), row);
    }

    private sealed record Captured(string Value);

    private sealed class Replace(ParameterExpression from, Expression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : node;
    }
}
