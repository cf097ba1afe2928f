using System.Text.Json.Nodes;
using DocManager.Tests.Infrastructure;

namespace DocManager.Tests.Sweep;

/// <summary>
/// Issue 12, defects 2 and 6: every catalogued route (<see cref="RouteCatalogue"/>) is sent malformed
/// input of every kind a client or fuzzer sends, one kind per test, each request otherwise valid. Each
/// must answer the 4xx a client can act on — a problem (under `/api`) or error page naming what is
/// wrong — never a 5xx nor a success, and must change nothing: no row, file, session or usage.
/// The kinds are split by where the damage is: this file (addresses and field values),
/// `.Bodies.cs` (request bodies) and `.Headers.cs` (conditional and range headers).
/// </summary>
public sealed partial class MalformedInputSweep
{
    private const string NotUtf8Query = "The query string is not valid UTF-8";
    private const string NotUtf8Form = "The form is not valid UTF-8";

    /// <summary>Percent-encoded bytes that are not UTF-8: a stray byte, a broken sequence, a surrogate, an overlong NUL, past U+10FFFF, cut short.</summary>
    private static readonly string[] NotUtf8 = ["%FF", "%C3%28", "%ED%A0%80", "%C0%80", "%F4%90%80%80", "abc%E2%82"];

    /// <summary>Numbers no id can be: past long, and past int (the type of every id in a path).</summary>
    private static readonly string[] HugeIds = ["99999999999999999999", "2147483648"];

    /// <summary>A number past long, the widest type of any number in a query, form or JSON body.</summary>
    private const string HugeNumber = "99999999999999999999";

    private static readonly string[] UnknownMethods = ["PUT", "BREW"];

    [Fact]
    public async Task InvalidUtf8InTheQueryString_Answers400_OnEveryRoute()
    {
        await using var world = await SweepWorld.StartAsync();

        await SweepAsync(world, RouteCatalogue.Routes.SelectMany(route =>
        {
            var valid = world.Valid(route);
            var name = SweepRequest.Pairs(valid.Query).Select(p => p.Key).FirstOrDefault();
            return NotUtf8.Select(bad => Expect(
                    valid with { Query = name is null ? "q=" + bad : SweepRequest.Replace(valid.Query, name, bad) }, 400, NotUtf8Query))
                .Append(Expect(valid with { Query = Join(valid.Query, "%FF=1") }, 400, NotUtf8Query));
        }));
    }

    [Theory]
    [OnEachDatabase]
    public async Task InvalidUtf8InFormFields_Answers400_OnEveryFormRoute(Backend backend)
    {
        await using var world = await SweepWorld.StartAsync(backend);

        await SweepAsync(world, RouteCatalogue.Taking(BodyKind.Form).SelectMany(route =>
        {
            var valid = world.Valid(route);
            var names = SweepRequest.Pairs(valid.Fields).Select(p => p.Key).Distinct().ToList();
            var spoiled = names.Count == 0
                ? NotUtf8.Select(bad => valid with { Fields = "note=" + bad })
                : names.SelectMany(name => NotUtf8.Select(bad => valid with { Fields = SweepRequest.Replace(valid.Fields, name, bad) }));
            return spoiled.Select(request => Expect(request, 400, NotUtf8Form))
                // Bytes that are not UTF-8 sent as they are, not percent-encoded, as a careless client does.
                .Append(Expect(valid with { RawBody = [.. world.FormBody(valid), .. "&note="u8, 0xFF, 0xFE] }, 400, NotUtf8Form));
        }));
    }

    [Fact]
    public async Task ParametersGivenTwice_Answer400_UnlessTheRouteTakesSeveral()
    {
        await using var world = await SweepWorld.StartAsync();

        await SweepAsync(world, RouteCatalogue.Routes.SelectMany(route =>
        {
            var valid = world.Valid(route);
            var inQuery = Singles(valid.Query).Select(p => Expect(valid with { Query = Join(valid.Query, $"{p.Key}={p.Value}") }, 400, $"'{p.Key}' may be given only once"));
            var inForm = route.Body == BodyKind.Form
                ? Singles(valid.Fields).Select(p => Expect(valid with { Fields = Join(valid.Fields, $"{p.Key}={p.Value}") }, 400, $"'{p.Key}' may be given only once"))
                : [];
            // JSON has no repeatable names: a property given twice is not valid JSON here.
            var inJson = route.Body == BodyKind.Json
                ? JsonNode.Parse(valid.Json)!.AsObject().Select(p => Expect(valid with { Json = $"{valid.Json[..^1]},\"{p.Key}\":{p.Value!.ToJsonString()}}}" }, 400, NotJson))
                : [];
            return inQuery.Concat(inForm).Concat(inJson);
        }));
    }

