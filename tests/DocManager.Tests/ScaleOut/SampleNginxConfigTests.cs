using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.RegularExpressions;
using DocManager.Documents;
using DocManager.Intake;
using DocManager.Tests.Infrastructure;

namespace DocManager.Tests.ScaleOut;

/// <summary>The sample `deploy/nginx.conf` is a configuration nginx accepts, with limits that match the app's.</summary>
public sealed partial class SampleNginxConfigTests
{
    [Fact]
    public async Task Sample_WithItsCertificatePlaceholdersFilledIn_PassesNginxsOwnCheck()
    {
        var directory = Directory.CreateTempSubdirectory("docmanager-nginx-sample-").FullName;
        try
        {
            // GIVEN a real certificate and key where the sample has placeholders
            using var key = RSA.Create(2048);
            var request = new CertificateRequest("CN=docs.example.com", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddDays(1));
            var certificatePath = Path.Combine(directory, "fullchain.pem");
            var keyPath = Path.Combine(directory, "key.pem");
            await File.WriteAllTextAsync(certificatePath, certificate.ExportCertificatePem(), TestContext.Current.CancellationToken);
            await File.WriteAllTextAsync(keyPath, key.ExportPkcs8PrivateKeyPem(), TestContext.Current.CancellationToken);
            var configuration = Path.Combine(directory, "nginx.conf");
            await File.WriteAllTextAsync(configuration, NginxProcess.SampleConfiguration
                .Replace("/etc/ssl/certs/docs.example.com.fullchain.pem", certificatePath, StringComparison.Ordinal)
                .Replace("/etc/ssl/private/docs.example.com.key.pem", keyPath, StringComparison.Ordinal), TestContext.Current.CancellationToken);

            // WHEN nginx tests it
            var start = new ProcessStartInfo(NginxProcess.Binary) { RedirectStandardError = true, RedirectStandardOutput = true };
            foreach (var argument in new[] { "-t", "-p", directory + "/", "-c", configuration, "-e", Path.Combine(directory, "error.log"), "-g", $"pid {directory}/nginx.pid;" })
            {
                start.ArgumentList.Add(argument);
            }

            using var nginx = Process.Start(start)!;
            var output = await nginx.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
            await nginx.WaitForExitAsync(TestContext.Current.CancellationToken);

            // THEN it is accepted
            Assert.True(nginx.ExitCode == 0, output);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public void Sample_AcceptsTheLargestFileTheAppAccepts()
    {
        var size = ClientMaxBodySize().Match(NginxProcess.SampleConfiguration);
        Assert.True(size.Success, "the sample sets no client_max_body_size");
        var megabytes = long.Parse(size.Groups[1].Value, CultureInfo.InvariantCulture);
        var largestFile = new UploadLimits().MaxFileBytes;
        // Room for the multipart framing and the other fields, but not a different limit altogether.
        Assert.InRange(megabytes * 1024 * 1024, largestFile + 4096, largestFile * 2);
    }

    [GeneratedRegex(@"^\s*client_max_body_size (\d+)m;", RegexOptions.Multiline)]
    private static partial Regex ClientMaxBodySize();
}
