namespace ControlPlane.Xds.Tests.Serving;

using ControlPlane.Model.State;
using ControlPlane.Xds.Generation;
using ControlPlane.Xds.Metrics;
using ControlPlane.Xds.Tests.Serving.Fakes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

public sealed class XdsOptionsTests
{
    [Fact]
    public void Defaults_follow_istiod()
    {
        var options = new XdsOptions();

        Assert.Equal(TimeSpan.FromMilliseconds(100), options.DebounceAfter);
        Assert.Equal(TimeSpan.FromSeconds(10), options.DebounceMax);
        Assert.Equal(4 * 1024 * 1024, options.MaxReceiveMessageSize);
        Assert.Empty(options.Validate(new System.ComponentModel.DataAnnotations.ValidationContext(options)));
    }

    [Fact]
    public void Invalid_settings_fail_start_with_clear_messages()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(new MeshStore());
        services.AddSingleton<IGeneratorSelector>(new FakeGeneratorSelector());
        services.AddXds(o =>
        {
            o.DebounceAfter = TimeSpan.FromSeconds(2);
            o.DebounceMax = TimeSpan.FromSeconds(1);
            o.PushConcurrency = 0;
        });
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains(error.Failures, f => f.Contains("Xds:DebounceMax", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.Contains("Xds:PushConcurrency must be at least 1", StringComparison.Ordinal));
    }

    [Fact]
    public void Several_instances_can_share_the_default_registry()
    {
        _ = new XdsMetrics(Prometheus.Metrics.DefaultRegistry);
        _ = new XdsMetrics(Prometheus.Metrics.DefaultRegistry);
    }
}
