package handoff.telemetry;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/**
 * One JSON line per event on stdout, which Lambda ships to CloudWatch Logs. Only ids, routes, statuses
 * and error codes are logged: never bodies, headers, claim codes, tokens or keys.
 */
public final class Log {
    private Log() {}

    public static void info(String event, String... keyValues) {
        write("INFO", event, keyValues, null);
    }

    public static void error(String event, Throwable error, String... keyValues) {
        write("ERROR", event, keyValues, error);
    }

    /**
     * Counts as CloudWatch metrics, in the Embedded Metric Format: CloudWatch Logs turns this one line
     * into metrics in {@code namespace}, with no API call and no extra dependency.
     */
    public static void metrics(String namespace, Map<String, Integer> counts) {
        ObjectNode line = JsonNodeFactory.instance.objectNode();
        ObjectNode directive = line.putObject("_aws").put("Timestamp", System.currentTimeMillis())
                .putArray("CloudWatchMetrics").addObject().put("Namespace", namespace);
        directive.putArray("Dimensions").addArray();
        var definitions = directive.putArray("Metrics");
        counts.forEach((name, value) -> {
            definitions.addObject().put("Name", name).put("Unit", "Count");
            line.put(name, value);
        });
        System.out.println(line);
    }

    private static void write(String level, String event, String[] keyValues, Throwable error) {
        ObjectNode line = JsonNodeFactory.instance.objectNode();
        line.put("level", level).put("event", event);
        for (int i = 0; i + 1 < keyValues.length; i += 2) line.put(keyValues[i], keyValues[i + 1]);
        if (error != null) {
            // Class names and stack frames only: SDK messages can echo request parameters.
            line.put("errorType", error.getClass().getName());
            StringBuilder frames = new StringBuilder();
            for (StackTraceElement frame : error.getStackTrace()) {
                if (frames.length() > 2000) break;
                frames.append(frame).append('\n');
            }
            line.put("stack", frames.toString());
        }
        System.out.println(line);
    }
}
