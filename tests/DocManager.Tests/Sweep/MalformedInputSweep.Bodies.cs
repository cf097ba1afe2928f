using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using DocManager.Tests.Infrastructure;

namespace DocManager.Tests.Sweep;

/// <summary>
/// Spoiled request bodies, for each body kind on the routes that read it: JSON, forms, and multipart
/// bodies (<see cref="MalformedMultipart"/>) over <c>RouteCatalogue.Taking(BodyKind.Multipart)</c>.
/// </summary>
public sealed partial class MalformedInputSweep
{
    private const int BodyLimit = 64 * 1024;
    private const string TooLarge = "The request body is larger than 64 KiB";
    private const string NoJson = "The request has no body: send a JSON object.";
    private const string NotJsonType = "Send the body as JSON, with Content-Type: application/json";
    private const string NotJson = "The body is not valid JSON";
    private const string NotAnObject = "The body must be a JSON object.";
    private const string UnreadableForm = "The form could not be read";
    private const string NotAForm = "Send the form as application/x-www-form-urlencoded or multipart/form-data.";

    /// <summary>Content types that are not JSON; "" sends none.</summary>
    private static readonly string[] NotJsonTypes = ["application/x-www-form-urlencoded", "text/plain", "", "application/xml", "multipart/form-data; boundary=x", "application/jsonx"];

    private static readonly string[] NotFormTypes = ["application/json", "text/plain", "", "application/xml"];

    [Fact]
    public async Task BrokenMultipartBodies_Answer400()
    {
        await using var world = await SweepWorld.StartAsync();

        await SweepAsync(world, RouteCatalogue.Taking(BodyKind.Multipart).SelectMany(route =>
            MalformedMultipart.Bodies.Values.Select(malformed =>
                Expect(world.Valid(route) with { RawBody = malformed.Body, ContentType = malformed.ContentType }, 400))));
    }

    [Fact]
    public async Task EmptyJsonBody_Answers400()
    {
        await using var world = await SweepWorld.StartAsync();

        await SweepAsync(world, RouteCatalogue.Taking(BodyKind.Json).SelectMany(route =>
        {
            var valid = world.Valid(route);
            return new[]
            {
                Expect(valid with { RawBody = [], ContentType = "application/json" }, 400, NoJson),
                Expect(valid with { RawBody = [], ContentType = "" }, 400, NoJson),
                Expect(valid with { Json = "", Chunked = true }, 400, NoJson),
            };
        }));
    }

    [Fact]
    public async Task MalformedJson_Answers400()
    {
        await using var world = await SweepWorld.StartAsync();
        string[] malformed =
        [
            "not json", "{\"title\": ", "{'title': 'single quotes'}", "{\"title\": \"trailing comma\",}", "{\"a\": 1} {\"b\": 2}",
            "{\"a\": NaN}", "{\"a\": 1 /* comment */}", "  \n ", new string('[', 100) + new string(']', 100),
        ];

        await SweepAsync(world, RouteCatalogue.Taking(BodyKind.Json).SelectMany(route =>
            malformed.Select(json => Expect(world.Valid(route) with { Json = json }, 400, NotJson))));
    }

    [Theory]
    [OnEachDatabase]
    public async Task JsonWithTextThatIsNotUnicode_Answers400(Backend backend)
    {
        await using var world = await SweepWorld.StartAsync(backend);

        await SweepAsync(world, RouteCatalogue.Taking(BodyKind.Json).SelectMany(route =>
        {
            var valid = world.Valid(route);
            var utf8 = Encoding.UTF8.GetBytes(valid.Json);
            var endOfFirstName = Array.IndexOf(utf8, (byte)'"', 2);
            return new[]
            {
                // Raw bytes that are not UTF-8 in a property name, then as a value.
                Expect(valid with { RawBody = [.. utf8[..endOfFirstName], 0xFF, .. utf8[endOfFirstName..]] }, 400, "The body is not valid UTF-8."),
                Expect(valid with { RawBody = [.. "{\"title\": \"a"u8, 0xC3, 0x28, .. "b\"}"u8] }, 400, "The body is not valid UTF-8."),
                Expect(valid with { Json = "{\"title\": \"lone \\uD800 surrogate\"}" }, 400, "The body holds a \\u escape that is not a character"),
                Expect(valid with { Json = "{\"title\": \"\\uDC00 low first\", \"ids\": [1]}" }, 400, "The body holds a \\u escape that is not a character"),
                Expect(valid with { Json = "{\"\\uD83D\": true}" }, 400, "The body holds a \\u escape that is not a character"),
            };
        }));
    }

