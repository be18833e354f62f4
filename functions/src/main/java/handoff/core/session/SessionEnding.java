package handoff.core.session;

import handoff.core.link.LinkStatus;
import java.util.List;
import java.util.Map;

/** How a session ends, and what that makes of its link. */
public record SessionEnding(SessionStatus sessionStatus, LinkStatus linkStatus, List<Map<String, Object>> result,
                            String errorCode, String errorMessage) {

    public static SessionEnding completed(List<Map<String, Object>> result) {
        return new SessionEnding(SessionStatus.COMPLETE, LinkStatus.COMPLETE, result, null, null);
    }

    /** The session failed; the link may be claimed again. */
    public static SessionEnding failed(String errorCode, String errorMessage) {
        return new SessionEnding(SessionStatus.FAILED, LinkStatus.FAILED, null, errorCode, errorMessage);
    }

    /** The link's lifetime ran out while the session was running. */
    public static SessionEnding linkExpired() {
        return new SessionEnding(SessionStatus.FAILED, LinkStatus.EXPIRED, null, "link_expired",
                "The link expired before its operations finished.");
    }
}
