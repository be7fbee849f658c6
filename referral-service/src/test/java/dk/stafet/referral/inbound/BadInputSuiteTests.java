package dk.stafet.referral.inbound;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dk.stafet.service.audit.AuditEntry;
import dk.stafet.testsupport.KafkaKraftResource;
import dk.stafet.testsupport.PostgresResource;
import dk.stafet.testsupport.TestTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * A generated suite of over a hundred bad inputs across every category of the front door's layers.
 * Each must get the right HTTP status and answer, the service must stay healthy, and the quarantine
 * must grow by exactly the number of rejected inputs: nothing rejected is dropped.
 */
@QuarkusTest
@WithTestResource(KafkaKraftResource.class)
@WithTestResource(PostgresResource.class)
class BadInputSuiteTests {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String FHIR_JSON = "application/fhir+json; charset=UTF-8";
  private static final String FHIR_XML = "application/fhir+xml; charset=UTF-8";

  /** A COORDINATOR token (TestTokens): the quarantine is for operators. */
  private static final String COORDINATOR = "999999000901001";

  /** One bad input, what it is, and the status it must get. */
  record BadInput(
      String category,
      String name,
      byte[] body,
      String contentType,
      String authenticatedSender,
      int status) {
    static BadInput of(String category, String name, String body, String contentType, int status) {
      return new BadInput(
          category, name, body.getBytes(StandardCharsets.UTF_8), contentType, null, status);
    }

    /** What the answer must name for this category: the problem, not just any error. */
    String mustMention() {
      return MUST_MENTION.getOrDefault(category, "");
    }
  }

  private static final java.util.Map<String, String> MUST_MENTION =
      java.util.Map.ofEntries(
          java.util.Map.entry("bundle-type", "Bundle.type"),
          java.util.Map.entry("event-code", "MessageHeader"),
          java.util.Map.entry("cpr", "CPR number"),
          java.util.Map.entry("organisation", "not registered"),
          java.util.Map.entry("dates", "Encounter"),
          java.util.Map.entry("mismatched-sender", "authenticated organisation"),
          java.util.Map.entry("duplicate", "MSG_DUPLICATE_ID"),
          java.util.Map.entry("content-type", "Content type"),
          java.util.Map.entry("hostile-xml", "DOCTYPE"),
          java.util.Map.entry("oversized", "exceeds the limit"),
          java.util.Map.entry("unidentifiable", "Cannot answer this message"),
          java.util.Map.entry("invalid-value", "Invalid value"));

  @Test
  void everyBadInputGetsTheRightAnswerAndIsQuarantined() throws Exception {
    List<BadInput> inputs = generate();
    long rejected = inputs.stream().filter(input -> input.status() != 200).count();
    assertThat(rejected).isGreaterThanOrEqualTo(100);
    long quarantinedBefore = quarantineTotal();

    List<String> wrong = new ArrayList<>();
    for (BadInput input : inputs) {
      var request = given().body(input.body());
      if (input.contentType() != null) {
        request = request.contentType(input.contentType());
      }
      // Every sender presents a token; unless the input is about a mismatching one, it is the
      // examples' sender's.
      request =
          request
              .auth()
              .oauth2(
                  TestTokens.forOrganisation(
                      input.authenticatedSender() != null
                          ? input.authenticatedSender()
                          : MedcomSenders.EXAMPLES_SENDER));
      Response response = request.when().post("/fhir/$process-message").then().extract().response();
      if (response.statusCode() != input.status()) {
        wrong.add(
            input.category()
                + "/"
                + input.name()
                + ": expected "
                + input.status()
                + " got "
                + response.statusCode());
        continue;
      }
      String answer = response.asString();
      if (input.status() == 200) {
        continue; // the set-up letter whose Bundle.id the next inputs reuse
      }
      if (input.status() == 422) {
        // A fatal-error acknowledgement naming the problem.
        if (!answer.contains("fatal-error") || !answer.contains("OperationOutcome")) {
          wrong.add(input.category() + "/" + input.name() + ": no fatal-error acknowledgement");
        }
      } else if (!answer.contains("OperationOutcome") || !answer.contains("diagnostics")) {
        wrong.add(
            input.category() + "/" + input.name() + ": no OperationOutcome naming the problem");
      }
      if (!answer.contains(input.mustMention())) {
        wrong.add(
            input.category()
                + "/"
                + input.name()
                + ": answer does not name the problem ("
                + input.mustMention()
                + ")");
      }
      if (response.getHeader("X-Stafet-Quarantine-Id") == null) {
        wrong.add(input.category() + "/" + input.name() + ": not quarantined");
      }
    }

    assertThat(wrong).isEmpty();
    given().when().get("/q/health/ready").then().statusCode(200);
    assertThat(quarantineTotal() - quarantinedBefore).isEqualTo(rejected);
  }

