namespace ControlPlane.Kubernetes.Converters;

using System.Collections.Frozen;
using ControlPlane.Kubernetes.Validation;
using ControlPlane.Model.Config.VirtualServices;

/// <summary>
/// Istio HTTPFaultInjection with istiod's checks (<c>validateHTTPFaultInjection</c>): at least one of delay and abort,
/// percentages within 0-100, a fixed delay of at least 1 ms, an HTTP status within 200-600 or a gRPC status name.
/// What istiod accepts but does not translate (an abort without a status, a delay without fixedDelay) is a warning.
/// </summary>
internal static class HttpFaultConverter
{
    /// <summary>istiod's <c>grpc.SupportedGRPCStatus</c>: the canonical code names and their numbers.</summary>
    private static readonly FrozenDictionary<string, int> GrpcStatuses = new Dictionary<string, int>(StringComparer.Ordinal)
    {
        ["OK"] = 0, ["CANCELLED"] = 1, ["UNKNOWN"] = 2, ["INVALID_ARGUMENT"] = 3, ["DEADLINE_EXCEEDED"] = 4,
        ["NOT_FOUND"] = 5, ["ALREADY_EXISTS"] = 6, ["PERMISSION_DENIED"] = 7, ["RESOURCE_EXHAUSTED"] = 8,
        ["FAILED_PRECONDITION"] = 9, ["ABORTED"] = 10, ["OUT_OF_RANGE"] = 11, ["UNIMPLEMENTED"] = 12, ["INTERNAL"] = 13,
        ["UNAVAILABLE"] = 14, ["DATA_LOSS"] = 15, ["UNAUTHENTICATED"] = 16,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    public static HttpFaultInjection? Convert(FieldReader fault)
    {
        var delay = fault.Object("delay") is { } d ? ConvertDelay(d) : null;
        var abort = fault.Object("abort") is { } a ? ConvertAbort(a) : null;
        if (!fault.Has("delay") && !fault.Has("abort"))
        {
            fault.Error("", "HTTP fault injection must have an abort and/or a delay");
            return null;
        }

        return new HttpFaultInjection(delay, abort);
    }

    private static HttpFaultDelay ConvertDelay(FieldReader delay)
    {
        var percentage = PercentConverter.Read(delay, "percentage");
        var legacy = delay.Int("percent", 0, 100) ?? 0;
        var fixedDelay = IstioDurationRules.Read(delay, "fixedDelay");
        if (delay.Has("exponentialDelay"))
        {
            IstioDurationRules.Read(delay, "exponentialDelay");
            delay.Error("exponentialDelay", "exponentialDelay not supported yet");
        }
        else if (!delay.Has("fixedDelay"))
        {
            delay.Warning("", "delay configured without fixedDelay; istiod injects no delay for it");
        }

        return new HttpFaultDelay(fixedDelay, percentage, legacy);
    }

    private static HttpFaultAbort ConvertAbort(FieldReader abort)
    {
        var percentage = PercentConverter.Read(abort, "percentage");
        var httpStatus = abort.Int("httpStatus", 200, 600);
        var grpcStatus = abort.String("grpcStatus") is { } name ? GrpcStatus(abort, name) : null;
        var kinds = new[] { "httpStatus", "grpcStatus", "http2Error" }.Count(abort.Has);
        if (kinds > 1)
        {
            abort.Error("", "must set only one of httpStatus, grpcStatus and http2Error");
        }

        if (abort.Raw("http2Error") is not null)
        {
            abort.Error("http2Error", "HTTP/2 abort fault injection not supported yet");
        }
        else if (!abort.Has("httpStatus") && !abort.Has("grpcStatus"))
        {
            abort.Warning("", "abort configured, but error type not set");
        }

        return new HttpFaultAbort(httpStatus, grpcStatus, percentage);
    }

    private static int? GrpcStatus(FieldReader abort, string name)
    {
        if (GrpcStatuses.TryGetValue(name, out var code))
        {
            return code;
        }

        abort.Error("grpcStatus", $"gRPC status \"{name}\" is not supported; use a code name such as NOT_FOUND or UNAVAILABLE");
        return null;
    }
}
