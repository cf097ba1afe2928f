using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Options;

namespace DocManager.Accounts;

/// <summary>
/// Limits failed sign-ins per account (against guessing one password) and per client address
/// (against spraying many accounts). While either is over its limit, even a correct password is refused.
/// </summary>
public sealed class SignInThrottle(IFailureCounter counter, IOptions<SignInThrottleOptions> options)
{
    public async ValueTask<TimeSpan?> BlockedForAsync(string userName, IPAddress? address, CancellationToken cancellationToken)
    {
        var rules = options.Value;
        var account = await counter.BlockedForAsync(AccountKey(userName), rules.FailuresPerAccount, rules.Window, cancellationToken);
        var client = await counter.BlockedForAsync(AddressKey(address), rules.FailuresPerAddress, rules.Window, cancellationToken);
        return (account, client) switch
        {
            (null, null) => null,
            ({ } a, { } c) => a > c ? a : c,
            _ => account ?? client,
        };
    }

    public async ValueTask RecordFailureAsync(string userName, IPAddress? address, CancellationToken cancellationToken)
    {
        var rules = options.Value;
        await counter.RecordFailureAsync(AccountKey(userName), rules.FailuresPerAccount, rules.Window, cancellationToken);
        await counter.RecordFailureAsync(AddressKey(address), rules.FailuresPerAddress, rules.Window, cancellationToken);
    }

    // Unknown user names are counted too, so the limit reveals nothing about which accounts exist.
    private static string AccountKey(string userName) => "account:" + User.Normalize(userName);

    /// <summary>An IPv6 client controls a whole /64, so the /64 is what is counted.</summary>
    private static string AddressKey(IPAddress? address)
    {
        if (address is null)
        {
            return "address:unknown";
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            var bytes = address.GetAddressBytes();
            Array.Clear(bytes, 8, 8);
            address = new IPAddress(bytes);
        }

        return "address:" + address;
    }
}
