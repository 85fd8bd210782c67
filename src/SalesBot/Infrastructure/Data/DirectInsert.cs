using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace SalesBot.Infrastructure.Data;

/// <summary>
/// An INSERT of one entity written with a plain command, not through the change tracker: for the
/// rows every turn writes (see <see cref="TurnRows"/>) and a turn's new rows (see
/// <see cref="InsertOnlyChanges"/>), where SaveChanges' per-save work (SQL generation, command
/// sorting, savepoints, change detection) was most of a turn's commit. The table, the columns and
/// each value's conversion come from EF's model of the context, so a row is stored exactly as
/// SaveChanges would store it, on either provider; the statement is built once per entity type.
/// A generated integer key (an identity column) is read back with RETURNING.
/// </summary>
public static class DirectInsert
{
    private static readonly ConditionalWeakTable<IEntityType, Planned> Plans = new();

    private sealed record Plan(string Sql, string[] ParameterNames, IProperty[] Columns, RelationalTypeMapping[] Mappings, IProperty? GeneratedKey);

    /// <summary>A type's plan, or why it has none.</summary>
    private sealed record Planned(Plan? Plan, string? Unsupported);

    /// <summary>Why rows of <paramref name="entity"/> cannot be inserted this way; null when they can.</summary>
    public static string? Unsupported(DbContext db, IEntityType entity) => PlannedFor(db, entity).Unsupported;

    /// <summary>The key the database generates for <paramref name="entity"/> (an identity column), if any.</summary>
    public static IProperty? GeneratedKey(DbContext db, IEntityType entity) => PlannedFor(db, entity).Plan?.GeneratedKey;

    /// <summary>Inserts <paramref name="row"/>; the generated key's value when the database made one, else null.</summary>
    public static async Task<object?> RunAsync(DbContext db, DbConnection connection, DbTransaction transaction, IEntityType entity, object row, CancellationToken ct)
    {
        var planned = PlannedFor(db, entity);
        var plan = planned.Plan ?? throw new NotSupportedException(planned.Unsupported);
        // On the group commit's writer the command is kept prepared (KeptCommands); elsewhere it is built for this row.
        var value = await KeptCommands.RunAsync(connection, transaction, plan.Sql, (plan, row), Bind, scalar: plan.GeneratedKey is not null, ct);
        if (plan.GeneratedKey is not { } key) return null;
        return Convert.ChangeType(value ?? throw new InvalidOperationException($"The INSERT into {entity.DisplayName()} returned no key"),
            key.ClrType, System.Globalization.CultureInfo.InvariantCulture);
    }

    private static void Bind(DbCommand command, (Plan Plan, object Row) insert)
    {
        var (plan, row) = insert;
        for (var i = 0; i < plan.Columns.Length; i++)
        {
            // The mapping converts as EF does (a DateTimeOffset to ticks on SQLite, an enum to its number).
            command.Parameters.Add(plan.Mappings[i].CreateParameter(command, plan.ParameterNames[i], plan.Columns[i].GetGetter().GetClrValue(row)));
        }
    }

    private static Planned PlannedFor(DbContext db, IEntityType entity) =>
        Plans.TryGetValue(entity, out var planned) ? planned : Plans.GetValue(entity, e => PlanFor(db, e));

    private static Planned PlanFor(DbContext db, IEntityType entity)
    {
        var name = entity.DisplayName();
        if (entity.GetTableName() is not { } tableName) return new(null, $"{name} is not mapped to a table");
        // A hierarchy (a discriminator), rows of several types in one table, or values kept in other types: SaveChanges knows how.
        if (entity.BaseType is not null || entity.GetDirectlyDerivedTypes().Any()) return new(null, $"{name} is part of a hierarchy");
        if (entity.GetComplexProperties().Any() || entity.GetNavigations().Any(n => n.TargetEntityType.IsOwned()) || entity.IsOwned())
            return new(null, $"{name} owns or is owned by other values");
        var primaryKey = entity.FindPrimaryKey()!.Properties;
        // An integer key generated on add is the database's identity column; a generated GUID was set on the object when it was added.
        var generated = primaryKey is [{ ValueGenerated: ValueGenerated.OnAdd } only] && IsInteger(only.ClrType) ? only : null;
        var columns = entity.GetProperties().Where(p => p != generated).ToArray();
        // Every value is read from the object: a shadow property (no CLR member) would be left out silently.
        if (columns.FirstOrDefault(p => p.IsShadowProperty() || p.PropertyInfo is null) is { } shadow)
            return new(null, $"{name}.{shadow.Name} has no CLR property to insert from");
        // A default or computed value the database fills in would have to be read back, as SaveChanges does.
        if (columns.FirstOrDefault(p => p.ValueGenerated != ValueGenerated.Never && !p.IsPrimaryKey()) is { } filled)
            return new(null, $"{name}.{filled.Name} is generated by the database");
        if (generated is { PropertyInfo: null }) return new(null, $"{name}'s generated key has no CLR property to set");
        var sql = db.GetService<ISqlGenerationHelper>();
        var names = columns.Select((_, i) => "p" + i).ToArray();
        var table = sql.DelimitIdentifier(tableName, entity.GetSchema());
        var text = $"INSERT INTO {table} ({string.Join(", ", columns.Select(c => sql.DelimitIdentifier(c.GetColumnName())))}) " +
            $"VALUES ({string.Join(", ", names.Select(sql.GenerateParameterNamePlaceholder))})" +
            (generated is null ? "" : $" RETURNING {sql.DelimitIdentifier(generated.GetColumnName())}");
        // Named as the statement names them ("@p0" on both providers): Microsoft.Data.Sqlite finds a bare "p0" only
        // after looking up "p0", then "@p0", each a native call with the name converted to UTF-8 (perf: 2.5 % of a turn).
        return new(new Plan(text, names.Select(sql.GenerateParameterName).ToArray(), columns, columns.Select(c => c.GetRelationalTypeMapping()).ToArray(), generated), null);
    }

    private static bool IsInteger(Type type) => type == typeof(long) || type == typeof(int) || type == typeof(short);
}

/// <summary>An untracked row of a type known at compile time (the turn's processed mark, its replies).</summary>
public static class DirectInsert<T> where T : class
{
    public static async Task RunAsync(DbContext db, DbConnection connection, DbTransaction transaction, T row, CancellationToken ct)
    {
        var entity = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model");
        // Not tracked: the generated key goes straight onto the object.
        if (await DirectInsert.RunAsync(db, connection, transaction, entity, row, ct) is { } key)
            DirectInsert.GeneratedKey(db, entity)!.PropertyInfo!.SetValue(row, key);
    }
}
