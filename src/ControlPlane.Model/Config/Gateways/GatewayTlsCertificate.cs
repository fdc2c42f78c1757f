namespace ControlPlane.Model.Config.Gateways;

/// <summary>One entry of <c>tls.tlsCertificates</c>: a certificate chain file and its private key file.</summary>
public sealed record GatewayTlsCertificate(string ServerCertificate, string PrivateKey);
