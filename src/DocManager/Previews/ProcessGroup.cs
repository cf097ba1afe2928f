using System.Runtime.InteropServices;

namespace DocManager.Previews;

/// <summary>
/// Kills a whole process group. Each contained program is started through `setsid`, so it leads a
/// group of its own and every child it forks (a converter's helpers, a shell's pipeline) is in it:
/// one signal to the group ends them all, even children already reparented away from the leader.
/// </summary>
internal static class ProcessGroup
{
    private const int SigKill = 9;

    public static void Kill(int leader)
    {
        // kill(2) with a negative pid signals the group; failing means the group is already gone.
        _ = SendSignal(-leader, SigKill);
    }

    // DllImport rather than LibraryImport: the generated marshalling needs unsafe code in the
    // whole project, and two ints need no marshalling at all.
#pragma warning disable SYSLIB1054
    [DllImport("libc", EntryPoint = "kill")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int SendSignal(int pid, int signal);
#pragma warning restore SYSLIB1054
}
