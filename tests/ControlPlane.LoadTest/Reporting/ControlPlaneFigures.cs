namespace ControlPlane.LoadTest.Reporting;

/// <summary>The report's <c>control_plane</c>: CPU seconds and peak working set of the process hosting the control plane.</summary>
internal sealed record ControlPlaneFigures(double CpuSeconds, double PeakRssMb, string Mode, bool IncludesLoadGenerator, string Source);
