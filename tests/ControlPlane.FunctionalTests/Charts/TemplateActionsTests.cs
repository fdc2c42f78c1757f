namespace ControlPlane.FunctionalTests.Charts;

/// <summary>The structural template reader catches the mistakes the chart tests rely on it to catch.</summary>
public sealed class TemplateActionsTests
{
    [Theory]
    [InlineData("{{- if .Values.a }}\nx: 1\n")]
    [InlineData("x: 1\n{{- end }}\n")]
    [InlineData("{{ else }}\n")]
    [InlineData("{{- define \"a\" -}}\n{{- if .b }}{{ end }}\n")]
    [InlineData("{{/* never closed }}\n")]
    public void Unbalanced_blocks_are_reported(string template) =>
        Assert.NotEmpty(TemplateActions.BlockProblems(template));

    [Theory]
    [InlineData("a: {{ .Values.a }\n")]
    [InlineData("a: .Values.a }}\n")]
    [InlineData("a: {{ .Values.a {{ .b }}\n")]
    public void Unbalanced_braces_do_not_parse(string template) =>
        Assert.Throws<FormatException>(() => TemplateActions.Actions(template));

    [Fact]
    public void Well_formed_blocks_pass_and_names_are_read()
    {
        const string template = "{{- define \"x.name\" -}}\n{{- if .a }}a{{ else if .b }}b{{ else }}c{{ end }}\n{{- end -}}\n" +
            "{{ range .l }}{{ with .m }}{{ include \"x.name\" . }}{{ end }}{{ end }}{{/* a\ncomment */}}";

        Assert.Empty(TemplateActions.BlockProblems(template));
        Assert.Equal(["x.name"], TemplateActions.Defined(template));
        Assert.Equal(["x.name"], TemplateActions.Used(template));
    }
}
