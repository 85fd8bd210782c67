using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace SalesBot.Infrastructure.Data;

/// <summary>
/// An INSERT of one entity written with a plain command, not through the change tracker: for the
/// rows every turn writes (see <see cref="TurnRows"/>), where SaveChanges' per-save work (SQL
/// generation, command sorting, savepoints, change detection) was most of a turn's commit. The
/// table, the columns and each value's conversion come from EF's model of the context, so a row is
/// stored exactly as SaveChanges would store it, on either provider; the statement is built once
/// per model. A generated integer key (an identity column) is read back with RETURNING.
/// </summary>
public static class DirectInsert<T> where T : class
{
    private static readonly ConditionalWeakTable<IModel, Plan> Plans = new();

    private sealed record Plan(string Sql, string[] ParameterNames, IProperty[] Columns, RelationalTypeMapping[] Mappings, IProperty? GeneratedKey);

    public static async Task RunAsync(DbContext db, DbConnection connection, DbTransaction transaction, T row, CancellationToken ct)
    {
        var plan = Plans.GetValue(db.Model, _ => PlanFor(db));
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = plan.Sql;
        for (var i = 0; i < plan.Columns.Length; i++)
        {
            // The mapping converts as EF does (a DateTimeOffset to ticks on SQLite, an enum to its number).
            command.Parameters.Add(plan.Mappings[i].CreateParameter(command, plan.ParameterNames[i], plan.Columns[i].GetGetter().GetClrValue(row)));
        }
        if (plan.GeneratedKey is not { } key)
        {
            await command.ExecuteNonQueryAsync(ct);
            return;
        }
        var value = await command.ExecuteScalarAsync(ct)
            ?? throw new InvalidOperationException($"The INSERT into {typeof(T).Name} returned no key");
        key.PropertyInfo!.SetValue(row, Convert.ChangeType(value, key.ClrType, System.Globalization.CultureInfo.InvariantCulture));
    }

    private static Plan PlanFor(DbContext db)
    {
        var entity = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model");
        var sql = db.GetService<ISqlGenerationHelper>();
        var primaryKey = entity.FindPrimaryKey()!.Properties;
        var generated = primaryKey is [{ ValueGenerated: ValueGenerated.OnAdd } only] ? only : null;
        var columns = entity.GetProperties().Where(p => p != generated).ToArray();
        // Every value is read from the object: a shadow property (no CLR member) would be left out silently.
        if (columns.FirstOrDefault(p => p.IsShadowProperty() || p.PropertyInfo is null) is { } shadow)
            throw new NotSupportedException($"{typeof(T).Name}.{shadow.Name} has no CLR property to insert from");
        if (generated is { PropertyInfo: null })
            throw new NotSupportedException($"{typeof(T).Name}'s generated key has no CLR property to set");
        var names = columns.Select((_, i) => "p" + i).ToArray();
        var table = sql.DelimitIdentifier(entity.GetTableName()!, entity.GetSchema());
        var text = $"INSERT INTO {table} ({string.Join(", ", columns.Select(c => sql.DelimitIdentifier(c.GetColumnName())))}) " +
            $"VALUES ({string.Join(", ", names.Select(sql.GenerateParameterNamePlaceholder))})" +
            (generated is null ? "" : $" RETURNING {sql.DelimitIdentifier(generated.GetColumnName())}");
        return new Plan(text, names, columns, columns.Select(c => c.GetRelationalTypeMapping()).ToArray(), generated);
    }
}
