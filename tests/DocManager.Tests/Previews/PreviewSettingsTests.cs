using DocManager.Previews;
using DocManager.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace DocManager.Tests.Previews;

/// <summary>The `Previews` section (SPEC §6) reaches the app's own rasteriser and program gate.</summary>
public sealed class PreviewSettingsTests
{
    [Fact]
    public async Task DefaultsAreTheSpecs()
    {
        await using var app = await TestApp.StartAsync(Backend.Sqlite);
        var options = app.Instance.Service<IOptions<PreviewOptions>>().Value;

        Assert.Equal(50, options.MaxPages);
        Assert.Equal(TimeSpan.FromMinutes(1), options.Timeout);
        Assert.Equal("", options.Office);
        Assert.Equal(1, options.Concurrency);
        Assert.Equal(50_000_000, options.MaxPixels);
    }

    [Theory]
    [InlineData("MaxPages", "0")]
    [InlineData("MaxPages", "10000")]
    [InlineData("Timeout", "00:00:00")]
    [InlineData("Concurrency", "0")]
    [InlineData("MemoryLimitMegabytes", "1")]
    [InlineData("CpuLimitSeconds", "0")]
    [InlineData("MaxPixels", "0")]
    public void AnImpossibleSetting_StopsTheAppAtStart_NamingTheKey(string key, string value)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Previews:" + key] = value }).Build();
        using var services = new ServiceCollection().AddLogging().AddPreviews(configuration).BuildServiceProvider();

        var refused = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains("Previews:" + key, refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConfiguredMaxPages_BoundsWhatTheAppsRasterizerRenders()
    {
        var settings = new Dictionary<string, string?> { ["Previews:MaxPages"] = "1", ["Previews:Timeout"] = "00:00:20" };
        await using var app = await TestApp.StartAsync(Backend.Sqlite, settings);
        using var pdf = new MemoryStream(MultiPagePdf.Create("two.pdf", "one", "two").Content);

        var result = await app.Instance.Service<PdfRasterizer>().RenderAsync(pdf, TestContext.Current.CancellationToken);

        Assert.True(result.Succeeded, result.FailureReason);
        Assert.Equal(2, result.Pdf!.PageCount);
        Assert.Single(result.Pdf.Pages);
        Assert.Equal(TimeSpan.FromSeconds(20), app.Instance.Service<IOptions<PreviewOptions>>().Value.Timeout);
    }
}
