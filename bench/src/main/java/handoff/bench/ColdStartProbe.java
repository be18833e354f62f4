package handoff.bench;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import handoff.http.CreateLinkHandler;
import handoff.http.LinkStatusHandler;
import java.lang.management.ManagementFactory;

/**
 * Runs in a fresh JVM, configured only through the environment as in Lambda: builds one handler with
 * its no-arg constructor (the production wiring) and serves one request. Prints
 * {@code <status> <jvm uptime ms at init done> <jvm uptime ms at response>}.
 */
public final class ColdStartProbe {
    private ColdStartProbe() {}

    public static void main(String[] args) {
        String which = args[0];
        String eventFile = args[1];
        String body = args.length > 2 ? args[2] : null;
        var handler = switch (which) {
            case "create" -> new CreateLinkHandler();
            case "status" -> new LinkStatusHandler();
            default -> throw new IllegalArgumentException(which);
        };
        long initDone = ManagementFactory.getRuntimeMXBean().getUptime();
        APIGatewayV2HTTPEvent event = EventLoader.loadApiGatewayHttpEvent(eventFile);
        if (body != null) event.setBody(body);
        APIGatewayV2HTTPResponse response = handler.handleRequest(event, null);
        long responded = ManagementFactory.getRuntimeMXBean().getUptime();
        System.out.println(response.getStatusCode() + " " + initDone + " " + responded);
    }
}
