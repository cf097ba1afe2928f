namespace DocManager.Tests.Sweep;

/// <summary>
/// Junk in the headers that make a request conditional or partial. A `Range` the server cannot use is
/// ignored (RFC 9110 §14.2: the whole file, 200), one it cannot satisfy is a 416; a junk `If-None-Match`
/// matches nothing, so the answer is the usual one; a junk `If-Match` on a write is a 412, never ignored.
/// </summary>
public sealed partial class MalformedInputSweep
{
    /// <summary>Each odd `Range` and what a route serving byte ranges answers (0: the whole file with 200).</summary>
    private static readonly (string Range, int Status)[] OddRanges =
    [
        ("bytes=abc", 200), ("bytes=5-1", 200), ("bytes", 200), ("=", 200), ("bytes=,", 200), ("chars=0-1", 200),
        ("bytes=99999999999999999999-", 200), ("bytes=0-99999999999999999999", 200), ("bytes=-99999999999999999999", 200),
        ("bytes=1-2,3-4", 200), ("bytes=0-0,-1", 200), ("bytes=" + string.Join(',', Enumerable.Repeat("0-0", 500)), 200),
        ("bytes=-0", 416), ("bytes=100000000-", 416), ("bytes=0-", 206), ("bytes=-1", 206),
    ];

    private static readonly string[] JunkTags = ["\"abc", "W/", ",,,", "garbage", "\"\"", "\"a\", \"b\"", "W/\"1-1\"", "\"" + new string('a', 8000) + "\""];

    [Fact]
    public async Task OddRangeHeaders_AreIgnoredOrAnswered416_AndChangeNoOtherAnswer()
    {
        await using var world = await SweepWorld.StartAsync();
        var statuses = OddRanges.ToDictionary(odd => odd.Range, odd => odd.Status);

        await SweepAsync(world, await OnEveryReadAsync(world, "Range", statuses.Keys,
            (usual, range) => usual.AcceptRanges == "bytes" ? statuses[range] : usual.Status));
    }

    [Fact]
    public async Task JunkIfNoneMatch_ChangesNoAnswer()
    {
        await using var world = await SweepWorld.StartAsync();

        await SweepAsync(world, await OnEveryReadAsync(world, "If-None-Match", JunkTags, (usual, _) => usual.Status));
    }

    [Fact]
    public async Task JunkIfMatch_OnAWriteToAResourceWithAnETag_Answers412()
    {
        await using var world = await SweepWorld.StartAsync();
        var cases = new List<Case>();
        foreach (var route in RouteCatalogue.Routes.Where(r => !r.IsSafe))
        {
            // Only a resource that has an ETag can be written conditionally.
            var valid = world.Valid(route);
            var read = new SweepRequest(route with { Method = "GET", Body = BodyKind.None }, "GET", valid.Path, "", "", "");
            if ((await world.SendAsync(read)).ETag is null)
            {
                continue;
            }

            cases.AddRange(JunkTags.Select(junk => Expect(valid.WithHeader("If-Match", junk), 412)));
        }

        await SweepAsync(world, cases);
    }

    /// <summary>Each GET route's valid request with each value of the header, expected to answer as the route usually does, given its usual answer.</summary>
    private static async Task<List<Case>> OnEveryReadAsync(SweepWorld world, string header, IEnumerable<string> values, Func<SweepAnswer, string, int> expected)
    {
        var cases = new List<Case>();
        foreach (var route in RouteCatalogue.Routes.Where(r => r.IsSafe))
        {
            var valid = world.Valid(route);
            var usual = await world.SendAsync(valid);
            cases.AddRange(values.Select(value => Expect(valid.WithHeader(header, value), expected(usual, value))));
        }

        return cases;
    }
}
