using System.Data.Common;
using System.Linq.Expressions;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Query;
using Microsoft.EntityFrameworkCore.Storage;

namespace SalesBot.Infrastructure.Data;

/// <summary>
/// Reads an entity from a plain command's row, untracked, the reading twin of
/// <see cref="DirectInsert{T}"/>: the table, the columns and each value's conversion come from
/// EF's model of the context, and EF's own materializer builds the object (private constructor and
/// setters included), so the result is what an untracked EF query returns. For the lookups every
/// turn makes (see <see cref="SqliteTurnReads"/>), where EF's per-query work was most of their cost.
/// </summary>
public static class DirectRead<T> where T : class
{
    private static readonly ConditionalWeakTable<IModel, Plan> Plans = new();

    private sealed record Plan(string Table, string[] Columns, int[] Slots, Func<DbDataReader, int, object?>[] Readers, int Width,
        Func<MaterializationContext, object> Materialize, IReadOnlyDictionary<string, Stored> ByProperty);

    /// <summary>One property's column: its stored type (to bind a value) and how to read it back.</summary>
    private sealed record Stored(RelationalTypeMapping Mapping, Func<DbDataReader, int, object?> Read);

    /// <summary>The entity's table, delimited.</summary>
    public static string Table(DbContext db) => PlanOf(db).Table;

    /// <summary>The entity's columns for a SELECT, each prefixed with <paramref name="alias"/>; read them with <see cref="Read"/> from the same offset.</summary>
    public static string Columns(DbContext db, string alias) => string.Join(", ", PlanOf(db).Columns.Select(c => alias + "." + c));

    /// <summary>The column of <paramref name="property"/>, delimited, for a WHERE or a JOIN.</summary>
    public static string Column(DbContext db, string property) =>
        db.GetService<ISqlGenerationHelper>().DelimitIdentifier(EntityOf(db).FindProperty(property)!.GetColumnName());

    /// <summary>Sets a reference navigation of <paramref name="entity"/>, as an Include would.</summary>
    public static void SetNavigation(DbContext db, T entity, string navigation, object? value)
    {
        // Looked up once per model and navigation: this runs on every turn.
        var member = Navigations.GetValue(db.Model, _ => new())
            .GetOrAdd(navigation, n => EntityOf(db).FindNavigation(n)!.GetMemberInfo(forMaterialization: true, forSet: true));
        if (member is System.Reflection.FieldInfo field) field.SetValue(entity, value);
        else ((System.Reflection.PropertyInfo)member).SetValue(entity, value);
    }

    private static readonly ConditionalWeakTable<IModel, System.Collections.Concurrent.ConcurrentDictionary<string, System.Reflection.MemberInfo>> Navigations = new();

    /// <summary>
    /// Adds a parameter named <paramref name="name"/> with <paramref name="value"/> stored as
    /// <paramref name="property"/>'s column stores it (a GUID as EF writes it, an enum by name):
    /// compared with the column in SQL, it must be the same bytes.
    /// </summary>
    public static void Parameter(DbContext db, DbCommand command, string name, string property, object? value) =>
        command.Parameters.Add(PlanOf(db).ByProperty[property].Mapping.CreateParameter(command, name, value, nullable: value is null));

    /// <summary>The column at <paramref name="ordinal"/> read as <paramref name="property"/>'s value, converted as EF does; default when NULL.</summary>
    public static TValue? Value<TValue>(DbContext db, DbDataReader reader, int ordinal, string property) =>
        PlanOf(db).ByProperty[property].Read(reader, ordinal) is TValue value ? value : default;

    /// <summary>How many columns <see cref="Columns"/> lists.</summary>
    public static int Count(DbContext db) => PlanOf(db).Columns.Length;

    /// <summary>The entity whose columns start at <paramref name="offset"/>; null when its key is NULL (an outer join found none).</summary>
    public static T? Read(DbContext db, DbDataReader reader, int offset)
    {
        var plan = PlanOf(db);
        if (reader.IsDBNull(offset)) return null; // the key is listed first
        var values = new object?[plan.Width];
        for (var i = 0; i < plan.Readers.Length; i++) values[plan.Slots[i]] = plan.Readers[i](reader, offset + i);
        return (T)plan.Materialize(new MaterializationContext(new ValueBuffer(values), db));
    }

    private static Plan PlanOf(DbContext db) => Plans.GetValue(db.Model, _ => PlanFor(db));

    private static IEntityType EntityOf(DbContext db) =>
        db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model");

    private static Plan PlanFor(DbContext db)
    {
        var entity = EntityOf(db);
        var sql = db.GetService<ISqlGenerationHelper>();
        var key = entity.FindPrimaryKey()!.Properties;
        if (key.Count != 1) throw new NotSupportedException($"{typeof(T).Name} has a composite key");
        // The key first: a NULL there says an outer join matched nothing.
        var properties = key.Concat(entity.GetProperties().Except(key)).ToArray();
        var readers = properties.Select(ValueReader).ToArray();
        return new Plan(
            sql.DelimitIdentifier(entity.GetTableName()!, entity.GetSchema()),
            properties.Select(p => sql.DelimitIdentifier(p.GetColumnName())).ToArray(),
            properties.Select(p => p.GetIndex()).ToArray(),
            readers,
            properties.Max(p => p.GetIndex()) + 1,
            db.GetService<IStructuralTypeMaterializerSource>().GetMaterializer(entity),
            properties.Select((p, i) => (p.Name, Column: new Stored(p.GetRelationalTypeMapping(), readers[i]))).ToDictionary(c => c.Name, c => c.Column));
    }

    /// <summary>Reads a column as the provider stores it and converts it as EF does (ticks to a DateTimeOffset, a name to an enum).</summary>
    private static Func<DbDataReader, int, object?> ValueReader(IProperty property)
    {
        var mapping = property.GetRelationalTypeMapping();
        var converter = mapping.Converter;
        var provider = converter?.ProviderClrType ?? mapping.ClrType;
        var stored = Nullable.GetUnderlyingType(provider) ?? provider; // a NULL never reaches the typed read
        var reader = Expression.Parameter(typeof(DbDataReader), "reader");
        var ordinal = Expression.Parameter(typeof(int), "ordinal");
        var get = Expression.Call(reader, nameof(DbDataReader.GetFieldValue), [stored], ordinal);
        var read = Expression.Lambda<Func<DbDataReader, int, object?>>(Expression.Convert(get, typeof(object)), reader, ordinal).Compile();
        var fromProvider = converter?.ConvertFromProvider;
        return (r, i) => r.IsDBNull(i) ? null : fromProvider is null ? read(r, i) : fromProvider(read(r, i));
    }
}