    [Fact]
    public async Task JsonOfTheWrongShape_Answers400()
    {
        await using var world = await SweepWorld.StartAsync();

        await SweepAsync(world, RouteCatalogue.Taking(BodyKind.Json).SelectMany(route =>
        {
            var valid = world.Valid(route);
            var notObjects = new[] { "[]", $"[{valid.Json}]", "5", "\"text\"", "null", "true" }
                .Select(json => Expect(valid with { Json = json }, 400, NotAnObject));
            var wrongTypes = WrongTypes(valid.Json).Select(json => Expect(valid with { Json = json }, 400));
            return notObjects.Concat(wrongTypes);
        }));
    }

    [Fact]
    public async Task BodiesLargerThanAnyNote_Answer413()
    {
        await using var world = await SweepWorld.StartAsync();
        var padding = new string('a', BodyLimit);

        var json = RouteCatalogue.Taking(BodyKind.Json).SelectMany(route =>
        {
            var valid = world.Valid(route);
            var padded = valid.Json[..^1] + $",\"padding\":\"{padding}\"}}";
            return new[] { Expect(valid with { Json = padded }, 413, TooLarge), Expect(valid with { Json = padded, Chunked = true }, 413, TooLarge) };
        });
        var forms = RouteCatalogue.Taking(BodyKind.Form).SelectMany(route =>
        {
            var valid = world.Valid(route);
            return new[]
            {
                Expect(valid with { Fields = Join(valid.Fields, "padding=" + padding) }, 413, TooLarge),
                Expect(valid with { Fields = Join(valid.Fields, "padding=" + padding), Chunked = true }, 413, TooLarge),
            };
        });
        await SweepAsync(world, json.Concat(forms));
    }

    [Fact]
    public async Task FormsThatCannotBeRead_Answer400()
    {
        await using var world = await SweepWorld.StartAsync();

        await SweepAsync(world, RouteCatalogue.Taking(BodyKind.Form).SelectMany(route =>
        {
            var valid = world.Valid(route);
            return new[]
            {
                // Small, but more fields than any form has.
                Expect(valid with { Fields = Join(valid.Fields, string.Join('&', Enumerable.Range(0, 2000).Select(i => $"f{i}=x"))) }, 400, UnreadableForm),
                // A multipart form (which pages take too) without its boundary, or whose body is not multipart.
                Expect(valid with { ContentType = "multipart/form-data" }, 400, UnreadableForm),
                Expect(valid with { ContentType = "multipart/form-data; boundary=sweep" }, 400, UnreadableForm),
            };
        }));
    }

    [Fact]
    public async Task BodiesOfTheWrongContentType_Answer415()
    {
        await using var world = await SweepWorld.StartAsync();

        var json = RouteCatalogue.Taking(BodyKind.Json).SelectMany(route =>
        {
            var valid = world.Valid(route);
            return NotJsonTypes.Select(type => Expect(valid with { ContentType = type }, 415, NotJsonType))
                .Append(Expect(valid with { ContentType = "application/json; charset=iso-8859-1" }, 415, "Send JSON encoded as UTF-8."));
        });
        var forms = RouteCatalogue.Taking(BodyKind.Form).SelectMany(route =>
        {
            var valid = world.Valid(route);
            return NotFormTypes.Select(type => Expect(valid with { ContentType = type }, 415, NotAForm))
                .Append(Expect(valid with { ContentType = "application/x-www-form-urlencoded; charset=iso-8859-1" }, 415, "Send the form encoded as UTF-8."));
        });
        await SweepAsync(world, json.Concat(forms));
    }

    /// <summary>The valid object with one property at a time given a value of another JSON type (null excepted: it clears a field).</summary>
    private static IEnumerable<string> WrongTypes(string validJson)
    {
        var valid = JsonNode.Parse(validJson)!.AsObject();
        foreach (var (name, value) in valid)
        {
            JsonNode?[] others = value!.GetValueKind() switch
            {
                JsonValueKind.String => [5, true, new JsonObject(), new JsonArray("x")],
                JsonValueKind.Array => ["text", 5, new JsonObject(), new JsonArray(new JsonArray()), new JsonArray(true)],
                JsonValueKind.Number => ["5", true, new JsonArray()],
                _ => ["text", 5],
            };
            foreach (var other in others)
            {
                var spoiled = JsonNode.Parse(validJson)!.AsObject();
                spoiled[name] = other;
                yield return spoiled.ToJsonString();
            }
        }
    }
}
