using DocManager.Previews;
using Microsoft.Extensions.Options;

namespace DocManager.Ocr;

public static class OcrSetup
{
    /// <summary>
    /// OCR of scans and images (<see cref="OcrReader"/>). Its programs run through the gate that
    /// <see cref="PreviewsSetup.AddPreviews"/> registers, under the same `Previews` limits. Languages
    /// that are not plain language names stop the app at start rather than reach a command line.
    /// </summary>
    public static IServiceCollection AddOcr(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<OcrOptions>()
            .Bind(configuration.GetSection(OcrOptions.Section))
            .PostConfigure<IOptions<PreviewOptions>>((ocr, previews) => ocr.Enabled ??= OcrReader.IsInstalled(previews.Value))
            .Validate(ocr => OcrOptions.IsLanguageList(ocr.Languages),
                "Ocr:Languages must be tesseract language names of letters and underscores joined by '+', such as eng or eng+deu.")
            .ValidateOnStart();
        services.AddSingleton<OcrReader>();
        return services;
    }
}
