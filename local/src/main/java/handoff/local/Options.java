package handoff.local;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The runner's command line.
 *
 * @param port HTTP port on 127.0.0.1; 0 picks any free port
 * @param dataDir where DynamoDB Local keeps data across restarts; null keeps everything in memory
 * @param infoFile where to write {@code {"baseUrl","apiKey"}} once ready; null writes nothing
 * @param sweepInterval how often periodic tasks (the expiry sweeper) run
 */
public record Options(int port, Path dataDir, Path infoFile, Duration sweepInterval) {
    public static final int DEFAULT_PORT = 8080;
    public static final Duration DEFAULT_SWEEP_INTERVAL = Duration.ofSeconds(60);

    public static final String USAGE = """
            Usage: java -jar local/target/handoff-local.jar [options]

            Serves the Handoff API on http://127.0.0.1:<port> with in-process DynamoDB Local and ElasticMQ.

              --port <n>                HTTP port (default 8080; 0 = any free port)
              --data-dir <dir>          keep DynamoDB data in <dir> across restarts (default: in memory)
              --info-file <path>        write {"baseUrl": ..., "apiKey": ...} as JSON once ready
              --sweep-interval <secs>   how often periodic tasks such as the expiry sweeper run (default 60)
              --help                    show this help
            """;

    public static Options defaults() {
        return new Options(DEFAULT_PORT, null, null, DEFAULT_SWEEP_INTERVAL);
    }

    public Options withPort(int newPort) {
        return new Options(newPort, dataDir, infoFile, sweepInterval);
    }

    public Options withDataDir(Path newDataDir) {
        return new Options(port, newDataDir, infoFile, sweepInterval);
    }

    public Options withInfoFile(Path newInfoFile) {
        return new Options(port, dataDir, newInfoFile, sweepInterval);
    }

    /** Thrown for anything the runner cannot use; the message says what. */
    public static final class UsageException extends Exception {
        public UsageException(String message) {
            super(message);
        }
    }

    /** Thrown for {@code --help}. */
    public static final class HelpRequested extends Exception {
        public HelpRequested() {
            super("help", null, false, false);
        }
    }

    /** Accepts {@code --flag value} and {@code --flag=value}. */
    public static Options parse(String... args) throws UsageException, HelpRequested {
        List<String> tokens = new ArrayList<>();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 0) {
                tokens.add(arg.substring(0, eq));
                tokens.add(arg.substring(eq + 1));
            } else {
                tokens.add(arg);
            }
        }
        Options options = defaults();
        for (int i = 0; i < tokens.size(); i++) {
            String flag = tokens.get(i);
            switch (flag) {
                case "--help", "-h" -> throw new HelpRequested();
                case "--port" -> {
                    int port = integer(flag, value(tokens, ++i, flag));
                    if (port < 0 || port > 65535) throw new UsageException("--port must be between 0 and 65535");
                    options = options.withPort(port);
                }
                case "--data-dir" -> options = options.withDataDir(Path.of(value(tokens, ++i, flag)));
                case "--info-file" -> options = options.withInfoFile(Path.of(value(tokens, ++i, flag)));
                case "--sweep-interval" -> {
                    int seconds = integer(flag, value(tokens, ++i, flag));
                    if (seconds < 1) throw new UsageException("--sweep-interval must be at least 1 second");
                    options = new Options(options.port, options.dataDir, options.infoFile, Duration.ofSeconds(seconds));
                }
                default -> throw new UsageException("Unknown option: " + flag);
            }
        }
        return options;
    }

    private static String value(List<String> tokens, int index, String flag) throws UsageException {
        if (index >= tokens.size() || tokens.get(index).isBlank()) throw new UsageException(flag + " needs a value");
        return tokens.get(index);
    }

    private static int integer(String flag, String value) throws UsageException {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new UsageException(flag + " needs a whole number, got '" + value + "'");
        }
    }
}
