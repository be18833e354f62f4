package handoff.http;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Map;

/**
 * The hosted claim pages: small, accessible HTML with no JavaScript. Because the claim token is in the
 * page's URL, every page forbids referrers, caching and framing, and its only style is allowed by hash.
 */
final class ClaimPages {
    private static final String STYLE = """
            *{box-sizing:border-box}body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;\
            background:#f5f6f8;color:#1d2330;display:flex;min-height:100vh;align-items:center;justify-content:center}\
            main{background:#fff;max-width:30rem;width:92%;padding:2rem 2.25rem;border-radius:12px;\
            box-shadow:0 1px 3px rgba(0,0,0,.08),0 8px 24px rgba(0,0,0,.06)}\
            .brand{font-weight:700;letter-spacing:.02em;color:#4353ff;margin:0 0 1.25rem}\
            h1{font-size:1.4rem;margin:0 0 .5rem}p{margin:.5rem 0;color:#41495a}\
            .actions{display:flex;gap:.75rem;margin-top:1.5rem;flex-wrap:wrap}\
            .button{display:inline-block;padding:.65rem 1.2rem;border-radius:8px;text-decoration:none;font-weight:600;\
            border:2px solid #4353ff}.primary{background:#4353ff;color:#fff}.secondary{color:#4353ff;background:#fff}\
            .button:focus-visible{outline:3px solid #ffb020;outline-offset:2px}\
            .note{font-size:.875rem;color:#6b7385;margin-top:1.5rem}""";
    private static final String CSP = "default-src 'none'; style-src 'sha256-" + sha256Base64(STYLE) + "'; "
            + "img-src 'none'; form-action 'none'; frame-ancestors 'none'; base-uri 'none'";

    /** Headers every claim page and its redirect carry. */
    static final Map<String, String> SECURITY_HEADERS = Map.of(
            "Referrer-Policy", "no-referrer",
            "Content-Security-Policy", CSP,
            "X-Frame-Options", "DENY");

    private ClaimPages() {}

    static String signedOut(String signInUrl, String signUpUrl) {
        return page("Sign in to claim this link",
                "An agent set up a link for you. Sign in, or create an account, to make it yours. "
                        + "You will come straight back here.",
                action(signInUrl, "Sign in", "primary") + action(signUpUrl, "Sign up", "secondary"),
                "Claiming binds the link to your account, or to your active organization.");
    }

    static String expired() {
        return page("This claim link has expired",
                "Claim links can be used for 30 days. This one can no longer be bound to an account, "
                        + "but the link itself keeps working for whoever has it.",
                "", "Ask the agent that sent it to create a new link if you need it in your account.");
    }

    static String alreadyClaimed(String linkPageUrl) {
        return page("This link has already been claimed",
                "Someone has already claimed this link, so it belongs to their account now.",
                action(linkPageUrl, "Open the link", "primary"),
                "If that was you, you will find it in your dashboard.");
    }

    static String notFound() {
        return page("We could not find this claim link",
                "The address may be incomplete or mistyped, or the link it pointed to no longer exists.",
                "", "It is safe to try again with a different claim URL.");
    }

    static String alreadyOwned(String linkPageUrl) {
        return page("This link already has an owner",
                "Nothing was changed: the link stays with its current owner.",
                action(linkPageUrl, "Open the link", "secondary"), "");
    }

    private static String action(String href, String label, String kind) {
        return "<a class=\"button " + kind + "\" href=\"" + escape(href) + "\">" + escape(label) + "</a>";
    }

    private static String page(String title, String body, String actions, String note) {
        return "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">"
                + "<meta name=\"referrer\" content=\"no-referrer\">"
                + "<title>" + escape(title) + " · Handoff</title><style>" + STYLE + "</style></head><body>"
                + "<main><p class=\"brand\">Handoff</p><h1>" + escape(title) + "</h1><p>" + escape(body) + "</p>"
                + (actions.isEmpty() ? "" : "<div class=\"actions\">" + actions + "</div>")
                + (note.isEmpty() ? "" : "<p class=\"note\">" + escape(note) + "</p>")
                + "</main></body></html>";
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private static String sha256Base64(String text) {
        try {
            return Base64.getEncoder().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
