using Microsoft.Extensions.Options;

namespace DocManager.Previews;

/// <summary>
/// The one gate through which the app runs external programs (pdftoppm, tesseract, soffice), for
/// background jobs only, never inside a request. It hands out workspaces — temporary folders
/// deleted when disposed — and lets at most <see cref="PreviewOptions.Concurrency"/> programs run
/// at once on this instance, so previews cannot take the CPU away from the site.
/// </summary>
public sealed class ContainedPrograms(IOptions<PreviewOptions> options, ILogger<ContainedPrograms> logger) : IDisposable
{
    private readonly SemaphoreSlim slots = new(Math.Max(1, options.Value.Concurrency));

    internal PreviewOptions Options => options.Value;

    internal ILogger Logger => logger;

    /// <summary>A new private folder (mode 700) for one job's input and output files.</summary>
    public ProgramWorkspace CreateWorkspace() => new(this, Directory.CreateTempSubdirectory("docmanager-program-"));

    /// <summary>Waits for a free slot; the wait does not count against the program's timeout.</summary>
    internal async Task<IDisposable> TakeSlotAsync(CancellationToken cancellationToken)
    {
        await slots.WaitAsync(cancellationToken);
        return new Slot(slots);
    }

    public void Dispose() => slots.Dispose();

    private sealed class Slot(SemaphoreSlim slots) : IDisposable
    {
        private int released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref released, 1) == 0)
            {
                slots.Release();
            }
        }
    }
}
