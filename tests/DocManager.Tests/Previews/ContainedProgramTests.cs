using System.Diagnostics;
using System.Globalization;
using DocManager.Previews;

namespace DocManager.Tests.Previews;

/// <summary>
/// Issue 13 point 3: every external program is contained. Real processes under real prlimit, nice
/// and setsid; the misbehaving converters are shell scripts, since misbehaving on demand is what is tested.
/// </summary>
public sealed class ContainedProgramTests : IDisposable
{
    private readonly ProgramDoubles doubles = new();

    [Fact]
    public async Task HangingConverter_IsKilledWithItsChildrenAtTheTimeout_AndItsFolderIsDeleted()
    {
        var hang = doubles.Script("hang", "echo $$ > {evidence}/leader\nsleep 300 &\necho $! > {evidence}/child\nwait");
        using var programs = ProgramDoubles.Runner(new PreviewOptions { Timeout = TimeSpan.FromSeconds(1) });
        var clock = Stopwatch.StartNew();
        string folder;
        ProgramResult result;
        await using (var workspace = programs.CreateWorkspace())
        {
            folder = workspace.Folder;
            result = await workspace.RunAsync(hang, [], TestContext.Current.CancellationToken);
        }

        Assert.Equal(ProgramEnding.TimedOut, result.Ending);
        Assert.False(result.Succeeded);
        Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(6));
        Assert.False(Directory.Exists(folder));
        await doubles.WaitUntilGoneAsync("leader", "child");
    }

    [Fact]
    public async Task ChildThatLeftTheProcessTree_IsKilledWithTheProcessGroup()
    {
        // A subshell's background child is reparented away from the script at once: no longer a
        // descendant, only still in the program's process group.
        var escape = doubles.Script("escape", "(sleep 300 & echo $! > {evidence}/orphan)\nsleep 300");
        using var programs = ProgramDoubles.Runner(new PreviewOptions { Timeout = TimeSpan.FromSeconds(1) });
        await using (var workspace = programs.CreateWorkspace())
        {
            var result = await workspace.RunAsync(escape, [], TestContext.Current.CancellationToken);
            Assert.Equal(ProgramEnding.TimedOut, result.Ending);
        }

        await doubles.WaitUntilGoneAsync("orphan");
    }

    [Fact]
    public async Task MemoryHog_IsStoppedByTheAddressSpaceLimit()
    {
        // Doubles a string up to 1 GiB, then says so: under a 256 MiB limit it cannot get there.
        var hog = doubles.Script("hog", "awk 'BEGIN { s = \"x\"; while (length(s) < 2^30) s = s s; print \"allocated\" }'");
        using var programs = ProgramDoubles.Runner(new PreviewOptions { MemoryLimitMegabytes = 256 });
        await using var workspace = programs.CreateWorkspace();

        var result = await workspace.RunAsync(hog, [], TestContext.Current.CancellationToken);

        Assert.Equal(ProgramEnding.Failed, result.Ending);
        Assert.DoesNotContain("allocated", result.Output, StringComparison.Ordinal);
        Assert.NotEqual(0, result.ExitCode);
    }

    [Fact]
    public async Task SpinningProgram_IsStoppedByTheCpuLimit_BeforeTheWallClock()
    {
        var spin = doubles.Script("spin", "while :; do :; done");
        using var programs = ProgramDoubles.Runner(new PreviewOptions { CpuLimitSeconds = 1, Timeout = TimeSpan.FromSeconds(30) });
        await using var workspace = programs.CreateWorkspace();

        var result = await workspace.RunAsync(spin, [], TestContext.Current.CancellationToken);

        Assert.Equal(ProgramEnding.CpuLimitReached, result.Ending);
        Assert.True(result.Elapsed < TimeSpan.FromSeconds(15), $"took {result.Elapsed}");
    }

    [Fact]
    public async Task ProgramsRunAtLowerPriority_InTheirWorkspace_WithoutTheAppsEnvironment()
    {
        using var programs = ProgramDoubles.Runner(new PreviewOptions());
        await using var workspace = programs.CreateWorkspace();

        var result = await workspace.RunAsync("sh", ["-c", "nice; pwd; echo \"[$DOCMANAGER_SECRET_PROBE]\""], TestContext.Current.CancellationToken);

        Assert.True(result.Succeeded, result.Reason);
        var lines = result.Output.Split('\n');
        Assert.Equal("10", lines[0]);
        Assert.Equal(workspace.Folder, lines[1]);
        Assert.Equal("[]", lines[2]);
    }

    [Fact]
    public async Task WorkspaceFolder_IsDeletedAfterSuccessAndAfterFailure()
    {
        using var programs = ProgramDoubles.Runner(new PreviewOptions());
        foreach (var (program, succeeds) in new[] { ("true", true), ("false", false) })
        {
            string folder;
            await using (var workspace = programs.CreateWorkspace())
            {
                folder = workspace.Folder;
                var result = await workspace.RunAsync("sh", ["-c", $"mkdir -p left/behind && touch left/behind/file && chmod 500 left && {program}"], TestContext.Current.CancellationToken);
                Assert.Equal(succeeds, result.Succeeded);
                Assert.True(File.Exists(workspace.PathOf("left/behind/file")));
                if (!succeeds)
                {
                    Assert.Equal("exit code 1", result.Reason);
                }
            }

            Assert.False(Directory.Exists(folder), $"{folder} is left after {program}");
        }
    }

    [Fact]
    public async Task EndlessOutput_IsKeptOnlyUpToTheBound_WithoutBlockingTheProgram()
    {
        using var programs = ProgramDoubles.Runner(new PreviewOptions { MaxCapturedOutputBytes = 1000 });
        await using var workspace = programs.CreateWorkspace();

        var result = await workspace.RunAsync("head", ["-c", "20000000", "/dev/zero"], TestContext.Current.CancellationToken);

        Assert.True(result.Succeeded, result.Reason);
        Assert.Equal(1000, result.Output.Length);
    }

    [Theory]
    [InlineData(1, false)]
    [InlineData(2, true)]
    public async Task RunsAtOnce_AreBoundedByConcurrency(int concurrency, bool overlap)
    {
        var stamp = doubles.Script("stamp", "echo \"start $(date +%s%N)\" >> {evidence}/log\nsleep 0.5\necho \"end $(date +%s%N)\" >> {evidence}/log");
        using var programs = ProgramDoubles.Runner(new PreviewOptions { Concurrency = concurrency });

        await Task.WhenAll(Enumerable.Range(0, 2).Select(async _ =>
        {
            await using var workspace = programs.CreateWorkspace();
            var result = await workspace.RunAsync(stamp, [], TestContext.Current.CancellationToken);
            Assert.True(result.Succeeded, result.Reason);
        }));

        // Ordered by time, runs that never overlap read start, end, start, end.
        var events = doubles.Evidence("log").Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split(' '))
            .OrderBy(parts => long.Parse(parts[1], CultureInfo.InvariantCulture))
            .Select(parts => parts[0]);
        Assert.Equal(overlap, !events.SequenceEqual(["start", "end", "start", "end"]));
    }

    public void Dispose() => doubles.Dispose();
}
