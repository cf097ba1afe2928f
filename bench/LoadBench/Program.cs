using System.Globalization;
using DocManager.Bench.Load;

// The load benchmark's driver, run by bench/load.sh against a started app:
//   seed --url URL --documents N --env FILE      register a user, fill it, write what wrk needs to FILE
//   run  --url URL --env FILE --wrk DIR [...]    the wrk runs, the ceilings, the upload check, the table
// See bench/load.sh for the options `run` takes.
var command = args.FirstOrDefault();
string? Option(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
string Required(string name) => Option(name) ?? throw new ArgumentException($"{name} is required");
int? Number(string name) => Option(name) is { } value ? int.Parse(value, CultureInfo.InvariantCulture) : null;
long? Long(string name) => Option(name) is { } value ? long.Parse(value, CultureInfo.InvariantCulture) : null;
var url = new Uri(Required("--url"));

switch (command)
{
    case "seed":
    {
        var session = await Seeder.SeedAsync(url, Number("--documents") ?? 1000, Console.Out, CancellationToken.None);
        await File.WriteAllTextAsync(Required("--env"), session.ToShell());
        return 0;
    }

    case "run":
    {
        var session = BenchSession.ReadShell(Required("--env"));
        var options = new LoadOptions(
            url,
            Required("--wrk"),
            TimeSpan.FromSeconds(Number("--duration") ?? 20),
            Number("--connections") ?? 64,
            Number("--threads") ?? 2,
            ServerPid: Number("--pid"),
            DataDirectory: Option("--data"),
            StaticUrl: Option("--static-url") is { } staticUrl ? new Uri(staticUrl) : null,
            DiskDirectory: Option("--disk"));
        var results = await LoadRun.RunAsync(options, session, Console.Out, CancellationToken.None);
        var server = new ServerFigures(
            Option("--first-ok-ms") is { } first ? double.Parse(first, CultureInfo.InvariantCulture) : null,
            Long("--idle-rss-kib"), Long("--big-upload-growth-kib"), Long("--big-upload-bytes"), Option("--load-before"));
        var section = Report.Section(options, results, server, session.Documents, Option("--command") ?? "bench/load.sh");
        Console.WriteLine();
        Console.WriteLine(section);
        if (Option("--into") is { } into)
        {
            await Report.WriteIntoAsync(into, section);
        }

        return results.UploadProblem is null ? 0 : 1;
    }

    default:
        Console.Error.WriteLine("usage: LoadBench seed|run --url URL ... (see bench/load.sh)");
        return 2;
}
