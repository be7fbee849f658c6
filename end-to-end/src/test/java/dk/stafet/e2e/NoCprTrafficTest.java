package dk.stafet.e2e;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Which payloads on a recipient's topic may name their patient (the no-CPR scan's exemption). */
class NoCprTrafficTest {

  private static String letter(String messageHeaderExtra, String receiverGln) {
    return """
        {"resourceType":"Bundle","entry":[
          {"fullUrl":"urn:uuid:h","resource":{"resourceType":"MessageHeader","id":"h",%s
            "destination":[{"endpoint":"https://sor2.sum.dsdn.dk/#id=1","receiver":{"reference":"urn:uuid:r"}}]}},
          {"fullUrl":"urn:uuid:r","resource":{"resourceType":"Organization","id":"r",
            "identifier":[{"system":"urn:oid:1.3.88","value":"%s"}]}},
          {"fullUrl":"urn:uuid:p","resource":{"resourceType":"Patient","id":"p"}}]}
        """
        .formatted(messageHeaderExtra, receiverGln);
  }

  @Test
  void aLetterWhoseReceiverIsTheTopicsOwnerMayNameItsPatient() {
    assertTrue(NoCprTraffic.addressedTo(letter("", "5790001348120"), "5790001348120"));
  }

  @Test
  void aLetterToSomeoneElseOrAnAcknowledgementMayNot() {
    assertFalse(NoCprTraffic.addressedTo(letter("", "5790001348137"), "5790001348120"));
    assertFalse(
        NoCprTraffic.addressedTo(
            letter("\"response\":{\"code\":\"ok\"},", "5790001348120"), "5790001348120"));
    assertFalse(NoCprTraffic.addressedTo("not json", "5790001348120"));
  }
}
