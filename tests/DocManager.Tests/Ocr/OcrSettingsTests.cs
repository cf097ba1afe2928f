using DocManager.Ocr;
using DocManager.Previews;
using DocManager.Tests.Previews;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace DocManager.Tests.Ocr;

/// <summary>The `Ocr` section: languages that could be anything but language names stop the app at start; `Enabled` follows the program.</summary>
public sealed class OcrSettingsTests : IDisposable
{
    private readonly ProgramDoubles doubles = new();

    [Theory]
    [InlineData("eng; rm -rf /")]
    [InlineData("-l")]
    [InlineData("--tessdata-dir")]
    [InlineData("eng deu")]
    [InlineData("../eng")]
    [InlineData("/etc/passwd")]
    [InlineData("eng\n")]
    [InlineData("eng+")]
    [InlineData("+eng")]
    [InlineData("eng,deu")]
    [InlineData("éng")]
    [InlineData("")]
    public void JunkLanguages_AreRefusedAtStart(string languages)
    {
        using var services = Services(new() { ["Ocr:Languages"] = languages });

        var refused = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains("Ocr:Languages", refused.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("eng")]
    [InlineData("eng+deu")]
    [InlineData("chi_sim+eng")]
    public void LanguageNames_JoinedByPlus_AreAccepted(string languages)
    {
        using var services = Services(new() { ["Ocr:Languages"] = languages });

        services.GetRequiredService<IStartupValidator>().Validate();

        Assert.Equal(languages, services.GetRequiredService<IOptions<OcrOptions>>().Value.Languages);
    }

    [Fact]
    public void Defaults_AreEnglish_AndOnWhereTesseractIsFound()
    {
        doubles.Script(OcrReader.Program, "exit 0");
        using var services = Services(new() { ["Previews:ProgramsFolder"] = doubles.Folder });

        var options = services.GetRequiredService<IOptions<OcrOptions>>().Value;

        Assert.Equal("eng", options.Languages);
        Assert.True(options.Enabled);
        Assert.True(services.GetRequiredService<OcrReader>().Enabled);
    }

    [Fact]
    public void EnabledSetFalse_StaysOff_EvenWhereTesseractIsFound()
    {
        doubles.Script(OcrReader.Program, "exit 0");
        using var services = Services(new() { ["Previews:ProgramsFolder"] = doubles.Folder, ["Ocr:Enabled"] = "false" });

        Assert.False(services.GetRequiredService<IOptions<OcrOptions>>().Value.Enabled);
        Assert.False(services.GetRequiredService<OcrReader>().Enabled);
    }

    [Fact]
    public void Tesseract_IsLookedForInTheProgramsFolderThenOnPath_AsAnExecutableFile()
    {
        var empty = Path.Combine(doubles.Folder, "empty");
        Directory.CreateDirectory(empty);
        File.WriteAllText(Path.Combine(empty, "notes"), "");

        Assert.False(ProgramLookup.IsInstalled(OcrReader.Program, "", empty));
        Assert.False(ProgramLookup.IsInstalled(OcrReader.Program, empty, null));

        File.WriteAllText(Path.Combine(empty, OcrReader.Program), "not executable");
        Assert.False(ProgramLookup.IsInstalled(OcrReader.Program, "", empty));

        doubles.Script(OcrReader.Program, "exit 0");
        Assert.True(ProgramLookup.IsInstalled(OcrReader.Program, doubles.Folder, empty));
        Assert.True(ProgramLookup.IsInstalled(OcrReader.Program, "", empty + Path.PathSeparator + doubles.Folder));
    }

    [Theory]
    [InlineData("application/pdf", true)]
    [InlineData("image/png", true)]
    [InlineData("image/jpeg", true)]
    [InlineData("image/gif", true)]
    [InlineData("image/webp", true)]
    [InlineData("text/plain; charset=utf-8", false)]
    [InlineData("application/vnd.openxmlformats-officedocument.wordprocessingml.document", false)]
    [InlineData(null, false)]
    public void Supports_PdfsAndTheImageTypesThatArePreviewed(string? contentType, bool supported) =>
        Assert.Equal(supported, OcrReader.Supports(contentType));

    [Theory]
    [InlineData("", 1, true)]
    [InlineData(" \n\t ", 3, true)]
    [InlineData("Page 1 of 3 · Scanned by ACME", 3, true)]
    [InlineData("This page of a letter holds a couple of sentences, which is already more than any scan's stamp.", 1, false)]
    [InlineData("", 0, true)]
    public void NeedsOcr_WhenTheTextLayerHoldsNextToNothingPerPage(string extracted, int pages, bool needsOcr) =>
        Assert.Equal(needsOcr, OcrReader.NeedsOcr(extracted, pages));

    [Fact]
    public void APagesPixelWidth_Is300Dpi_UnlessThePageWouldExceedMaxPixels()
    {
        Assert.Equal(2480, PageScale.PixelWidth((595.28, 841.89), 50_000_000)); // A4

        var poster = PageScale.PixelWidth((14_400, 14_400), 50_000_000); // 200 in square: 60,000 px square at 300 dpi
        Assert.InRange((long)poster * poster, 49_000_000, 50_000_000);
    }

    private static ServiceProvider Services(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection().AddLogging().AddPreviews(configuration).AddOcr(configuration).BuildServiceProvider();
    }

    public void Dispose() => doubles.Dispose();
}
