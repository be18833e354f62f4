package handoff.core.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import handoff.core.InvalidRequestException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ReturnUrlTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "https://your-app.com/done                 | https://your-app.com/done?linkId=link_abc123",
            "myapp://callback?ref=foo                  | myapp://callback?ref=foo&linkId=link_abc123",
            "myapp://callback                          | myapp://callback?linkId=link_abc123",
            "https://a.com/done?x=1&y=2                | https://a.com/done?x=1&y=2&linkId=link_abc123",
            "https://a.com/done#section                | https://a.com/done?linkId=link_abc123#section",
            "https://a.com/done?ref=foo#frag?not=query | https://a.com/done?ref=foo&linkId=link_abc123#frag?not=query",
            "https://a.com/done?                       | https://a.com/done?linkId=link_abc123",
            "http://localhost:3000/cb                  | http://localhost:3000/cb?linkId=link_abc123",
    })
    void linkIdIsAppendedKeepingQueryAndFragment(String url, String expected) {
        assertThat(ReturnUrl.withLinkId(ReturnUrl.validate(url), "link_abc123")).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "javascript:alert(1)", "JavaScript://%0aalert(1)", "data:text/html,<script>alert(1)</script>",
            "vbscript:msgbox", "file:///etc/passwd", "http://evil.example.com/cb", "https://", "not a url",
            "/relative/path", "https://exa mple.com", " https://a.com", "mailto:someone@example.com",
    })
    void dangerousOrMalformedUrlsAreRefused(String url) {
        assertThatThrownBy(() -> ReturnUrl.validate(url))
                .isInstanceOf(InvalidRequestException.class)
                .extracting(e -> ((InvalidRequestException) e).code()).isEqualTo("invalid_return_url");
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://a.com", "myapp://callback", "com.example.app://oauth/done", "http://127.0.0.1:8080/x"})
    void safeUrlsAreAccepted(String url) {
        assertThat(ReturnUrl.validate(url)).isEqualTo(url);
    }
}
