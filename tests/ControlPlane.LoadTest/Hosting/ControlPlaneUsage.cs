namespace ControlPlane.LoadTest.Hosting;

/// <summary>
/// CPU time and peak working set of the process hosting the control plane. <see cref="IncludesLoadGenerator"/> is true
/// when the clients ran in that same process (the in-process mode), so the figures overstate the control plane.
/// </summary>
internal sealed record ControlPlaneUsage(double CpuSeconds, double PeakRssMb, bool IncludesLoadGenerator, string Source);
