namespace ControlPlane.Model.Config.DestinationRules;

/// <summary>An extra attribute of the generated consistent-hash cookie (<c>httpCookie.attributes</c>), e.g. <c>SameSite=Strict</c>.</summary>
public sealed record HttpCookieAttribute(string Name, string Value);
