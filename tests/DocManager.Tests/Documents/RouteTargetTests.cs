using System.Globalization;
using System.Net;
using DocManager.Tests.Infrastructure;

namespace DocManager.Tests.Documents;

/// <summary>
/// The document a POST changes is the one in its address: an `id` field in the body (a form
/// tampered with, or a script's mistake) never moves an edit or a delete to another document.
/// </summary>
public sealed class RouteTargetTests
{
    [Theory]
    [OnEachDatabase]
    public async Task Edit_WithAnotherIdInTheBody_ChangesTheDocumentInTheAddress(Backend backend)
    {
        await using var app = await TestApp.StartAsync(backend);
        using var browser = await app.NewUserAsync();
        var target = await browser.CreateNoteIdAsync("Target note");
        var bystander = await browser.CreateNoteIdAsync("Bystander note");

        using var response = await browser.SubmitAsync($"/documents/{target}/edit", $"/documents/{target}/edit",
            [new("title", "Target renamed"), new("id", bystander.ToString(CultureInfo.InvariantCulture))]);

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Equal($"/documents/{target}", response.Headers.Location?.OriginalString);
        var documents = await app.DocumentsAsync();
        Assert.Equal("Target renamed", documents.Single(d => d.Id == target).Title);
        Assert.Equal("Bystander note", documents.Single(d => d.Id == bystander).Title);
    }

    [Theory]
    [OnEachDatabase]
    public async Task Delete_WithAnotherIdInTheBody_DeletesTheDocumentInTheAddress(Backend backend)
    {
        await using var app = await TestApp.StartAsync(backend);
        using var browser = await app.NewUserAsync();
        var target = await browser.CreateNoteIdAsync("Delete me");
        var bystander = await browser.UploadDocumentAsync(TestFile.Pdf("keep me.pdf"));

        using var response = await browser.SubmitAsync($"/documents/{target}/delete", $"/documents/{target}/delete",
            [new("id", bystander.ToString(CultureInfo.InvariantCulture))]);

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Equal(bystander, Assert.Single(await app.DocumentsAsync()).Id);
        Assert.Single(app.StoredFiles());
    }
}
