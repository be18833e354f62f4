package handoff.store;

import handoff.core.ServiceUnavailableException;
import java.util.List;
import java.util.function.Supplier;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Turns AWS failures into what the core understands: throttling, timeouts and 5xx (after the SDK's own
 * retries) become {@link ServiceUnavailableException}; a transaction cancelled only by conditions or a
 * competing transaction is a lost race, reported as {@code false}.
 */
final class DynamoCalls {
    private DynamoCalls() {}

    static <T> T call(Supplier<T> call) {
        try {
            return call.get();
        } catch (AwsServiceException e) {
            if (e.isThrottlingException() || e.statusCode() >= 500) {
                throw new ServiceUnavailableException("DynamoDB is unavailable or throttling", e);
            }
            throw e;
        } catch (SdkClientException e) {
            throw new ServiceUnavailableException("DynamoDB could not be reached", e);
        }
    }

    /** Runs a conditional write; false if its condition failed (nothing was written then). */
    static boolean conditionally(Runnable write) {
        try {
            call(() -> {
                write.run();
                return true;
            });
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    /** Runs a transaction; false if it was cancelled by a failed condition or a conflicting transaction. */
    static boolean transact(Runnable transaction) {
        try {
            return call(() -> {
                transaction.run();
                return true;
            });
        } catch (TransactionCanceledException e) {
            List<CancellationReason> reasons = e.cancellationReasons();
            boolean lostRace = reasons.stream().allMatch(r -> r.code() == null || "None".equals(r.code())
                    || "ConditionalCheckFailed".equals(r.code()) || "TransactionConflict".equals(r.code()));
            if (lostRace) return false;
            throw new ServiceUnavailableException("Transaction cancelled: " + reasons.stream()
                    .map(CancellationReason::code).toList(), e);
        }
    }
}
