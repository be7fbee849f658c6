package dk.stafet.contracts.medcom;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class MessageLimitsTest {

  private static final MessageLimits LIMITS = MessageLimits.DEFAULT;

  @Test
  void everyMedcomExampleIsWithinTheDefaultLimits() {
    for (Path file : MedcomExamples.allExampleFiles()) {
      MedcomFormat format = file.toString().endsWith(".xml") ? MedcomFormat.XML : MedcomFormat.JSON;
      assertThat(LIMITS.firstExceeded(MedcomExamples.read(file), format))
          .as(file.getFileName().toString())
          .isEmpty();
    }
  }

  @Test
  void theHospitalNotificationPaddedWith8000EntriesIsRefusedForItsEntries() {
    String padded =
        MedcomMutants.paddedWithEntries(
            MedcomExamples.read("HospitalNotification_Ex_STIN_A.json"), 8_000);
    assertThat(padded.length()).isGreaterThan(1_000_000);

    assertThat(LIMITS.firstExceeded(padded, MedcomFormat.JSON))
        .hasValue("Message has more than 200 Bundle entries (limit max-entries)");
  }

  @Test
  void entriesAreCountedOnlyAtBundleEntry() {
    String json =
        "{\"resourceType\":\"Bundle\",\"entry\":[{},{},{}],\"x\":{\"entry\":[{},{},{},{}]}}";

    assertThat(new MessageLimits(3, 1000, 10, 100).firstExceeded(json, MedcomFormat.JSON))
        .isEmpty();
    assertThat(new MessageLimits(2, 1000, 10, 100).firstExceeded(json, MedcomFormat.JSON))
        .get()
        .asString()
        .contains("max-entries");
  }

  @Test
  void eachLimitIsNamedInJsonAndXml() {
    MessageLimits small = new MessageLimits(2, 20, 4, 10);
    assertThat(small.firstExceeded("{\"a\":[[[[[1]]]]]}", MedcomFormat.JSON))
        .get()
        .asString()
        .contains("max-depth");
    assertThat(small.firstExceeded("{\"a\":\"" + "x".repeat(11) + "\"}", MedcomFormat.JSON))
        .get()
        .asString()
        .contains("max-string-length");
    assertThat(small.firstExceeded("{\"a\":[" + "1,".repeat(30) + "1]}", MedcomFormat.JSON))
        .get()
        .asString()
        .contains("max-elements");

    String xmlEntries = "<Bundle xmlns=\"http://hl7.org/fhir\"><entry/><entry/><entry/></Bundle>";
    assertThat(small.firstExceeded(xmlEntries, MedcomFormat.XML))
        .get()
        .asString()
        .contains("max-entries");
    assertThat(small.firstExceeded("<a><b><c><d><e/></d></c></b></a>", MedcomFormat.XML))
        .get()
        .asString()
        .contains("max-depth");
    assertThat(
            small.firstExceeded("<a><b value=\"" + "x".repeat(11) + "\"/></a>", MedcomFormat.XML))
        .get()
        .asString()
        .contains("max-string-length");
    assertThat(small.firstExceeded("<a>" + "<b/>".repeat(25) + "</a>", MedcomFormat.XML))
        .get()
        .asString()
        .contains("max-elements");
  }

  @Test
  void malformedTextIsLeftToTheParser() {
    assertThat(
            LIMITS.firstExceeded("{\"resourceType\": \"Bundle\", \"entry\": [", MedcomFormat.JSON))
        .isEmpty();
    assertThat(LIMITS.firstExceeded("<Bundle", MedcomFormat.XML)).isEmpty();
  }
}
