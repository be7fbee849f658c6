package dk.stafet.testsupport.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The base R4 check the FHIR tests rely on finds what base R4 forbids. */
class BaseR4Test {

  @Test
  void aServiceRequestWithoutItsRequiredElementsIsReportedAndAMinimalOneIsNot() {
    assertThat(BaseR4.errors("{\"resourceType\":\"ServiceRequest\"}"))
        .anySatisfy(e -> assertThat(e).contains("status"))
        .anySatisfy(e -> assertThat(e).contains("intent"))
        .anySatisfy(e -> assertThat(e).contains("subject"));
    assertThat(
            BaseR4.errors(
                "{\"resourceType\":\"ServiceRequest\",\"status\":\"active\",\"intent\":\"order\","
                    + "\"subject\":{\"identifier\":{\"system\":\"urn:oid:1.2.208.176.1.2\","
                    + "\"value\":\"0101701234\"}}}"))
        .isEmpty();
    assertThat(
            BaseR4.errors(
                "{\"resourceType\":\"ServiceRequest\",\"status\":\"approved\",\"intent\":\"order\","
                    + "\"subject\":{\"display\":\"x\"}}"))
        .anySatisfy(e -> assertThat(e).contains("approved"));
  }
}
