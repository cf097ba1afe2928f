using System.Globalization;

namespace DocManager.Bench.Load;

/// <summary>
/// What the wrk scripts need to act as the seeded user: the session and anti-forgery cookies with
/// the page's token, an anonymous login form's cookie and token, and the ids and words to ask for.
/// Handed to wrk as environment variables (the Lua scripts read them with os.getenv).
/// </summary>
public sealed record BenchSession(
    string UserName,
    string Password,
    string Cookies,
    string CsrfToken,
    string LoginCookies,
    string LoginToken,
    int FileId,
    string SearchWord,
    int Documents)
{
    public IReadOnlyDictionary<string, string> Environment() => new Dictionary<string, string>
    {
        ["BENCH_USER"] = UserName,
        ["BENCH_PASSWORD"] = Password,
        ["BENCH_COOKIES"] = Cookies,
        ["BENCH_CSRF_TOKEN"] = CsrfToken,
        ["BENCH_LOGIN_COOKIES"] = LoginCookies,
        ["BENCH_LOGIN_TOKEN"] = LoginToken,
        ["BENCH_FILE_ID"] = FileId.ToString(CultureInfo.InvariantCulture),
        ["BENCH_SEARCH"] = SearchWord,
        ["BENCH_DOCUMENTS"] = Documents.ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>As lines `NAME='value'` for a shell to source (values never contain a quote).</summary>
    public string ToShell() => string.Concat(Environment().Select(e => $"{e.Key}='{e.Value}'\n"));

    public static BenchSession FromEnvironment(IReadOnlyDictionary<string, string> values) => new(
        values["BENCH_USER"], values["BENCH_PASSWORD"], values["BENCH_COOKIES"], values["BENCH_CSRF_TOKEN"],
        values["BENCH_LOGIN_COOKIES"], values["BENCH_LOGIN_TOKEN"],
        int.Parse(values["BENCH_FILE_ID"], CultureInfo.InvariantCulture), values["BENCH_SEARCH"],
        int.Parse(values["BENCH_DOCUMENTS"], CultureInfo.InvariantCulture));

    public static BenchSession ReadShell(string path) => FromEnvironment(ReadValues(path));

    /// <summary>The `NAME='value'` lines `seed` wrote (this session's, and the preview rows' when seeded).</summary>
    public static IReadOnlyDictionary<string, string> ReadValues(string path) => File.ReadLines(path)
        .Select(line => line.Split('=', 2))
        .Where(parts => parts.Length == 2)
        .ToDictionary(parts => parts[0], parts => parts[1].Trim('\''));
}
