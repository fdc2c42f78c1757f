namespace ControlPlane.Host.Monitoring;

using ControlPlane.Model.State;

/// <summary><c>/ready</c>: 200 once every source has synced, else 503 naming the ones still syncing.</summary>
internal static class ReadyEndpoint
{
    public static IResult Handle(MeshReadiness readiness)
    {
        if (readiness.IsReady)
        {
            return Results.Text("ready\n");
        }

        var waiting = readiness.Status.Where(s => !s.Value).Select(s => s.Key);
        return Results.Text($"not ready: waiting for {string.Join(", ", waiting)}\n", statusCode: StatusCodes.Status503ServiceUnavailable);
    }
}
