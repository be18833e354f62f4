package handoff.testing;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import java.util.HashMap;
import java.util.Map;

/**
 * The sample events in the top-level {@code events/} folder, loaded as the Lambda runtime would, then
 * filled in with the values of the test at hand.
 */
public final class Events {
    private Events() {}

    public static APIGatewayV2HTTPEvent http(String name) {
        return EventLoader.loadApiGatewayHttpEvent("events/http/" + name);
    }

    public static SQSEvent sqs(String name) {
        return EventLoader.loadSQSEvent("events/sqs/" + name);
    }

    public static ScheduledEvent scheduled(String name) {
        return EventLoader.loadScheduledEvent("events/scheduled/" + name);
    }

    public static APIGatewayV2HTTPEvent withBody(APIGatewayV2HTTPEvent event, String body) {
        event.setBody(body);
        return event;
    }

    public static APIGatewayV2HTTPEvent withHeader(APIGatewayV2HTTPEvent event, String name, String value) {
        Map<String, String> headers = new HashMap<>(event.getHeaders());
        if (value == null) headers.remove(name);
        else headers.put(name, value);
        event.setHeaders(headers);
        return event;
    }

    public static APIGatewayV2HTTPEvent withBearer(APIGatewayV2HTTPEvent event, String credential) {
        return withHeader(event, "authorization", credential == null ? null : "Bearer " + credential);
    }

    public static APIGatewayV2HTTPEvent withPathParameter(APIGatewayV2HTTPEvent event, String name, String value) {
        Map<String, String> params = new HashMap<>(event.getPathParameters() == null ? Map.of() : event.getPathParameters());
        params.put(name, value);
        event.setPathParameters(params);
        event.setRawPath(event.getRawPath().replace("link_REPLACE", value));
        return event;
    }
}
