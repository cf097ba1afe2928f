using System.Diagnostics.CodeAnalysis;

namespace DocManager.Documents;

/// <summary>
/// A request refused: the status to answer (400 invalid, 403 quota, 409 conflict, 413 too large,
/// 507 no room…) and the messages per field, shown beside the fields on a page and as a problem's
/// `errors` in the API. Whatever refused it, nothing was changed.
/// </summary>
public sealed record Refusal(int Status, IReadOnlyDictionary<string, IReadOnlyList<string>> Errors)
{
    /// <summary>The message a problem's `detail` and a one-line summary show.</summary>
    public string FirstMessage => Errors.Values.SelectMany(e => e).FirstOrDefault() ?? "";

    public static Refusal Invalid(string field, string message) => Of(StatusCodes.Status400BadRequest, field, message);

    public static Refusal Invalid(IReadOnlyDictionary<string, IReadOnlyList<string>> errors) => new(StatusCodes.Status400BadRequest, errors);

    public static Refusal Of(int status, string field, string message) =>
        new(status, new Dictionary<string, IReadOnlyList<string>> { [field] = [message] });
}

/// <summary>
/// What checking or writing documents gives: the value, or the <see cref="Refusal"/> that says why
/// not. The one result type of validation, the writer and the upload intake.
/// </summary>
public sealed class Outcome<T>
    where T : class
{
    internal Outcome(T? value, Refusal? refusal) => (Value, Refusal) = (value, refusal);

    public T? Value { get; }

    public Refusal? Refusal { get; }

    [MemberNotNullWhen(true, nameof(Value))]
    [MemberNotNullWhen(false, nameof(Refusal))]
    public bool Succeeded => Value is not null;

    public static implicit operator Outcome<T>(T value) => new(value, null);

    public static implicit operator Outcome<T>(Refusal refusal) => new(null, refusal);
}

public static class Outcome
{
    /// <summary>A value as an outcome, also where <typeparamref name="T"/> is an interface (C# applies no implicit operator there).</summary>
    public static Outcome<T> Success<T>(T value)
        where T : class => new(value, null);
}
