package dk.stafet.web.view;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class QuarantineReasonsTest {

  @Test
  void theErrorsWithTheirPathNotTheWarnings() {
    String reason =
        "[{\"severity\":\"WARNING\",\"path\":\"Bundle.entry[0]\",\"diagnostics\":\"fullUrl\",\"error\":false},"
            + "{\"severity\":\"ERROR\",\"path\":\"Bundle.type\",\"diagnostics\":\"Bundle.type must be 'message'\",\"error\":true},"
            + "{\"severity\":\"FATAL\",\"diagnostics\":\"Message is not valid UTF-8\"}]";
    assertThat(QuarantineReasons.errors(reason))
        .containsExactly(
            "Bundle.type: Bundle.type must be 'message'", "Message is not valid UTF-8");
  }

  @Test
  void atMostThreeAndPlainTextAsItIs() {
    String issue = "{\"severity\":\"ERROR\",\"path\":\"p\",\"diagnostics\":\"d\",\"error\":true}";
    assertThat(QuarantineReasons.errors("[" + String.join(",", issue, issue, issue, issue) + "]"))
        .hasSize(3);
    assertThat(QuarantineReasons.errors("Unknown receiver <script>"))
        .containsExactly("Unknown receiver <script>");
    assertThat(QuarantineReasons.errors(null)).isEmpty();
  }
}
