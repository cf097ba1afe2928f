using System.Net;

namespace DocManager.Tests.Infrastructure;

/// <summary>What an owner does to an existing document through its real forms: edit, unshare, delete.</summary>
public static class DocumentChangeSteps
{
    /// <summary>Fills the edit form (keeping every field not named) and submits it, which must succeed.</summary>
    public static async Task EditDocumentAsync(this Browser owner, int documentId, params KeyValuePair<string, string>[] fields)
    {
        using var response = await owner.SubmitAsync($"/documents/{documentId}/edit", $"/documents/{documentId}/edit", fields);
        Assert.True(response.StatusCode == HttpStatusCode.SeeOther, $"editing {documentId} answered {(int)response.StatusCode}");
    }

    /// <summary>Takes a viewer's access back with the form on the details page, which must succeed.</summary>
    public static async Task UnshareDocumentAsync(this Browser owner, int documentId, int viewerId)
    {
        using var response = await owner.SubmitAsync($"/documents/{documentId}", $"/documents/{documentId}/shares/{viewerId}/delete");
        Assert.True(response.StatusCode == HttpStatusCode.SeeOther, $"unsharing {documentId} answered {(int)response.StatusCode}");
    }

    /// <summary>Deletes a document with the confirmation form, which must succeed.</summary>
    public static async Task DeleteDocumentAsync(this Browser owner, int documentId)
    {
        using var response = await owner.SubmitAsync($"/documents/{documentId}/delete", $"/documents/{documentId}/delete");
        Assert.True(response.StatusCode == HttpStatusCode.SeeOther, $"deleting {documentId} answered {(int)response.StatusCode}");
    }
}