  @Test
  void theQuarantineIsForOperatorsAndEveryReadingOfRawInputIsAudited() {
    String id =
        given()
            .auth()
            .oauth2(TestTokens.forOrganisation(MedcomSenders.EXAMPLES_SENDER))
            .body("{\"resourceType\": \"Bundle\", \"entry\": [")
            .contentType(FHIR_JSON)
            .when()
            .post("/fhir/$process-message")
            .then()
            .statusCode(400)
            .extract()
            .header("X-Stafet-Quarantine-Id");
    String department = "265161000016000";

    given().when().get("/api/quarantine").then().statusCode(401);
    given()
        .auth()
        .oauth2(TestTokens.forOrganisation(department))
        .when()
        .get("/api/quarantine")
        .then()
        .statusCode(403);
    given()
        .auth()
        .oauth2(TestTokens.forOrganisation(department))
        .when()
        .get("/api/quarantine/" + id)
        .then()
        .statusCode(403);
    given()
        .auth()
        .oauth2(TestTokens.forOrganisation(department))
        .when()
        .post("/api/quarantine/" + id + "/replay")
        .then()
        .statusCode(403);
    given()
        .auth()
        .oauth2(TestTokens.forOrganisation(COORDINATOR))
        .when()
        .get("/api/quarantine/" + id)
        .then()
        .statusCode(200)
        .body("rawInput", org.hamcrest.Matchers.startsWith("{\"resourceType\": \"Bundle\""));

    assertThat(
            QuarkusTransaction.requiringNew()
                .call(() -> AuditEntry.<AuditEntry>list("resourceId", id)))
        .extracting(e -> e.callerSor + " " + e.action + " " + e.outcome + " " + e.resourceType)
        .containsExactly(COORDINATOR + " READ_QUARANTINED_INPUT GRANTED QUARANTINE");
  }

  private static long quarantineTotal() {
    return given()
        .auth()
        .oauth2(TestTokens.forOrganisation(COORDINATOR))
        .when()
        .get("/api/quarantine?limit=1")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath()
        .getLong("total");
  }

