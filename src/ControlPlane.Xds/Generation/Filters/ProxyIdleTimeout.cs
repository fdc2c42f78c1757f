namespace ControlPlane.Xds.Generation.Filters;

using System.Globalization;
using ControlPlane.Model.Proxies;

/// <summary>
/// The proxy's <c>IDLE_TIMEOUT</c> node metadata in Go's <c>time.ParseDuration</c> form (<c>1h30m</c>, <c>90s</c>,
/// <c>1.5h</c>, <c>300ms</c>), istiod's <c>parseDuration</c>: absent or unparsable means no idle timeout. A negative value
/// is also dropped, since Envoy would reject the listener carrying it.
/// </summary>
internal static class ProxyIdleTimeout
{
    private const string Key = "IDLE_TIMEOUT";

    private static readonly (string Unit, double Ticks)[] Units =
    [
        ("ns", 0.01), ("us", 10), ("\u00b5s", 10), ("\u03bcs", 10), ("ms", TimeSpan.TicksPerMillisecond),
        ("s", TimeSpan.TicksPerSecond), ("m", TimeSpan.TicksPerMinute), ("h", TimeSpan.TicksPerHour),
    ];

    public static TimeSpan? Of(Proxy proxy) =>
        proxy.Metadata.TryGetValue(Key, out var text) && TryParseGoDuration(text, out var value) ? value : null;

    public static bool TryParseGoDuration(string text, out TimeSpan value)
    {
        value = TimeSpan.Zero;
        var rest = text.StartsWith('+') ? text[1..] : text;
        if (rest == "0")
        {
            return true;
        }

        double ticks = 0;
        if (rest.Length == 0)
        {
            return false;
        }

        while (rest.Length > 0)
        {
            if (!TryTakeNumber(ref rest, out var number) || !TryTakeUnit(ref rest, out var unitTicks))
            {
                return false;
            }

            ticks += number * unitTicks;
        }

        if (ticks > TimeSpan.MaxValue.Ticks)
        {
            return false;
        }

        value = TimeSpan.FromTicks((long)Math.Round(ticks));
        return true;
    }

    /// <summary>Digits with at most one decimal point (<c>.5</c> and <c>5.</c> are valid Go, <c>.</c> is not).</summary>
    private static bool TryTakeNumber(ref string rest, out double number)
    {
        var length = 0;
        while (length < rest.Length && (char.IsAsciiDigit(rest[length]) || rest[length] == '.'))
        {
            length++;
        }

        var digits = rest[..length];
        rest = rest[length..];
        number = 0;
        return digits.Length > 0 && digits != "." && digits.Count(c => c == '.') <= 1
            && double.TryParse(digits, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out number);
    }

    private static bool TryTakeUnit(ref string rest, out double ticks)
    {
        foreach (var (unit, unitTicks) in Units.OrderByDescending(u => u.Unit.Length))
        {
            if (rest.StartsWith(unit, StringComparison.Ordinal))
            {
                rest = rest[unit.Length..];
                ticks = unitTicks;
                return true;
            }
        }

        ticks = 0;
        return false;
    }
}
