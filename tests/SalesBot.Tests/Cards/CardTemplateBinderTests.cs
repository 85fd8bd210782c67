using SalesBot.Bot.Cards;

namespace SalesBot.Tests.Cards;

/// <summary>The binder's rules, as the official adaptivecards-templating applies them (see tests/tooling/cards-conformance.mjs).</summary>
public class CardTemplateBinderTests
{
    private static JsonNode Bind(string template, string data) => CardTemplateBinder.Bind(JsonNode.Parse(template)!, JsonNode.Parse(data)!);

    [Fact]
    public void A_whole_expression_keeps_the_type_of_its_value()
    {
        var bound = Bind("""{"n":"${n}","b":"${b}","s":"n=${n}"}""", """{"n":5,"b":true}""");
        Assert.Equal(5, bound["n"]!.GetValue<long>());
        Assert.True(bound["b"]!.GetValue<bool>());
        Assert.Equal("n=5", bound["s"]!.GetValue<string>());
    }

    [Fact]
    public void A_missing_value_leaves_the_expression_as_written()
    {
        var bound = Bind("""{"a":"${missing}","b":"x ${missing} y"}""", "{}");
        Assert.Equal("${missing}", bound["a"]!.GetValue<string>());
        Assert.Equal("x ${missing} y", bound["b"]!.GetValue<string>());
    }

    [Fact]
    public void An_array_data_repeats_the_element_with_each_item_and_its_index()
    {
        var bound = Bind("""{"items":[{"$data":"${people}","text":"${$index}:${name} (${$root.team})"}]}""",
            """{"team":"Norte","people":[{"name":"Ana"},{"name":"Luis"}]}""");
        Assert.Equal(["0:Ana (Norte)", "1:Luis (Norte)"], bound["items"]!.AsArray().Select(i => i!["text"]!.GetValue<string>()));
    }

    [Fact]
    public void When_keeps_an_element_only_for_a_boolean_true()
    {
        var bound = Bind("""{"items":[{"$when":"${show}","t":"a"},{"$when":"${name}","t":"b"},{"$when":"${!show}","t":"c"}]}""",
            """{"show":true,"name":"x"}""");
        Assert.Equal(["a"], bound["items"]!.AsArray().Select(i => i!["t"]!.GetValue<string>()));
    }

    [Fact]
    public void An_object_data_changes_the_scope()
    {
        var bound = Bind("""{"card":{"$data":"${client}","text":"${name}"}}""", """{"client":{"name":"Ferretería El Sol"}}""");
        Assert.Equal("Ferretería El Sol", bound["card"]!["text"]!.GetValue<string>());
    }

    [Fact]
    public void Expressions_support_comparisons_functions_and_literals()
    {
        var bound = Bind("""{"a":"${if(count(items) > 1, 'many', 'one')}","b":"${equals(kind, 'x') && !empty(items)}","c":"${concat(first, ' ', last)}"}""",
            """{"items":[1,2],"kind":"x","first":"Ana","last":"Díaz"}""");
        Assert.Equal("many", bound["a"]!.GetValue<string>());
        Assert.True(bound["b"]!.GetValue<bool>());
        Assert.Equal("Ana Díaz", bound["c"]!.GetValue<string>());
    }

    [Fact]
    public void An_unsupported_function_is_a_template_bug_not_a_silent_blank()
    {
        Assert.Throws<FormatException>(() => Bind("""{"a":"${formatDateTime(d)}"}""", """{"d":"2026-01-01"}"""));
    }

    [Fact]
    public void A_lone_literal_stays_text_as_in_the_official_binder()
    {
        var bound = Bind("""{"a":"${5}","b":"${true}"}""", "{}");
        Assert.Equal("5", bound["a"]!.GetValue<string>());
        Assert.Equal("true", bound["b"]!.GetValue<string>());
    }

    [Fact]
    public void Integers_divide_as_integers()
    {
        Assert.Equal(2, Bind("""{"a":"${a / b}"}""", """{"a":5,"b":2}""")["a"]!.GetValue<long>());
    }

    [Fact]
    public void A_condition_that_cannot_be_evaluated_drops_the_element()
    {
        var bound = Bind("""{"items":[{"$when":"${amount > 0}","t":"x"},{"t":"y"}]}""", "{}");
        Assert.Equal(["y"], bound["items"]!.AsArray().Select(i => i!["t"]!.GetValue<string>()));
    }

    [Fact]
    public void A_JSON_boolean_when_is_refused_since_the_official_binder_inverts_it()
    {
        Assert.Throws<FormatException>(() => Bind("""{"items":[{"$when":true,"t":"x"}]}""", "{}"));
    }

    [Fact]
    public void A_backslash_escapes_a_literal_dollar_brace()
    {
        Assert.Equal("price ${x} is 5", Bind("""{"a":"price \\${x} is ${x}"}""", """{"x":5}""")["a"]!.GetValue<string>());
    }

    [Fact]
    public void Null_inside_text_is_an_error_as_in_the_official_binder()
    {
        Assert.Throws<FormatException>(() => Bind("""{"a":"x ${n} y"}""", """{"n":null}"""));
    }
}