  static List<BadInput> generate() throws Exception {
    String valid = MedcomExamples.read(MedcomExamples.hospitalNotification("STIN_A"));
    String validXml =
        MedcomExamples.read(
            MedcomExamples.folder()
                .resolve(
                    "medcomfhir-website/ig/hospitalnotification/3.0.2/Bundle-a5e5b880-c087-4055-b9ec-99108695f81d.xml"));
    List<BadInput> inputs = new ArrayList<>();

    // Malformed and truncated JSON and XML.
    for (int i = 1; i <= 25; i++) {
      String whole = fresh(valid);
      inputs.add(
          BadInput.of(
              "malformed-json",
              "truncated-" + i,
              whole.substring(0, whole.length() * i / 27),
              FHIR_JSON,
              400));
    }
    for (int i = 1; i <= 12; i++) {
      inputs.add(
          BadInput.of(
              "malformed-xml",
              "truncated-" + i,
              validXml.substring(0, validXml.length() * i / 14),
              FHIR_XML,
              400));
    }
    for (String junk :
        List.of(
            "{",
            "}",
            "[]",
            "null",
            "\"text\"",
            "{\"resourceType\":}",
            "{'single':'quotes'}",
            "{\"resourceType\":\"Bundle\",,}",
            "<Bundle",
            "<Bundle xmlns=\"http://hl7.org/fhir\"><id value=\"x\"/>",
            "{\"foo\":1}",
            "{\"resourceType\":\"NoSuchResource\"}")) {
      inputs.add(
          BadInput.of(
              "malformed",
              "junk-" + inputs.size(),
              junk,
              junk.startsWith("<") ? FHIR_XML : FHIR_JSON,
              400));
    }
    inputs.add(BadInput.of("malformed", "empty-body", "", FHIR_JSON, 400));
    inputs.add(
        BadInput.of(
            "malformed",
            "patient-not-bundle",
            "{\"resourceType\":\"Patient\",\"id\":\"p1\"}",
            FHIR_JSON,
            400));
    inputs.add(
        new BadInput(
            "malformed",
            "not-utf8",
            new byte[] {'{', (byte) 0xC3, (byte) 0x28, (byte) 0xFF, '}'},
            FHIR_JSON,
            null,
            400));
    inputs.add(
        BadInput.of(
            "malformed",
            "invalid-date-value",
            mutate(valid, bundle -> bundle.put("timestamp", "yesterday")),
            FHIR_JSON,
            400));

    // Wrong content type.
    for (String type :
        List.of(
            "text/plain",
            "application/pdf",
            "image/png",
            "multipart/form-data; boundary=x",
            "application/octet-stream",
            "text/html")) {
      inputs.add(BadInput.of("content-type", type, fresh(valid), type, 415));
    }

    // Hostile XML: external entities and entity expansion, in XML and in the JSON narrative.
    inputs.add(
        BadInput.of(
            "hostile-xml",
            "xxe-file",
            "<?xml version=\"1.0\"?><!DOCTYPE Bundle [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>"
                + "<Bundle xmlns=\"http://hl7.org/fhir\"><id value=\"&xxe;\"/></Bundle>",
            FHIR_XML,
            400));
    inputs.add(
        BadInput.of(
            "hostile-xml",
            "xxe-parameter-entity",
            "<?xml version=\"1.0\"?><!DOCTYPE Bundle [<!ENTITY % p SYSTEM "
                + "\"http://127.0.0.1:1/evil.dtd\"> %p;]><Bundle xmlns=\"http://hl7.org/fhir\"/>",
            FHIR_XML,
            400));
    StringBuilder laughs =
        new StringBuilder("<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">");
    for (int i = 1; i <= 9; i++) {
      laughs
          .append("<!ENTITY lol")
          .append(i)
          .append(" \"")
          .append(("&lol" + (i == 1 ? "" : String.valueOf(i - 1)) + ";").repeat(10))
          .append("\">");
    }
    laughs.append("]><Bundle xmlns=\"http://hl7.org/fhir\"><id value=\"&lol9;\"/></Bundle>");
    inputs.add(BadInput.of("hostile-xml", "billion-laughs", laughs.toString(), FHIR_XML, 400));
    inputs.add(
        BadInput.of(
            "hostile-xml",
            "doctype-in-narrative",
            mutate(
                valid,
                bundle ->
                    firstResource(bundle, "MessageHeader")
                        .with("text")
                        .put(
                            "div",
                            "<!DOCTYPE div [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><div xmlns=\"http://www.w3.org/1999/xhtml\">&x;</div>")),
            FHIR_JSON,
            400));

    // Oversized payloads.
    inputs.add(
        BadInput.of(
            "oversized",
            "10MB",
            "{\"resourceType\":\"Bundle\",\"id\":\"" + "x".repeat(10 * 1024 * 1024) + "\"}",
            FHIR_JSON,
            413));
    inputs.add(
        BadInput.of(
            "oversized",
            "3MB-xml",
            "<Bundle xmlns=\"http://hl7.org/fhir\">" + " ".repeat(3 * 1024 * 1024) + "</Bundle>",
            FHIR_XML,
            413));

    // Unidentifiable: no MessageHeader, no letter id, no sender.
    inputs.add(
        BadInput.of(
            "unidentifiable",
            "no-message-header",
            mutate(valid, bundle -> ((ArrayNode) bundle.get("entry")).remove(0)),
            FHIR_JSON,
            400));
    inputs.add(
        BadInput.of(
            "unidentifiable",
            "no-message-header-id",
            mutate(
                valid,
                bundle -> {
                  firstResource(bundle, "MessageHeader").remove("id");
                  ((ObjectNode) bundle.withArray("entry").get(0))
                      .remove("fullUrl"); // HAPI would take the id from the fullUrl
                }),
            FHIR_JSON,
            400));
    inputs.add(
        BadInput.of(
            "unidentifiable",
            "no-bundle-id",
            mutate(valid, bundle -> bundle.remove("id")),
            FHIR_JSON,
            400));
    inputs.add(
        BadInput.of(
            "unidentifiable",
            "no-sender",
            mutate(valid, bundle -> firstResource(bundle, "MessageHeader").remove("sender")),
            FHIR_JSON,
            400));
    inputs.add(
        BadInput.of(
            "unidentifiable",
            "sender-unresolvable",
            mutate(
                valid,
                bundle ->
                    firstResource(bundle, "MessageHeader")
                        .with("sender")
                        .put("reference", "Organization/does-not-exist")),
            FHIR_JSON,
            400));

    // Wrong Bundle type (identifiable, so a fatal-error acknowledgement).
    for (String type :
        List.of("collection", "document", "transaction", "batch", "searchset", "history")) {
      inputs.add(
          BadInput.of(
              "bundle-type",
              type,
              mutate(valid, bundle -> bundle.put("type", type)),
              FHIR_JSON,
              422));
    }

    // Unknown event codes.
    for (String code :
        List.of(
            "hospital-notification",
            "HOSPITAL-NOTIFICATION-MESSAGE",
            "discharge-letter",
            "",
            "x")) {
      inputs.add(
          BadInput.of(
              "event-code",
              "code-" + code,
              mutate(
                  valid,
                  bundle ->
                      firstResource(bundle, "MessageHeader")
                          .with("eventCoding")
                          .put("code", code.isEmpty() ? "unknown-event" : code)),
              FHIR_JSON,
              422));
    }
    inputs.add(
        BadInput.of(
            "event-code",
            "wrong-system",
            mutate(
                valid,
                bundle ->
                    firstResource(bundle, "MessageHeader")
                        .with("eventCoding")
                        .put("system", "http://example.org/events")),
            FHIR_JSON,
            422));
    inputs.add(
        BadInput.of(
            "event-code",
            "no-event",
            mutate(valid, bundle -> firstResource(bundle, "MessageHeader").remove("eventCoding")),
            FHIR_JSON,
            422));
    inputs.add(
        BadInput.of(
            "event-code",
            "unknown-provenance-activity",
            mutate(
                valid,
                bundle ->
                    firstResource(bundle, "Provenance")
                        .with("activity")
                        .withArray("coding")
                        .forEach(coding -> ((ObjectNode) coding).put("code", "teleport-patient"))),
            FHIR_JSON,
            422));

    // Malformed CPR numbers (the modulus-11 check is only a warning).
    for (String cpr :
        List.of(
            "250947998",
            "25094799890",
            "2509479a89",
            "ABCDEFGHIJ",
            "3102991234",
            "3002201234",
            "0000001234",
            "3213991234",
            "2513471234",
            "250947-9989",
            "2509479989x",
            "2509479989-")) {
      inputs.add(
          BadInput.of(
              "cpr",
              "cpr-" + inputs.size(),
              mutate(
                  valid,
                  bundle ->
                      firstResource(bundle, "Patient")
                          .withArray("identifier")
                          .forEach(identifier -> ((ObjectNode) identifier).put("value", cpr))),
              FHIR_JSON,
              422));
    }

    // Unknown organisations.
    for (String[] identifiers :
        List.of(
            new String[] {"111111000016000", "5790000000012"},
            new String[] {"222222000016004", "5798000000019"},
            new String[] {"333333000016001", "5790000000029"})) {
      inputs.add(
          BadInput.of(
              "organisation",
              "unknown-sender-" + identifiers[0],
              mutate(
                  valid,
                  bundle ->
                      senderOrganisation(bundle)
                          .withArray("identifier")
                          .forEach(
                              identifier ->
                                  replaceIdentifier((ObjectNode) identifier, identifiers))),
              FHIR_JSON,
              422));
      inputs.add(
          BadInput.of(
              "organisation",
              "unknown-receiver-" + identifiers[0],
              mutate(
                  valid,
                  bundle ->
                      receiverOrganisation(bundle)
                          .withArray("identifier")
                          .forEach(
                              identifier ->
                                  replaceIdentifier((ObjectNode) identifier, identifiers))),
              FHIR_JSON,
              422));
    }

    // Impossible dates.
    inputs.add(
        BadInput.of(
            "dates",
            "ends-before-start",
            mutate(
                valid,
                bundle ->
                    firstResource(bundle, "Encounter")
                        .with("period")
                        .put("start", "2023-03-01T10:00:00+01:00")
                        .put("end", "2023-02-01T10:00:00+01:00")),
            FHIR_JSON,
            422));
    inputs.add(
        BadInput.of(
            "dates",
            "ends-a-second-before-start",
            mutate(
                valid,
                bundle ->
                    firstResource(bundle, "Encounter")
                        .with("period")
                        .put("start", "2023-03-01T10:00:00+01:00")
                        .put("end", "2023-03-01T09:59:59+01:00")),
            FHIR_JSON,
            422));
    inputs.add(
        BadInput.of(
            "dates",
            "starts-next-year",
            mutate(
                valid,
                bundle ->
                    firstResource(bundle, "Encounter")
                        .with("period")
                        .put("start", java.time.Year.now().plusYears(1) + "-01-01T10:00:00+01:00")),
            FHIR_JSON,
            422));
    inputs.add(
        BadInput.of(
            "dates",
            "starts-in-2099",
            mutate(
                valid,
                bundle ->
                    firstResource(bundle, "Encounter")
                        .with("period")
                        .put("start", "2099-03-01T10:00:00+01:00")),
            FHIR_JSON,
            422));
    inputs.add(
        BadInput.of(
            "invalid-value",
            "impossible-calendar-date",
            mutate(
                valid,
                bundle ->
                    firstResource(bundle, "Encounter")
                        .with("period")
                        .put("start", "2023-02-30T10:00:00+01:00")),
            FHIR_JSON,
            400));

    // Sender that is not the authenticated organisation.
    for (String caller : List.of("5790001348120", "953741000016009", "123456789012345")) {
      inputs.add(
          new BadInput(
              "mismatched-sender",
              "caller-" + caller,
              fresh(valid).getBytes(StandardCharsets.UTF_8),
              FHIR_JSON,
              caller,
              422));
    }

    // Duplicates that are errors: a Bundle.id reused for a new letter.
    String reusedBundleId = UUID.randomUUID().toString();
    String firstLetter = mutate(valid, bundle -> bundle.put("id", reusedBundleId));
    inputs.add(
        BadInput.of("duplicate", "bundle-id-reused-setup-accepted", firstLetter, FHIR_JSON, 200));
    for (int i = 0; i < 3; i++) {
      inputs.add(
          BadInput.of(
              "duplicate",
              "bundle-id-reused-" + i,
              mutate(valid, bundle -> bundle.put("id", reusedBundleId)),
              FHIR_JSON,
              422));
    }
    // A retransmission of a rejected letter is rejected again (and quarantined again).
    String rejected = mutate(valid, bundle -> bundle.put("type", "collection"));
    inputs.add(BadInput.of("bundle-type", "rejected-letter", rejected, FHIR_JSON, 422));
    // ... and its retransmission gets the same fatal-error answer again, naming the same problem.
    inputs.add(
        BadInput.of("bundle-type", "rejected-letter-again", reEnvelope(rejected), FHIR_JSON, 422));

    return inputs;
  }

  // ---- helpers to make variants of a valid message, each with its own ids ----

  private static String fresh(String valid) throws Exception {
    return mutate(valid, bundle -> {});
  }

  private static String mutate(String valid, Consumer<ObjectNode> change) throws Exception {
    // A stay of its own too, so the accepted variants leave the example's own stay to the tests
    // that send the example.
    ObjectNode bundle = MedcomExamples.withNewIds((ObjectNode) JSON.readTree(valid));
    change.accept(bundle);
    return JSON.writeValueAsString(bundle);
  }

  private static String reEnvelope(String message) throws Exception {
    ObjectNode bundle = (ObjectNode) JSON.readTree(message);
    bundle.put("id", UUID.randomUUID().toString());
    return JSON.writeValueAsString(bundle);
  }

  private static ObjectNode firstResource(ObjectNode bundle, String type) {
    return MedcomExamples.firstResource(bundle, type);
  }

  private static ObjectNode organisation(ObjectNode bundle, String reference) {
    String id = reference.substring(reference.indexOf('/') + 1);
    for (JsonNode entry : bundle.withArray("entry")) {
      JsonNode resource = entry.path("resource");
      if ("Organization".equals(resource.path("resourceType").asText())
          && id.equals(resource.path("id").asText())) {
        return (ObjectNode) resource;
      }
    }
    throw new IllegalStateException("no organisation " + id);
  }

  private static ObjectNode senderOrganisation(ObjectNode bundle) {
    return organisation(
        bundle, firstResource(bundle, "MessageHeader").path("sender").path("reference").asText());
  }

  private static ObjectNode receiverOrganisation(ObjectNode bundle) {
    return organisation(
        bundle,
        firstResource(bundle, "MessageHeader")
            .withArray("destination")
            .get(0)
            .path("receiver")
            .path("reference")
            .asText());
  }

  private static void replaceIdentifier(ObjectNode identifier, String[] sorAndGln) {
    String system = identifier.path("system").asText();
    if (system.equals("urn:oid:1.2.208.176.1.1")) {
      identifier.put("value", sorAndGln[0]);
    } else if (system.equals("https://www.gs1.org/gln")) {
      identifier.put("value", sorAndGln[1]);
    }
  }
}
