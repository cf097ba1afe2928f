using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;

namespace DocManager.Tests.Infrastructure;

/// <summary>
/// Records what an S3 client really asked for and got back (from the SDK's own request events), so a
/// test can prove a file went up in parts or that a range download fetched only that range.
/// </summary>
public sealed class S3Traffic : IDisposable
{
    private readonly AmazonS3Client _client;
    private readonly List<AmazonWebServiceResponse> _responses = [];
    private readonly Lock _gate = new();

    public S3Traffic(IAmazonS3 client)
    {
        _client = (AmazonS3Client)client;
        _client.AfterResponseEvent += OnResponse;
    }

    /// <summary>Runs after each successful response, before the caller sees it (for fault injection).</summary>
    public Action<AmazonWebServiceResponse>? AfterResponse { get; set; }

    public IReadOnlyList<T> Responses<T>() where T : AmazonWebServiceResponse
    {
        lock (_gate)
        {
            return [.. _responses.OfType<T>()];
        }
    }

    /// <summary>How many bytes S3 sent in object bodies (each ranged GET answers with just its range).</summary>
    public long ObjectBytesSent => Responses<GetObjectResponse>().Sum(r => r.ContentLength);

    private void OnResponse(object sender, ResponseEventArgs e)
    {
        if (e is WebServiceResponseEventArgs { Response: { } response })
        {
            lock (_gate)
            {
                _responses.Add(response);
            }

            AfterResponse?.Invoke(response);
        }
    }

    public void Dispose() => _client.AfterResponseEvent -= OnResponse;
}
