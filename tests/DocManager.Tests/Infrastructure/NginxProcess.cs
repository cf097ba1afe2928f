using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace DocManager.Tests.Infrastructure;

/// <summary>
/// A throwaway, unprivileged nginx in front of the test's app instances: the proxy settings of the
/// sample `deploy/nginx.conf` (the part between its `docmanager-proxy` markers, and its upstream's
/// options) on a plain-HTTP loopback port, with its own prefix, pid, logs and temporary folders.
/// One process (`master_process off`), so killing it leaves no workers behind.
/// </summary>
public sealed partial class NginxProcess : IAsyncDisposable
{
    public const string Binary = "/usr/sbin/nginx";

    private readonly ChildProcess _process;
    private readonly string _directory;

    private NginxProcess(ChildProcess process, string directory, Uri baseAddress)
    {
        _process = process;
        _directory = directory;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public string ErrorLog => File.Exists(Path.Combine(_directory, "error.log")) ? File.ReadAllText(Path.Combine(_directory, "error.log")) : "";

    /// <summary>The sample configuration as shipped in the repository (copied beside the tests).</summary>
    public static string SampleConfiguration => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "deploy", "nginx.conf"));

    public static async Task<NginxProcess> StartAsync(IEnumerable<Uri> instances, string directory)
    {
        if (!File.Exists(Binary))
        {
            throw new InvalidOperationException($"nginx is not installed ({Binary}): run ./test.sh, which installs it with apt-get.");
        }

        Directory.CreateDirectory(directory);
        var port = FreePort();
        var configuration = Path.Combine(directory, "nginx.conf");
        await File.WriteAllTextAsync(configuration, Configuration(instances, port, directory));

        var start = new ProcessStartInfo(Binary);
        foreach (var argument in new[] { "-p", directory + "/", "-c", configuration, "-e", Path.Combine(directory, "error.log") })
        {
            start.ArgumentList.Add(argument);
        }

        var process = ChildProcess.Start(start);
        var nginx = new NginxProcess(process, directory, new Uri($"http://127.0.0.1:{port}/"));
        await nginx.WaitUntilListeningAsync(port);
        return nginx;
    }

    /// <summary>The test's nginx.conf: sample proxy settings, test upstreams, everything else in <paramref name="directory"/>.</summary>
    public static string Configuration(IEnumerable<Uri> instances, int port, string directory)
    {
        var sample = SampleConfiguration;
        var proxy = ProxySection().Match(sample);
        var upstream = UpstreamBlock().Match(sample);
        if (!proxy.Success || !upstream.Success)
        {
            throw new InvalidOperationException("deploy/nginx.conf has lost its docmanager-proxy markers or its `upstream docmanager` block.");
        }

        // The sample's server lines give the options every instance gets (max_fails, …); the other
        // lines of the block (keepalive) are kept as they are.
        var sampleServers = UpstreamServer().Matches(upstream.Groups[1].Value);
        var serverOptions = sampleServers.Count > 0 ? sampleServers[0].Groups[1].Value : "";
        var upstreamRest = UpstreamServer().Replace(upstream.Groups[1].Value, "");
        var servers = string.Concat(instances.Select(i => $"        server 127.0.0.1:{i.Port}{serverOptions};\n"));
        return string.Create(CultureInfo.InvariantCulture, $$"""
            daemon off;
            master_process off;
            worker_processes 1;
            pid {{directory}}/nginx.pid;
            error_log {{directory}}/error.log warn;

            events {
                worker_connections 1024;
            }

            http {
                server_tokens off;
                access_log {{directory}}/access.log;
                client_body_temp_path {{directory}}/client_body;
                proxy_temp_path {{directory}}/proxy;
                fastcgi_temp_path {{directory}}/fastcgi;
                uwsgi_temp_path {{directory}}/uwsgi;
                scgi_temp_path {{directory}}/scgi;

                upstream docmanager {
            {{servers}}{{upstreamRest}}
                }

                server {
                    listen 127.0.0.1:{{port}};
                    server_name localhost;
            {{proxy.Groups[1].Value}}
                }
            }
            """);
    }

    public ValueTask DisposeAsync() => _process.DisposeAsync();

    private async Task WaitUntilListeningAsync(int port)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(15);
        while (DateTime.UtcNow < deadline && !_process.HasExited)
        {
            using var probe = new TcpClient();
            try
            {
                await probe.ConnectAsync(IPAddress.Loopback, port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(50);
            }
        }

        await _process.DisposeAsync();
        throw new InvalidOperationException($"nginx did not start. Its output:\n{_process.Output}\nIts error log:\n{ErrorLog}");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [GeneratedRegex(@"# --- docmanager-proxy: begin ---\n(.*?)\n\s*# --- docmanager-proxy: end ---", RegexOptions.Singleline)]
    private static partial Regex ProxySection();

    [GeneratedRegex(@"upstream docmanager \{\n(.*?)\n\s*\}", RegexOptions.Singleline)]
    private static partial Regex UpstreamBlock();

    [GeneratedRegex(@"^\s*server \S+?(( [a-z_]+=\S+?)*);[^\n]*\n?", RegexOptions.Multiline)]
    private static partial Regex UpstreamServer();
}
