using System.Globalization;
using DocManager.Bench.Load;

// The load benchmark's driver, run by bench/load.sh against a started app:
//   seed --url URL --documents N [--previews N] --env FILE   register users, fill them, write what wrk needs to FILE
//   run  --url URL --env FILE --wrk DIR [...]                 the wrk runs, the ceilings, the upload check, the tables
// --documents 0 seeds no "Load" user and --previews 0 (the default) no preview users; `run` measures what was seeded.
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
        var shell = "";
        if (Number("--documents") is not 0)
        {
            var session = await Seeder.SeedAsync(url, Number("--documents") ?? 1000, Console.Out, CancellationToken.None);
            shell += session.ToShell();
        }

        if (Number("--previews") is > 0 and var previews)
        {
            var session = await PreviewSeeder.SeedAsync(url, previews, Console.Out, CancellationToken.None);
            shell += session.ToShell();
        }

        await File.WriteAllTextAsync(Required("--env"), shell);
        return 0;
    }

    case "run":
    {
        var values = BenchSession.ReadValues(Required("--env"));
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
        var commandLine = Option("--command") ?? "bench/load.sh";

        async Task Publish(string section)
        {
            Console.WriteLine();
            Console.WriteLine(section);
            if (Option("--into") is { } into)
            {
                await Report.WriteIntoAsync(into, section);
            }
        }

        // The preview rows first: the upload row below leaves thousands of background jobs behind it.
        if (PreviewSession.FromEnvironment(values) is { } previews)
        {
            var results = await PreviewRun.RunAsync(options, previews, Number("--timed-runs") ?? 5, Console.Out, CancellationToken.None);
            await Publish(Report.PreviewSection(options, results, previews, Option("--load-before"), commandLine));
        }

        if (values.ContainsKey("BENCH_USER"))
        {
            var session = BenchSession.FromEnvironment(values);
            var results = await LoadRun.RunAsync(options, session, Console.Out, CancellationToken.None);
            var server = new ServerFigures(
                Option("--first-ok-ms") is { } first ? double.Parse(first, CultureInfo.InvariantCulture) : null,
                Long("--idle-rss-kib"), Long("--big-upload-growth-kib"), Long("--big-upload-bytes"), Option("--load-before"));
            await Publish(Report.Section(options, results, server, session.Documents, commandLine));
            return results.UploadProblem is null ? 0 : 1;
        }

        return 0;
    }

    default:
        Console.Error.WriteLine("usage: LoadBench seed|run --url URL ... (see bench/load.sh)");
        return 2;
}
