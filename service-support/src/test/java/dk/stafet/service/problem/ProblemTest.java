package dk.stafet.service.problem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.stafet.service.security.NotAuthenticatedException;
import org.junit.jupiter.api.Test;

class ProblemTest {

  private final ObjectMapper json = new ObjectMapper();

  @Test
  void typeAndTitleFollowFromTheCode() {
    Problem problem = Problem.of(409, "HANDOVER_ALREADY_ACCEPTED", "handover h-1 is ACCEPTED");
    assertThat(problem.type()).isEqualTo("https://stafet.dk/problems/handover-already-accepted");
    assertThat(problem.title()).isEqualTo("Handover already accepted");
    assertThat(problem.status()).isEqualTo(409);
    assertThat(problem.code()).isEqualTo("HANDOVER_ALREADY_ACCEPTED");
  }

  @Test
  void serialisesTheRfc9457MembersAndTheCodeLeavingOutWhatIsNull() throws Exception {
    JsonNode body =
        json.valueToTree(
            Problem.of(404, "PATIENT_NOT_FOUND", "Patient not found", "no such patient"));
    assertThat(body.fieldNames())
        .toIterable()
        .containsExactly("type", "title", "status", "detail", "code");
    assertThat(body.get("status").asInt()).isEqualTo(404);

    JsonNode transition =
        json.valueToTree(
            Problem.of(409, "INVALID_TRANSITION", "Invalid transition", "refused")
                .withTransition("referral", "START", "RECEIVED"));
    assertThat(transition.get("aggregate").asText()).isEqualTo("referral");
    assertThat(transition.get("transition").asText()).isEqualTo("START");
    assertThat(transition.get("fromState").asText()).isEqualTo("RECEIVED");
  }

  @Test
  void theSame401Everywhere() {
    Problem problem = Problem.notAuthenticated(new NotAuthenticatedException());
    assertThat(problem.code()).isEqualTo("NOT_AUTHENTICATED");
    assertThat(problem.type()).isEqualTo("https://stafet.dk/problems/not-authenticated");
    assertThat(problem.title()).isEqualTo("No calling organisation");
    assertThat(problem.status()).isEqualTo(401);
    assertThat(problem.detail()).contains("bearer token");
  }

  @Test
  void masksAnythingShapedLikeACprNumberButNotSorCodes() {
    Problem problem =
        Problem.of(422, "INVALID_CPR", "got 0101901234 and 010190-1234 from 999999000901001");
    assertThat(problem.detail())
        .doesNotContain("0101901234")
        .doesNotContain("010190-1234")
        .contains("999999000901001");
  }

  @Test
  void refusesCodesThatAreNotUpperSnakeAndStatusesThatAreNotErrors() {
    assertThatThrownBy(() -> Problem.of(409, "not-a-code", "x"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Problem.of(200, "FINE", "x"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
