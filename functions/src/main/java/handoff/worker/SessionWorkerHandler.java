package handoff.worker;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import handoff.core.session.SessionRunner;
import handoff.core.session.SessionTicket;
import handoff.telemetry.Log;
import handoff.queue.SqsSessionQueue;
import handoff.wiring.Wiring;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.crac.Core;
import org.crac.Resource;

/**
 * Runs queued sessions. Each record is handled on its own and only the ones that should be retried are
 * reported back (the event source has {@code ReportBatchItemFailures}), so one slow or broken session
 * never makes the others run twice.
 */
public final class SessionWorkerHandler implements RequestHandler<SQSEvent, SQSBatchResponse>, Resource {
    private final Wiring wiring;

    public SessionWorkerHandler() {
        this(Wiring.production());
    }

    public SessionWorkerHandler(Wiring wiring) {
        this.wiring = wiring;
        Core.getGlobalContext().register(this);
    }

    @Override
    public void beforeCheckpoint(org.crac.Context<? extends Resource> context) {
        wiring.primeForSnapshot();
        SqsSessionQueue.decode(wiring.json(), "{\"linkId\":\"link_priming\",\"sessionId\":\"sess_priming\",\"attempt\":1}");
    }

    @Override
    public void afterRestore(org.crac.Context<? extends Resource> context) {
        // Nothing to refresh: clients re-resolve credentials and connections lazily.
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
        for (SQSEvent.SQSMessage message : event.getRecords()) {
            if (!process(message)) failures.add(new SQSBatchResponse.BatchItemFailure(message.getMessageId()));
        }
        return new SQSBatchResponse(failures);
    }

    /** @return true to acknowledge the message, false to leave it for redelivery */
    private boolean process(SQSEvent.SQSMessage message) {
        Optional<SessionTicket> ticket = SqsSessionQueue.decode(wiring.json(), message.getBody());
        if (ticket.isEmpty()) {
            // Redelivering a message that is not a ticket can never help.
            Log.info("session_message_unreadable", "messageId", message.getMessageId());
            return true;
        }
        try {
            SessionRunner.Outcome outcome = wiring.sessionRunner().run(ticket.get());
            Log.info("session_run", "messageId", message.getMessageId(), "linkId", ticket.get().linkId(),
                    "sessionId", ticket.get().sessionId(), "outcome", outcome.name());
            return outcome != SessionRunner.Outcome.BUSY;
        } catch (RuntimeException e) {
            Log.error("session_run_failed", e, "messageId", message.getMessageId(), "linkId", ticket.get().linkId());
            return false;
        }
    }
}
