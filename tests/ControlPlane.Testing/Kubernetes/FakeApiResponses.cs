namespace ControlPlane.Testing.Kubernetes;

using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

/// <summary>How the fake API server answers: Kubernetes verbs of requests, <c>Status</c> objects for refusals, single-object requests.</summary>
internal static class FakeApiResponses
{
    public static bool Flag(HttpRequest request, string name) => request.Query[name].ToString() is "true" or "1";

    public static async Task WriteStatusAsync(HttpContext context, int code, string reason, string message)
    {
        context.Response.StatusCode = code;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(Status(code, reason, message).ToJsonString()).ConfigureAwait(false);
    }

    public static JsonObject Status(int code, string reason, string message) => new()
    {
        ["kind"] = "Status",
        ["apiVersion"] = "v1",
        ["metadata"] = new JsonObject(),
        ["status"] = "Failure",
        ["message"] = message,
        ["reason"] = reason,
        ["code"] = code,
    };

    /// <summary>The Kubernetes verb of a request on <paramref name="path"/>; null for one this server does not serve.</summary>
    public static string? VerbOf(HttpRequest request, FakeResourcePath path) => request.Method switch
    {
        "GET" when path.IsCollection => Flag(request, "watch") ? "watch" : "list",
        "GET" when path.Subresource is null => "get",
        "POST" when path.IsCollection => "create",
        "PUT" when path.Subresource is null && !path.IsCollection => "update",
        "PATCH" when path.Subresource == "status" => "patch",
        _ => null,
    };

    /// <summary>Answers a single-object request; API refusals (404, 409) become their Status.</summary>
    public static async Task WriteObjectAsync(HttpContext context, FakeResourceStore store, FakeResourcePath path, string verb, string? body)
    {
        try
        {
            var parsed = body is null ? null : JsonNode.Parse(body) as JsonObject;
            if (verb == "patch" && !(context.Request.ContentType ?? "").StartsWith("application/merge-patch+json", StringComparison.Ordinal))
            {
                throw new FakeApiException(415, "UnsupportedMediaType", $"the fake API server applies merge patches only, not {context.Request.ContentType}");
            }

            var result = verb switch
            {
                "get" => store.Read(path),
                "create" => store.CreateAt(path, parsed ?? throw new FakeApiException(400, "BadRequest", "a body is required")),
                "update" => store.Replace(path, parsed ?? throw new FakeApiException(400, "BadRequest", "a body is required")),
                _ => store.PatchStatus(path, parsed ?? throw new FakeApiException(400, "BadRequest", "a body is required")),
            };
            context.Response.StatusCode = verb == "create" ? 201 : 200;
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(result.ToJsonString()).ConfigureAwait(false);
        }
        catch (FakeApiException ex)
        {
            await WriteStatusAsync(context, ex.Code, ex.Reason, ex.Message).ConfigureAwait(false);
        }
    }
}
