package handoff.local;

import handoff.telemetry.Log;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The local stand-in for EventBridge schedules: runs tasks at a fixed delay on one background thread.
 * A failing run is logged and the next run still happens, as with a scheduled Lambda.
 */
final class PeriodicTasks implements AutoCloseable {
    /** A task to run every {@code interval}, first after one interval. */
    record PeriodicTask(String name, Duration interval, Runnable task) {}

    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "handoff-periodic-tasks");
        thread.setDaemon(true);
        return thread;
    });

    void schedule(PeriodicTask task) {
        long millis = task.interval().toMillis();
        executor.scheduleWithFixedDelay(() -> {
            try {
                task.task().run();
            } catch (RuntimeException e) {
                Log.error("local_periodic_task_failed", e, "task", task.name());
            }
        }, millis, millis, TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        executor.shutdownNow();
        try {
            executor.awaitTermination(3, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
