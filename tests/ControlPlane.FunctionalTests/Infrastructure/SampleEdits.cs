namespace ControlPlane.FunctionalTests.Infrastructure;

/// <summary>Edits of the sample mesh that the tests apply, each a complete, valid file.</summary>
internal static class SampleEdits
{
    /// <summary>shop/catalog-routing.yaml as shipped, with only the VirtualService's 80/20 split changed (an RDS-only change).</summary>
    public static string CatalogSplit(int v1, int v2)
    {
        var original = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "samples", "shop", "catalog-routing.yaml"));
        return original.Replace("weight: 80", $"weight: {v1}", StringComparison.Ordinal).Replace("weight: 20", $"weight: {v2}", StringComparison.Ordinal);
    }

    /// <summary>shop/catalog-routing.yaml reduced to a plain split and a DestinationRule without policies (changes CDS too).</summary>
    public static string CatalogWithoutPolicies(int v1, int v2) =>
        $$"""
        apiVersion: networking.istio.io/v1
        kind: VirtualService
        metadata:
          name: catalog
          namespace: shop
        spec:
          hosts: [catalog]
          http:
          - name: split
            route:
            - destination: {host: catalog, subset: v1}
              weight: {{v1}}
            - destination: {host: catalog, subset: v2}
              weight: {{v2}}
        ---
        apiVersion: networking.istio.io/v1
        kind: DestinationRule
        metadata:
          name: catalog
          namespace: shop
        spec:
          host: catalog
          subsets:
          - name: v1
            labels: {version: v1}
          - name: v2
            labels: {version: v2}
          - name: v3
            labels: {version: v3}
        """;
}
