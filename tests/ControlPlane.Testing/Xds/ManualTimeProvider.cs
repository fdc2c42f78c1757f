namespace ControlPlane.Testing.Xds;

/// <summary>
/// A clock tests move by hand. Timers fire (synchronously, in due order) inside <see cref="Advance"/>; a timer created
/// with a due time already reached fires on creation's next Advance. <see cref="WaitForTimersAsync"/> lets a test wait
/// until the code under test has armed a timer, so advancing never races with it. Thread-safe.
/// </summary>
public sealed class ManualTimeProvider(DateTimeOffset? start = null) : TimeProvider
{
    private readonly object gate = new();
    private readonly List<ManualTimer> timers = [];
    private readonly List<(int Count, TaskCompletionSource Signal)> waiters = [];
    private DateTimeOffset now = start ?? new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private int created;

    public override DateTimeOffset GetUtcNow()
    {
        lock (gate)
        {
            return now;
        }
    }

    public override long GetTimestamp() => GetUtcNow().UtcTicks;

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    /// <summary>How many timers have been created so far.</summary>
    public int TimersCreated
    {
        get
        {
            lock (gate)
            {
                return created;
            }
        }
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new ManualTimer(this, callback, state);
        List<TaskCompletionSource> wake;
        lock (gate)
        {
            timers.Add(timer);
            timer.Arm(now, dueTime, period);
            created++;
            wake = waiters.Where(w => created >= w.Count).Select(w => w.Signal).ToList();
            waiters.RemoveAll(w => created >= w.Count);
        }

        wake.ForEach(w => w.TrySetResult());
        return timer;
    }

    /// <summary>Completes once at least <paramref name="count"/> timers have been created in total.</summary>
    public Task WaitForTimersAsync(int count)
    {
        lock (gate)
        {
            if (created >= count)
            {
                return Task.CompletedTask;
            }

            var signal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            waiters.Add((count, signal));
            return signal.Task;
        }
    }

    public void Advance(TimeSpan by)
    {
        DateTimeOffset target;
        lock (gate)
        {
            target = now + by;
        }

        while (true)
        {
            ManualTimer? next;
            lock (gate)
            {
                next = timers.Where(t => t.Due is { } due && due <= target).OrderBy(t => t.Due).FirstOrDefault();
                if (next is null)
                {
                    now = target;
                    return;
                }

                now = next.Due!.Value > now ? next.Due.Value : now;
                next.Fired(now);
            }

            next.Invoke();
        }
    }

    private void Remove(ManualTimer timer)
    {
        lock (gate)
        {
            timers.Remove(timer);
        }
    }

    private void Rearm(ManualTimer timer, TimeSpan dueTime, TimeSpan period)
    {
        lock (gate)
        {
            timer.Arm(now, dueTime, period);
        }
    }

    private sealed class ManualTimer(ManualTimeProvider owner, TimerCallback callback, object? state) : ITimer
    {
        private TimeSpan period;

        public DateTimeOffset? Due { get; private set; }

        public void Arm(DateTimeOffset now, TimeSpan dueTime, TimeSpan newPeriod)
        {
            period = newPeriod;
            Due = dueTime == Timeout.InfiniteTimeSpan ? null : now + dueTime;
        }

        public void Fired(DateTimeOffset now) =>
            Due = period == Timeout.InfiniteTimeSpan || period == TimeSpan.Zero ? null : now + period;

        public void Invoke() => callback(state);

        public bool Change(TimeSpan dueTime, TimeSpan newPeriod)
        {
            owner.Rearm(this, dueTime, newPeriod);
            return true;
        }

        public void Dispose() => owner.Remove(this);

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
