package handoff.sweeper;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import handoff.core.sweep.SweepReport;
import handoff.telemetry.Log;
import handoff.wiring.Wiring;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Runs on the EventBridge schedule: one sweep of the due index, stopping with a safety margin before
 * the function's timeout (what is left waits for the next run), reported as EMF metrics.
 */
public final class ExpirySweeperHandler implements RequestHandler<ScheduledEvent, Map<String, Object>> {
    /** Leaves room for the last conditional write and the metrics line before Lambda's timeout. */
    static final Duration SAFETY_MARGIN = Duration.ofSeconds(10);
    /** Budget when there is no Lambda context (the local runner's schedule). */
    static final Duration LOCAL_BUDGET = Duration.ofSeconds(60);

    private final Wiring wiring;

    public ExpirySweeperHandler() {
        this(Wiring.production());
    }

    public ExpirySweeperHandler(Wiring wiring) {
        this.wiring = wiring;
    }

    @Override
    public Map<String, Object> handleRequest(ScheduledEvent event, Context context) {
        long deadline = System.currentTimeMillis()
                + (context == null ? LOCAL_BUDGET.toMillis() : context.getRemainingTimeInMillis())
                - SAFETY_MARGIN.toMillis();
        SweepReport report = wiring.expirySweep().sweep(() -> System.currentTimeMillis() < deadline);
        Map<String, Integer> counts = new LinkedHashMap<>();
        counts.put("LinksExamined", report.examined());
        counts.put("LinksExpired", report.expired());
        counts.put("SessionsTimedOut", report.sessionsFailed());
        counts.put("ExpiryIndexItemsRead", report.itemsRead());
        counts.put("SweepUnfinished", report.finished() ? 0 : 1);
        Log.metrics("Handoff", counts);
        Map<String, Object> result = new LinkedHashMap<>(counts);
        result.put("finished", report.finished());
        return result;
    }
}
