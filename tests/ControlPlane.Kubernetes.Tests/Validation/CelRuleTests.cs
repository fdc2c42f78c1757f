namespace ControlPlane.Kubernetes.Tests.Validation;

using System.Text.Json.Nodes;
using ControlPlane.Kubernetes.Schema.Cel;

/// <summary>The CEL subset used by Istio's x-kubernetes-validations rules, evaluated over JSON values.</summary>
public sealed class CelRuleTests
{
    [Theory]
    [InlineData("0 < self && self <= 65535", "80", true)]
    [InlineData("0 < self && self <= 65535", "70000", false)]
    [InlineData("duration(self) >= duration('1ms')", "\"10s\"", true)]
    [InlineData("duration(self) >= duration('1ms')", "\"0.5ms\"", false)]
    [InlineData("!self.contains(\"*\")", "\"app\"", true)]
    [InlineData("self.all(key, !key.contains(\"*\"))", "{\"a*\": \"x\"}", false)]
    [InlineData("self.all(l1, self.exists_one(l2, l1.number == l2.number))", "[{\"number\": 80}, {\"number\": 81}]", true)]
    [InlineData("self.all(l1, self.exists_one(l2, l1.number == l2.number))", "[{\"number\": 80}, {\"number\": 80}]", false)]
    [InlineData("self.all(key, size(key) < 63 && key.matches(\"^[a-zA-Z0-9](?:[-a-zA-Z0-9]*[a-zA-Z0-9])?$\"))", "{\"http\": 1}", true)]
    [InlineData("self.all(key, size(key) < 63 && key.matches(\"^[a-zA-Z0-9](?:[-a-zA-Z0-9]*[a-zA-Z0-9])?$\"))", "{\"-bad\": 1}", false)]
    [InlineData("((has(self.resolution) ? self.resolution : \"NONE\") == \"NONE\") ? !has(self.endpoints) : true", "{\"endpoints\": []}", false)]
    [InlineData("!((has(self.addresses) ? self.addresses : []).exists(k, k.contains(\"/\")) && !((has(self.resolution) ? self.resolution : \"NONE\") in [\"STATIC\", \"NONE\"]))", "{\"addresses\": [\"10.0.0.0/8\"], \"resolution\": \"DNS\"}", false)]
    [InlineData("self.startsWith(\"unix://\") ? (self.substring(7, 8) == \"/\" || self.substring(7, 8) == \"@\") : true", "\"unix://rel\"", false)]
    [InlineData("has(self.portLevelMtls) ? (((has(self.selector) && has(self.selector.matchLabels)) ? self.selector.matchLabels : {}).size() > 0) : true", "{\"portLevelMtls\": {}}", false)]
    [InlineData("self.all(key, 0 < int(key) && int(key) <= 65535)", "{\"8080\": {}}", true)]
    [InlineData("url(self).getScheme() in [\"http\", \"https\"]", "\"ftp://x\"", false)]
    public void Rules_evaluate_as_the_API_server_would(string rule, string json, bool expected)
    {
        var value = CelValues.FromJson(JsonNode.Parse(json));

        Assert.Equal(expected, new CelRule(rule, null).Check(value));
    }

    [Theory]
    [InlineData("self.map(x, x).sort()")]
    [InlineData("optional.of(self)")]
    [InlineData("r'raw' == self")]
    public void Rules_outside_the_subset_are_unsupported_never_passed(string rule)
    {
        Assert.Throws<CelUnsupportedException>(() => new CelRule(rule, null).Check(CelValues.FromJson(JsonNode.Parse("[]"))));
    }

    [Fact]
    public void A_missing_field_is_an_evaluation_error_and_false_or_error_is_false()
    {
        var self = CelValues.FromJson(JsonNode.Parse("{}"));

        Assert.Throws<CelEvaluationException>(() => new CelRule("self.port > 0", null).Check(self));
        Assert.False(new CelRule("self.port > 0 && false", null).Check(self));
        Assert.True(new CelRule("true || self.port > 0", null).Check(self));
    }
}
