using System.Net;
using Amazon.S3;
using DocManager.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace DocManager.Tests.Faults;

/// <summary>
/// The S3 store cannot be reached from one instance (its endpoint is down, or the network to it):
/// downloads and uploads there answer 503 quickly and store nothing, `/readyz` names the file store,
/// and the instances that can reach it go on as before.
/// </summary>
public sealed class S3OutageTests
{
    [Fact]
    public async Task StoreUnreachable_DownloadsAndUploadsAnswer503Quickly_StoreNothing_AndOtherInstancesGoOn()
    {
        await using var app = await TestApp.StartAsync(Backend.Postgres, store: FileStoreKind.S3);
        var healthy = app.Instance;
        using var browser = await healthy.NewUserAsync();
        var file = TestFile.Pdf("kept.pdf");
        var id = await browser.UploadDocumentAsync(file);

        // GIVEN a second instance whose S3 endpoint answers nothing (a port nobody listens on)
        var cutOff = app.StartInstance(services =>
        {
            var options = TestS3.Options(app.Environment.S3Bucket!);
            options.ServiceUrl = $"http://127.0.0.1:{Processes.FreePort()}";
            services.RemoveAll<IAmazonS3>();
            services.AddSingleton<IAmazonS3>(options.CreateClient());
        });
        using var there = await cutOff.SignInElsewhereAsync(browser.UserName);

        var api = there.Api();
        await api.CsrfTokenAsync();

        // THEN there, a download and uploads through the form and the API fail fast and clearly
        await OutageSteps.AssertUnavailablePageAsync(() => there.GetAsync($"/files/{id}"));
        await OutageSteps.AssertUnavailableProblemAsync(() => api.UploadAsync([TestFile.Pdf("lost.pdf")]));
        await OutageSteps.AssertUnavailablePageAsync(() => there.UploadAsync(TestFile.Pdf("lost-too.pdf")));
        await OutageSteps.AssertAliveButNotReadyAsync(there, "files");

        // AND nothing was stored, while the instance that reaches the store serves the same file
        using var download = await browser.GetAsync($"/files/{id}");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(file.Content, await download.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
        Assert.Single(await app.DocumentsAsync());
        Assert.Single(await TestS3.ObjectsAsync(app.Environment.S3Bucket!));
        var result = await healthy.Service<DocManager.Integrity.IntegrityCheck>().RunAsync(TestContext.Current.CancellationToken);
        Assert.True(result.Healthy);
        Assert.Equal(1, result.Checked);
    }
}
