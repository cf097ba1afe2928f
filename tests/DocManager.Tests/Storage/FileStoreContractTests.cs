using DocManager.Storage;
using DocManager.Tests.Infrastructure;

namespace DocManager.Tests.Storage;

/// <summary>What every file store does, checked against the real folder store and the real S3 store.</summary>
public sealed class FileStoreContractTests
{
    public static TheoryData<FileStoreKind> Kinds => [FileStoreKind.FileSystem, FileStoreKind.S3];

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task Save_KeepsTheBytes_AndTakesTheStagedFile(FileStoreKind kind)
    {
        await using var test = await StoreUnderTest.CreateAsync(kind);
        var content = TestFile.RandomBytes(300_000);
        var staged = await test.StageAsync(content);
        var name = StoredName.New();

        await test.Store.SaveAsync(name, staged, Cancel);

        Assert.False(File.Exists(staged));
        Assert.True(await test.Store.ExistsAsync(name, Cancel));
        Assert.Equal(content, await test.ReadAsync(name));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task OpenRead_IsSeekable_SoARangeCanBeReadFromTheMiddle(FileStoreKind kind)
    {
        await using var test = await StoreUnderTest.CreateAsync(kind);
        var content = TestFile.RandomBytes(200_000);
        var name = await test.SaveAsync(content);

        await using var stream = (await test.Store.OpenReadAsync(name, Cancel))!;
        stream.Seek(150_000, SeekOrigin.Begin);
        var middle = new byte[1000];
        await stream.ReadExactlyAsync(middle, Cancel);

        Assert.True(stream.CanSeek);
        Assert.Equal(content.Length, stream.Length);
        Assert.Equal(content[150_000..151_000], middle);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task AMissingName_DoesNotExist_OpensAsNull_AndDeletesWithoutError(FileStoreKind kind)
    {
        await using var test = await StoreUnderTest.CreateAsync(kind);
        var name = StoredName.New();

        Assert.False(await test.Store.ExistsAsync(name, Cancel));
        Assert.Null(await test.Store.OpenReadAsync(name, Cancel));
        await test.Store.DeleteAsync(name, Cancel);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task Delete_RemovesTheFile(FileStoreKind kind)
    {
        await using var test = await StoreUnderTest.CreateAsync(kind);
        var kept = await test.SaveAsync([1, 2, 3]);
        var removed = await test.SaveAsync([4, 5, 6]);

        await test.Store.DeleteAsync(removed, Cancel);

        Assert.False(await test.Store.ExistsAsync(removed, Cancel));
        Assert.True(await test.Store.ExistsAsync(kept, Cancel));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task List_GivesEveryStoredName_WithWhenItWasWritten(FileStoreKind kind)
    {
        await using var test = await StoreUnderTest.CreateAsync(kind);
        var before = DateTimeOffset.UtcNow.AddSeconds(-5); // S3 keeps whole seconds
        var names = new[] { await test.SaveAsync([1]), await test.SaveAsync([2]), await test.SaveAsync([3]) };
        await test.StageAsync([4]); // an upload in progress is not stored yet

        var listed = new List<StoredFile>();
        await foreach (var file in test.Store.ListAsync(Cancel))
        {
            listed.Add(file);
        }

        Assert.Equal(names.Order(StringComparer.Ordinal), listed.Select(f => f.Name).Order(StringComparer.Ordinal));
        Assert.All(listed, file => Assert.InRange(file.LastModified, before, DateTimeOffset.UtcNow.AddSeconds(5)));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task NamesThatAreNotGenerated_AreRefused_BeforeTheStoreIsTouched(FileStoreKind kind)
    {
        await using var test = await StoreUnderTest.CreateAsync(kind);
        var staged = await test.StageAsync([1, 2, 3]);

        foreach (var name in new[] { "../../etc/passwd", "ABCDEF" + new string('0', 26), "report.pdf", "" })
        {
            await Assert.ThrowsAsync<ArgumentException>(() => test.Store.SaveAsync(name, staged, Cancel));
            await Assert.ThrowsAsync<ArgumentException>(() => test.Store.OpenReadAsync(name, Cancel));
            await Assert.ThrowsAsync<ArgumentException>(() => test.Store.ExistsAsync(name, Cancel));
            await Assert.ThrowsAsync<ArgumentException>(() => test.Store.DeleteAsync(name, Cancel));
        }

        Assert.True(File.Exists(staged));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task IsAvailable_WhenTheStoreCanBeUsed(FileStoreKind kind)
    {
        await using var test = await StoreUnderTest.CreateAsync(kind);

        Assert.True(await test.Store.IsAvailableAsync(Cancel));
    }
}
