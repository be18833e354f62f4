package handoff.core.integration;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * A deterministic stand-in for a carrier, so the whole flow runs without one. Every account reference
 * maps to the same fake account data; writes echo what was written with a stable id.
 *
 * <p>Arguments shared by every operation: {@code "fail": "<code>"} (or {@code true}) makes it fail with
 * that code; {@code "failAttempts": n} makes it fail only in the link's first n sessions, like a flaky
 * carrier that works on retry; {@code "delayMs": n} makes it take n milliseconds (at most
 * {@link #MAX_DELAY_MS}).
 */
public final class SandboxIntegration implements Integration {
    public static final String ID = "sandbox";
    static final long MAX_DELAY_MS = 10_000;

    private static final OperationType READ_ACCOUNT = new OperationType("account", "read");
    private static final OperationType READ_USAGE = new OperationType("usage", "read");
    private static final OperationType READ_PAYMENT_METHODS = new OperationType("payment_methods", "read");
    private static final OperationType WRITE_PAYMENT_METHOD = new OperationType("payment_methods", "write");
    private static final Set<OperationType> SUPPORTED =
            Set.of(READ_ACCOUNT, READ_USAGE, READ_PAYMENT_METHODS, WRITE_PAYMENT_METHOD);

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Set<OperationType> supportedOperations() {
        return SUPPORTED;
    }

    @Override
    public OperationOutcome run(RunContext context, Operation operation) {
        Map<String, Object> args = operation.arguments();
        pause(args.get("delayMs"));
        Object fail = args.get("fail");
        if (fail != null && !Boolean.FALSE.equals(fail)) {
            String code = fail instanceof String s && !s.isBlank() ? s : "sandbox_failure";
            return new OperationOutcome.Failed(code, "The sandbox was asked to fail " + operation.type() + ".");
        }
        if (args.get("failAttempts") instanceof Number n && context.attempt() <= n.intValue()) {
            return new OperationOutcome.Failed("carrier_unavailable",
                    "The sandbox carrier is unavailable on attempt " + context.attempt() + "; retry.");
        }
        String accountRef = context.linkId();
        String accountId = "acct_" + stableId(accountRef).substring(0, 8);
        OperationType type = operation.type();
        if (type.equals(READ_ACCOUNT)) {
            return new OperationOutcome.Succeeded(Map.of(
                    "accountId", accountId, "holder", "Sandbox User", "plan", "Unlimited Plus", "lines", 2));
        }
        if (type.equals(READ_USAGE)) {
            return new OperationOutcome.Succeeded(Map.of(
                    "accountId", accountId, "period", "current", "dataGb", 12.5, "minutes", 340, "texts", 1200));
        }
        if (type.equals(READ_PAYMENT_METHODS)) {
            return new OperationOutcome.Succeeded(Map.of("paymentMethods", List.of(
                    Map.of("id", "pm_sandbox_visa", "type", "card", "brand", "visa", "last4", "4242"))));
        }
        if (type.equals(WRITE_PAYMENT_METHOD)) {
            String last4 = String.valueOf(args.getOrDefault("last4", "0005"));
            return new OperationOutcome.Succeeded(Map.of("paymentMethod", Map.of(
                    "id", "pm_" + stableId(accountRef + last4).substring(0, 12),
                    "type", "card", "last4", last4, "default", true)));
        }
        return new OperationOutcome.Failed("unsupported_operation", type + " is not supported by the sandbox.");
    }

    private static void pause(Object delay) {
        if (!(delay instanceof Number n) || n.longValue() <= 0) return;
        try {
            Thread.sleep(Math.min(n.longValue(), MAX_DELAY_MS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String stableId(String seed) {
        return UUID.nameUUIDFromBytes(seed.getBytes(StandardCharsets.UTF_8)).toString().replace("-", "");
    }
}