    [Theory]
    [OnEachDatabase]
    public async Task HugeNumbers_Answer404InPaths_And400InParametersAndBodies(Backend backend)
    {
        await using var world = await SweepWorld.StartAsync(backend);

        await SweepAsync(world, RouteCatalogue.Routes.SelectMany(route =>
        {
            var valid = world.Valid(route);
            var inPath = route.Template.Contains("{id}", StringComparison.Ordinal) || route.Template.Contains("{userId}", StringComparison.Ordinal)
                ? HugeIds.Concat(["-1", "0", "1e3", "%FF"]).Select(number => Expect(valid with { Path = ReplaceNumbers(valid.Path, number) }, 404))
                : [];
            var inQuery = NumericNames(valid.Query).Select(name => Expect(valid with { Query = SweepRequest.Replace(valid.Query, name, HugeNumber) }, 400));
            var inFields = route.Body == BodyKind.Form
                ? NumericNames(valid.Fields).Select(name => Expect(valid with { Fields = SweepRequest.Replace(valid.Fields, name, HugeNumber) }, 400))
                : [];
            var inJson = route.Body == BodyKind.Json && JsonNumber().IsMatch(valid.Json)
                ? new[] { HugeNumber, "1e400" }.Select(number => Expect(valid with { Json = JsonNumber().Replace(valid.Json, number) }, 400))
                : [];
            return inPath.Concat(inQuery).Concat(inFields).Concat(inJson);
        }));
    }

    [Fact]
    public async Task UnknownPageHandlers_Answer404()
    {
        await using var world = await SweepWorld.StartAsync();
        var endpoints = AppRoutes.Of(world.App.Instance);

        await SweepAsync(world, RouteCatalogue.Routes.Where(route => AppRoutes.IsPage(endpoints[route.Key])).Select(route =>
        {
            var valid = world.Valid(route);
            return Expect(valid with { Query = Join(valid.Query, "handler=nope") }, 404);
        }));
    }

    [Fact]
    public async Task MethodsNoRouteTakes_Answer405()
    {
        await using var world = await SweepWorld.StartAsync();

        await SweepAsync(world, RouteCatalogue.Routes.SelectMany(route => UnknownMethods.Select(method =>
        {
            var valid = world.Valid(route);
            // The error page renders for any method; visited directly, it is "not found" whatever the method.
            return Expect(valid with { Method = method }, route.Template.StartsWith("/error/", StringComparison.Ordinal) ? 404 : 405);
        })));
    }

    private static string Join(string encoded, string pair) => encoded.Length == 0 ? pair : encoded + "&" + pair;

    /// <summary>The parameters the valid request gives once (the others the route takes several times).</summary>
    private static IEnumerable<KeyValuePair<string, string>> Singles(string encoded)
    {
        var pairs = SweepRequest.Pairs(encoded);
        return pairs.Where(p => pairs.Count(q => q.Key == p.Key) == 1);
    }

    private static IEnumerable<string> NumericNames(string encoded) =>
        SweepRequest.Pairs(encoded).Where(p => p.Value.Length > 0 && p.Value.All(char.IsAsciiDigit)).Select(p => p.Key).Distinct();

    private static string ReplaceNumbers(string path, string number) =>
        string.Join('/', path.Split('/').Select(segment => segment.Length > 0 && segment.All(char.IsAsciiDigit) ? number : segment));

    [System.Text.RegularExpressions.GeneratedRegex(@"(?<=[\[:,]\s*)-?\d+(?=\s*[\],}])")]
    private static partial System.Text.RegularExpressions.Regex JsonNumber();
}
