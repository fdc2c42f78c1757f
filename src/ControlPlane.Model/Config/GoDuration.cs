namespace ControlPlane.Model.Config;

using System.Globalization;

/// <summary>
/// Parses durations the way Istio accepts them in YAML: Go's <c>time.ParseDuration</c> form (<c>1h2m3s</c>,
/// <c>100ms</c>, <c>1.5s</c>), which also covers protobuf's JSON form (<c>0.5s</c>). Negative values are refused.
/// </summary>
public static class GoDuration
{
    private static readonly (string Unit, double Ticks)[] Units =
    [
        ("ns", 0.01), ("us", 10), ("µs", 10), ("μs", 10), ("ms", TimeSpan.TicksPerMillisecond),
        ("s", TimeSpan.TicksPerSecond), ("m", TimeSpan.TicksPerMinute), ("h", TimeSpan.TicksPerHour),
    ];

    public static bool TryParse(string text, out TimeSpan value)
    {
        value = TimeSpan.Zero;
        if (text == "0")
        {
            return true;
        }

        var rest = text.StartsWith('+') ? text[1..] : text;
        if (rest.Length == 0)
        {
            return false;
        }

        double ticks = 0;
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

    private static bool TryTakeNumber(ref string rest, out double number)
    {
        var length = 0;
        while (length < rest.Length && (char.IsAsciiDigit(rest[length]) || rest[length] == '.'))
        {
            length++;
        }

        number = 0;
        var digits = rest[..length];
        rest = rest[length..];
        return digits.Length > 0 && digits != "." && digits.Count(c => c == '.') <= 1
            && double.TryParse(digits, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out number);
    }

    private static bool TryTakeUnit(ref string rest, out double ticks)
    {
        // Longest units first so that "ms" is not read as "m" followed by garbage.
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
