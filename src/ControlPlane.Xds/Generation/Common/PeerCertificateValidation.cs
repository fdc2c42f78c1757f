namespace ControlPlane.Xds.Generation.Common;

using Envoy.Config.Core.V3;
using Envoy.Extensions.TransportSockets.Tls.V3;
using Envoy.Type.Matcher.V3;

/// <summary>
/// The default validation context istiod pairs with a <c>file-root:</c> SDS secret, upstream (DestinationRule TLS) and
/// downstream (Gateway client certificates) alike: the peer's SANs as exact matches and the CRL file, if any.
/// </summary>
internal static class PeerCertificateValidation
{
    public static CertificateValidationContext For(IEnumerable<string> subjectAltNames, string crlFile)
    {
        var validation = new CertificateValidationContext();

        // istiod still writes the deprecated untyped matchers here (util.StringToExactMatch); Envoy accepts them.
#pragma warning disable CS0612, CS0618
        validation.MatchSubjectAltNames.AddRange(subjectAltNames.Select(san => new StringMatcher { Exact = san }));
#pragma warning restore CS0612, CS0618
        if (crlFile.Length > 0)
        {
            validation.Crl = new DataSource { Filename = crlFile };
        }

        return validation;
    }
}
