namespace ControlPlane.Kubernetes.Leadership;

using System.Net;
using k8s.Autorest;
using k8s.Models;
using Microsoft.Extensions.Logging;

/// <summary>
/// Leader election over one <c>coordination.k8s.io/v1</c> Lease with client-go's semantics: a free, released or expired
/// Lease is taken (a new holder bumps <c>leaseTransitions</c>); a Lease held by another is left alone until it has not
/// changed for its <c>leaseDurationSeconds</c> as measured on this process's clock (never from the timestamps another
/// process wrote); every write carries the resourceVersion read, so of two competitors only one wins (the other gets a
/// 409 and retries). The leader renews every <see cref="LeaderElectionOptions.RetryPeriod"/> and gives leadership up when
/// no renewal succeeds within <see cref="LeaderElectionOptions.RenewDeadline"/>, then competes again. On stop it releases
/// the Lease when <see cref="LeaderElectionOptions.ReleaseOnStop"/>.
/// </summary>
/// <remarks>
/// Thread-safety: <see cref="RunAsync"/> is the only writer of the election state; <see cref="IsLeader"/> and
/// <see cref="WaitForLeadershipAsync"/> may be called from any thread. Leadership ends (its token is cancelled) before the
/// Lease is released or a failed renewal is given up, so work done under that token never overlaps another leader's.
/// </remarks>
public sealed class LeaderElector : IDisposable
{
    private readonly ILeaseClient client;
    private readonly LeaderElectionOptions options;
    private readonly ILogger logger;
    private readonly TimeProvider time;
    private readonly Lock gate = new();
    private TaskCompletionSource<CancellationToken> leading = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private CancellationTokenSource? leadership;
    private string observedVersion = "";
    private V1Lease? lastSeen;
    private long observedAt;
    private int acquisitions;

    public LeaderElector(ILeaseClient client, LeaderElectionOptions options, ILogger logger, TimeProvider? time = null)
    {
        var failures = options.Validate();
        if (failures.Count > 0)
        {
            throw new ArgumentException(string.Join(" ", failures), nameof(options));
        }

        this.client = client;
        this.options = options;
        this.logger = logger;
        this.time = time ?? TimeProvider.System;
    }

    public string Identity => options.Identity;

    public string LeaseName => options.LeaseName;

    public bool IsLeader
    {
        get
        {
            lock (gate)
            {
                return leadership is not null;
            }
        }
    }

    /// <summary>How many times this elector became leader.</summary>
    public int Acquisitions => Volatile.Read(ref acquisitions);

    /// <summary>The holder the Lease named when last read or written; empty when free or not read yet.</summary>
    public string ObservedHolder { get; private set; } = "";

    /// <summary>Completes when this process leads, with a token cancelled the moment leadership ends.</summary>
    public Task<CancellationToken> WaitForLeadershipAsync(CancellationToken cancellationToken)
    {
        lock (gate)
        {
            return leading.Task.WaitAsync(cancellationToken);
        }
    }

    /// <summary>Ends leadership if <see cref="RunAsync"/> did not (it was never awaited to the end).</summary>
    public void Dispose() => StopLeading();

