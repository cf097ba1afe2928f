using System.Globalization;
using System.Text;

namespace DocManager.Bench.Search;

/// <summary>
/// Generated text with English word frequencies (a vocabulary of 4,000 words with their counts in
/// a large body of technical prose), so common words are common and rare words rare, as in real files.
/// </summary>
internal sealed class Corpus
{
    private readonly string[] _words;
    private readonly double[] _cumulative;
    private readonly Random _random;

    public Corpus(string path, int seed)
    {
        var entries = File.ReadAllLines(path).Select(l => l.Split(' ')).Select(p => (Word: p[0], Count: double.Parse(p[1], CultureInfo.InvariantCulture))).ToArray();
        _words = [.. entries.Select(e => e.Word)];
        _cumulative = new double[entries.Length];
        double total = 0;
        for (var i = 0; i < entries.Length; i++)
        {
            total += entries[i].Count;
            _cumulative[i] = total;
        }

        for (var i = 0; i < _cumulative.Length; i++)
        {
            _cumulative[i] /= total;
        }

        _random = new Random(seed);
    }

    public IReadOnlyList<string> Vocabulary => _words;

    public Random Random => _random;

    public string Word()
    {
        var index = Array.BinarySearch(_cumulative, _random.NextDouble());
        return _words[index < 0 ? ~index : index];
    }

    public string Words(int min, int max)
    {
        var count = _random.Next(min, max + 1);
        var text = new StringBuilder();
        for (var i = 0; i < count; i++)
        {
            if (i > 0)
            {
                text.Append(i % 14 == 0 ? ". " : " ");
            }

            text.Append(Word());
        }

        return text.ToString();
    }

    public string Title()
    {
        var title = Words(3, 7);
        return char.ToUpperInvariant(title[0]) + title[1..];
    }
}
