using System.Net;
using System.Text;

namespace DocManager.Tests.Infrastructure;

/// <summary>One Server-Sent Events block: an event (id, type, data) or a comment such as a heartbeat.</summary>
public sealed record ServerSentEvent(string? Id, string? Event, string? Data, string? Comment)
{
    public bool IsComment => Comment is not null && Id is null && Event is null && Data is null;
}

/// <summary>
/// Reads `GET /api/notifications/stream` as a browser's EventSource does: the response as soon as
/// its headers arrive, then one event block at a time (lines up to a blank line), each read bounded
/// by a timeout so a missing event fails the test instead of hanging it, saying what the stream did
/// send meanwhile.
/// </summary>
public sealed class EventStreamReader : IAsyncDisposable
{
    private readonly HttpResponseMessage _response;
    private readonly StreamReader _reader;
    private readonly List<ServerSentEvent> _received = [];

    private EventStreamReader(HttpResponseMessage response, StreamReader reader)
    {
        _response = response;
        _reader = reader;
    }

    public HttpResponseMessage Response => _response;

    /// <summary>Opens the stream, which must answer 200; <paramref name="lastEventId"/> resumes as a reconnecting EventSource does.</summary>
    public static async Task<EventStreamReader> OpenAsync(Browser browser, long? lastEventId = null, string url = "/api/notifications/stream")
    {
        var request = new HttpRequestMessage(HttpMethod.Get, new Uri(url, UriKind.Relative));
        request.Headers.Accept.ParseAdd("text/event-stream");
        if (lastEventId is { } id)
        {
            request.Headers.TryAddWithoutValidation("Last-Event-ID", id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        var response = await browser.Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, TestContext.Current.CancellationToken);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url} answered {(int)response.StatusCode}");
        var body = await response.Content.ReadAsStreamAsync(TestContext.Current.CancellationToken);
        return new EventStreamReader(response, new StreamReader(body, Encoding.UTF8));
    }

    /// <summary>The next block (event or comment), or null when the server ended the stream.</summary>
    public async Task<ServerSentEvent?> NextAsync(TimeSpan? timeout = null)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        limit.CancelAfter(timeout ?? TimeSpan.FromSeconds(10));
        string? id = null, type = null, comment = null;
        var data = new List<string>();
        var any = false;
        while (true)
        {
            string? line;
            try
            {
                line = await _reader.ReadLineAsync(limit.Token);
            }
            catch (OperationCanceledException) when (!TestContext.Current.CancellationToken.IsCancellationRequested)
            {
                throw new TimeoutException($"No complete event arrived on the stream within {(timeout ?? TimeSpan.FromSeconds(10)).TotalSeconds:0.#} s; {Received()}.");
            }

            if (line is null)
            {
                return any ? Keep(new ServerSentEvent(id, type, data.Count > 0 ? string.Join('\n', data) : null, comment)) : null;
            }

            if (line.Length == 0)
            {
                if (any)
                {
                    return Keep(new ServerSentEvent(id, type, data.Count > 0 ? string.Join('\n', data) : null, comment));
                }

                continue;
            }

            any = true;
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            var field = colon < 0 ? line : line[..colon];
            var value = colon < 0 ? "" : line[(colon + 1)..];
            value = value.StartsWith(' ') ? value[1..] : value;
            switch (field)
            {
                case "":
                    comment = value;
                    break;
                case "id":
                    id = value;
                    break;
                case "event":
                    type = value;
                    break;
                case "data":
                    data.Add(value);
                    break;
                default:
                    break; // `retry:` and unknown fields carry no event
            }
        }
    }

    /// <summary>The next event that carries data, skipping comments (heartbeats) and the `retry` block.</summary>
    public async Task<ServerSentEvent> NextEventAsync(TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(10));
        while (true)
        {
            var left = deadline - DateTime.UtcNow;
            var next = await NextAsync(left > TimeSpan.Zero ? left : TimeSpan.FromMilliseconds(1))
                ?? throw new InvalidOperationException("The stream ended before an event arrived.");
            if (next.Data is not null)
            {
                return next;
            }
        }
    }

    /// <summary>
    /// Reads until the server ends the stream, which must happen within <paramref name="within"/>
    /// (heartbeats do not count as activity), and returns the events that still arrived meanwhile.
    /// </summary>
    public async Task<List<ServerSentEvent>> ReadToEndAsync(TimeSpan within)
    {
        var deadline = DateTime.UtcNow + within;
        var events = new List<ServerSentEvent>();
        while (true)
        {
            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero)
            {
                throw new TimeoutException($"The stream did not end within {within.TotalSeconds} s; {Received()}.");
            }

            var next = await NextAsync(left);
            if (next is null)
            {
                return events;
            }

            if (next.Data is not null)
            {
                events.Add(next);
            }
        }
    }

    public ValueTask DisposeAsync()
    {
        _reader.Dispose();
        _response.Dispose();
        return ValueTask.CompletedTask;
    }

    private ServerSentEvent Keep(ServerSentEvent block)
    {
        _received.Add(block);
        return block;
    }

    /// <summary>What the stream has sent since it opened, for a failure message: heartbeats counted, events by id and data.</summary>
    private string Received()
    {
        var comments = _received.Count(b => b.IsComment);
        var events = _received.Where(b => b.Data is not null).Select(b => $"{b.Event ?? "message"} {b.Id}: {b.Data}").ToList();
        return $"since it opened the stream sent {comments} comment(s) (heartbeats) and {events.Count} event(s)" +
            (events.Count > 0 ? ": " + string.Join(" | ", events) : "");
    }
}
