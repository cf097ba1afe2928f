using System.Text;

namespace DocManager.Tests.Sweep;

public sealed partial class MalformedInputSweep
{
    /// <summary>A spoiled request and what it must answer: a status and, when given, the message a client reads.</summary>
    private sealed record Case(SweepRequest Request, Func<SweepAnswer, string?> Check);

    private static Case Expect(SweepRequest request, int status, string? detail = null) =>
        new(request, answer => Mismatch(request, answer, status, detail));

    /// <summary>
    /// Sends every case and collects what went wrong: a wrong answer, or any change to the app's state
    /// (after which the next cases are compared with the changed state, so one failure is reported once).
    /// </summary>
    private static async Task SweepAsync(SweepWorld world, IEnumerable<Case> cases)
    {
        var failures = new List<string>();
        var before = await world.StateAsync();
        var count = 0;
        foreach (var (request, check) in cases)
        {
            count++;
            var answer = await world.SendAsync(request);
            if (check(answer) is { } wrong)
            {
                failures.Add($"{request} → {answer}: {wrong}");
            }

            var after = await world.StateAsync();
            if (after != before)
            {
                failures.Add($"{request} → {answer}: changed {FirstDifference(before, after)}");
                before = after;
            }
        }

        Assert.True(count > 0, "the sweep sent nothing: no catalogued route takes this kind of input");
        Assert.True(failures.Count == 0, $"{failures.Count} of {count} requests:\n" + string.Join('\n', failures));
    }

    /// <summary>Why the answer is not the one expected, or null. Error answers under `/api` are problems; elsewhere HTML pages.</summary>
    private static string? Mismatch(SweepRequest request, SweepAnswer answer, int status, string? detail)
    {
        if (answer.Status != status)
        {
            return $"expected {status}";
        }

        // A 416 is the file's own answer (its type, `Content-Range: bytes */size`), not an error page.
        if (status >= 400 && status != 416)
        {
            var type = request.Path.StartsWith("/api/", StringComparison.Ordinal) ? "application/problem+json" : "text/html";
            if (answer.MediaType != type)
            {
                return $"expected {type}";
            }
        }

        return detail is not null && !(answer.Detail?.StartsWith(detail, StringComparison.Ordinal) ?? false) ? $"expected the message \"{detail}…\"" : null;
    }

    private static string FirstDifference(string before, string after)
    {
        var old = before.Split('\n');
        var now = after.Split('\n');
        var gone = old.Except(now).ToList();
        var added = now.Except(old).ToList();
        var text = new StringBuilder();
        text.Append(gone.Count > 0 ? "from " + string.Join(" / ", gone) : "");
        text.Append(added.Count > 0 ? " to " + string.Join(" / ", added) : "");
        return text.ToString();
    }
}