    /// <summary>Competes, leads and renews until <paramref name="stop"/> is cancelled; never throws otherwise.</summary>
    public async Task RunAsync(CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            if (!await AcquireAsync(stop).ConfigureAwait(false))
            {
                break;
            }

            StartLeading();
            await RenewWhileLeadingAsync(stop).ConfigureAwait(false);
            StopLeading();
            if (stop.IsCancellationRequested)
            {
                if (options.ReleaseOnStop)
                {
                    await ReleaseAsync().ConfigureAwait(false);
                }

                break;
            }

            LeaderElectionLog.Lost(logger, options.Namespace, options.LeaseName, options.Identity);
        }
    }

    private static bool IsConflict(Exception ex) => ex is HttpOperationException { Response.StatusCode: HttpStatusCode.Conflict };

    /// <summary>Tries until the Lease is ours; false when stopped first. Attempts are spaced RetryPeriod to 2.2 x RetryPeriod apart.</summary>
    private async Task<bool> AcquireAsync(CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            if (await TryAcquireOrRenewAsync(stop).ConfigureAwait(false))
            {
                return true;
            }

            var jittered = options.RetryPeriod * (1 + (Random.Shared.NextDouble() * LeaderElectionOptions.JitterFactor));
            if (!await DelayAsync(jittered, stop).ConfigureAwait(false))
            {
                return false;
            }
        }

        return false;
    }

    /// <summary>
    /// Renews every RetryPeriod; a renewal that fails is retried every RetryPeriod until RenewDeadline has passed since
    /// it began, and then leadership is lost. Returns when lost or stopped.
    /// </summary>
    private async Task RenewWhileLeadingAsync(CancellationToken stop)
    {
        while (await DelayAsync(options.RetryPeriod, stop).ConfigureAwait(false))
        {
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(stop);
            deadline.CancelAfter(options.RenewDeadline);
            var renewed = await TryAcquireOrRenewAsync(deadline.Token).ConfigureAwait(false);
            while (!renewed && await DelayAsync(options.RetryPeriod, deadline.Token).ConfigureAwait(false))
            {
                renewed = await TryAcquireOrRenewAsync(deadline.Token).ConfigureAwait(false);
            }

            if (!renewed)
            {
                return;
            }
        }
    }

    /// <summary>
    /// One read and, when the Lease is free, expired or ours, one write. False on any failure or conflict. A leader whose
    /// last seen Lease is still valid first renews that one without reading (client-go's fast path): the resourceVersion
    /// makes it fail if anyone wrote meanwhile, and the read then decides.
    /// </summary>
    private async Task<bool> TryAcquireOrRenewAsync(CancellationToken cancellationToken)
    {
        if (await TryRenewLastSeenAsync(cancellationToken).ConfigureAwait(false))
        {
            return true;
        }

        try
        {
            var lease = await client.GetAsync(options.Namespace, options.LeaseName, cancellationToken).ConfigureAwait(false);
            var now = time.GetUtcNow().UtcDateTime;
            if (lease is null)
            {
                var created = await client.CreateAsync(NewLease(now), cancellationToken).ConfigureAwait(false);
                Observe(created);
                return true;
            }

            Observe(lease);
            var spec = lease.Spec ?? new V1LeaseSpec();
            var holder = spec.HolderIdentity ?? "";
            var mine = holder == options.Identity;
            var validFor = TimeSpan.FromSeconds(spec.LeaseDurationSeconds ?? 0);
            if (holder.Length > 0 && !mine && time.GetElapsedTime(observedAt) < validFor)
            {
                LeaderElectionLog.HeldByOther(logger, options.Namespace, options.LeaseName, holder);
                return false;
            }

            lease.Spec = Held(now, mine ? spec.AcquireTime ?? now : now, mine ? spec.LeaseTransitions ?? 0 : (spec.LeaseTransitions ?? 0) + 1);
            Observe(await client.ReplaceAsync(lease, cancellationToken).ConfigureAwait(false));
            return true;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return false;
        }
        catch (Exception ex) when (IsConflict(ex))
        {
            LeaderElectionLog.Conflict(logger, options.Namespace, options.LeaseName);
            return false;
        }
        catch (Exception ex)
        {
            LeaderElectionLog.Failed(logger, ex, options.Namespace, options.LeaseName, "acquire or renew");
            return false;
        }
    }

    private async Task<bool> TryRenewLastSeenAsync(CancellationToken cancellationToken)
    {
        var last = lastSeen;
        if (last?.Spec?.HolderIdentity != options.Identity || time.GetElapsedTime(observedAt) >= TimeSpan.FromSeconds(last.Spec.LeaseDurationSeconds ?? 0))
        {
            return false;
        }

        var now = time.GetUtcNow().UtcDateTime;
        var renewal = new V1Lease
        {
            ApiVersion = last.ApiVersion,
            Kind = last.Kind,
            Metadata = last.Metadata,
            Spec = Held(now, last.Spec.AcquireTime ?? now, last.Spec.LeaseTransitions ?? 0),
        };
        try
        {
            Observe(await client.ReplaceAsync(renewal, cancellationToken).ConfigureAwait(false));
            return true;
        }
        catch (Exception ex)
        {
            // A conflict, a failure or the deadline: the slow path reads the Lease and decides (or reports the deadline).
            LeaderElectionLog.FastRenewFailed(logger, ex, options.Namespace, options.LeaseName);
            return false;
        }
    }

    private int LeaseSeconds => Math.Max(1, (int)Math.Ceiling(options.LeaseDuration.TotalSeconds));

    /// <summary>Hands the Lease back if it is still ours: no holder and a 1 s duration, so a competitor takes it at once.</summary>
    private async Task ReleaseAsync()
    {
        using var timeout = new CancellationTokenSource(options.RenewDeadline);
        try
        {
            var lease = await client.GetAsync(options.Namespace, options.LeaseName, timeout.Token).ConfigureAwait(false);
            if (lease?.Spec?.HolderIdentity != options.Identity)
            {
                return;
            }

            var now = time.GetUtcNow().UtcDateTime;
            lease.Spec = new V1LeaseSpec
            {
                HolderIdentity = "",
                LeaseDurationSeconds = 1,
                AcquireTime = now,
                RenewTime = now,
                LeaseTransitions = lease.Spec.LeaseTransitions ?? 0,
            };
            Observe(await client.ReplaceAsync(lease, timeout.Token).ConfigureAwait(false));
            LeaderElectionLog.Released(logger, options.Namespace, options.LeaseName, options.Identity);
        }
        catch (Exception ex)
        {
            LeaderElectionLog.Failed(logger, ex, options.Namespace, options.LeaseName, "release");
        }
    }

    private V1Lease NewLease(DateTime now) => new()
    {
        ApiVersion = "coordination.k8s.io/v1",
        Kind = "Lease",
        Metadata = new V1ObjectMeta { Name = options.LeaseName, NamespaceProperty = options.Namespace },
        Spec = Held(now, now, 0),
    };

    /// <summary>The spec of a Lease this process holds, renewed at <paramref name="now"/>.</summary>
    private V1LeaseSpec Held(DateTime now, DateTime acquired, int transitions) => new()
    {
        HolderIdentity = options.Identity,
        LeaseDurationSeconds = LeaseSeconds,
        AcquireTime = acquired,
        RenewTime = now,
        LeaseTransitions = transitions,
    };

    /// <summary>Remembers when the Lease last changed (by resourceVersion), on this process's monotonic clock.</summary>
    private void Observe(V1Lease lease)
    {
        lastSeen = lease;
        var version = lease.Metadata?.ResourceVersion ?? "";
        if (version != observedVersion || observedAt == 0)
        {
            observedVersion = version;
            observedAt = time.GetTimestamp();
        }

        ObservedHolder = lease.Spec?.HolderIdentity ?? "";
    }

    private void StartLeading()
    {
        lock (gate)
        {
            leadership = new CancellationTokenSource();
            leading.TrySetResult(leadership.Token);
        }

        Interlocked.Increment(ref acquisitions);
        LeaderElectionLog.Acquired(logger, options.Namespace, options.LeaseName, options.Identity);
    }

    private void StopLeading()
    {
        CancellationTokenSource? ended;
        lock (gate)
        {
            ended = leadership;
            leadership = null;
            leading = new TaskCompletionSource<CancellationToken>(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        // Cancelled, not disposed: holders of its token may still link to it or read it.
        ended?.Cancel();
    }

    private async Task<bool> DelayAsync(TimeSpan delay, CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(delay, time, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
