package dk.stafet.contracts.pseudonym;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A keyed pseudonym of a patient (HMAC-SHA256 of the CPR number with a secret key). It is the Kafka
 * partition key, so each patient's events keep their order, and it is what logs, URLs and database
 * keys use instead of the CPR number. Without the key the pseudonym cannot be reversed by trying
 * all ~3.6 million CPR numbers of a birth year.
 */
public final class PatientPseudonym {

  private static final String ALGORITHM = "HmacSHA256";
  private final SecretKeySpec key;

  public PatientPseudonym(String secret) {
    if (secret == null || secret.length() < 16) {
      throw new IllegalArgumentException("the pseudonym secret must be at least 16 characters");
    }
    this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM);
  }

  /**
   * The pseudonym: "p-" and 32 hex digits (128 bits of the HMAC, ample against collisions for a
   * nation).
   */
  public String of(String cpr) {
    if (cpr == null || cpr.isBlank()) {
      throw new IllegalArgumentException("no patient identifier to pseudonymise");
    }
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(key);
      byte[] digest = mac.doFinal(cpr.trim().getBytes(StandardCharsets.UTF_8));
      return "p-" + HexFormat.of().formatHex(digest, 0, 16);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA256 is not available", e);
    }
  }
}
