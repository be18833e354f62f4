package handoff.admin;

import handoff.core.secret.Secrets;
import handoff.core.tenant.ApiKeys;
import handoff.names.Names;
import handoff.store.ApiKeyStore;
import java.time.Clock;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Issues a tenant API key and prints it once. Runs against whatever table the standard AWS environment
 * and {@code HANDOFF_TABLE_NAME} point at (a deployed stack, or the local runner's endpoints):
 *
 * <pre>java -cp functions/target/handoff-functions.jar handoff.admin.CreateApiKey --tenant acme</pre>
 */
public final class CreateApiKey {
    private CreateApiKey() {}

    public static void main(String[] args) {
        String tenant = null;
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals("--tenant")) tenant = args[i + 1];
        }
        if (tenant == null || !tenant.matches("[A-Za-z0-9_.-]{1,64}")) {
            System.err.println("usage: CreateApiKey --tenant <id>   (letters, digits, . _ -; at most 64)");
            System.exit(2);
        }
        String table = System.getenv(Names.Env.TABLE_NAME);
        if (table == null || table.isBlank()) {
            System.err.println("Set " + Names.Env.TABLE_NAME + " to the table's name (a stack output).");
            System.exit(2);
        }
        try (DynamoDbClient dynamo = DynamoDbClient.builder().httpClient(UrlConnectionHttpClient.create()).build()) {
            String apiKey = new ApiKeys(new ApiKeyStore(dynamo, table), new Secrets(), Clock.systemUTC()).issue(tenant);
            System.out.println("API key for tenant " + tenant + " in table " + table
                    + " (shown once; store it in a secret manager):");
            System.out.println(apiKey);
        }
    }
}
