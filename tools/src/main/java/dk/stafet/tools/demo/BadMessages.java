package dk.stafet.tools.demo;

import dk.stafet.contracts.medcom.HospitalNotificationBuilder;
import dk.stafet.contracts.medcom.HospitalNotificationEvent;
import dk.stafet.contracts.medcom.MedcomCodec;
import dk.stafet.contracts.medcom.MedcomFormat;
import dk.stafet.contracts.medcom.MedcomViews.OrganisationView;
import dk.stafet.contracts.registry.Gln;
import dk.stafet.contracts.registry.Organisation;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.random.RandomGenerator;

/**
 * Deliberately bad HospitalNotifications for the front door, so the quarantine has something in it:
 * the kinds a real integration produces — a message cut off in transit, a sender or receiver that
 * is not in the organisation register, and a malformed CPR number. None of them belongs to a
 * patient of the population.
 */
final class BadMessages {

  enum Kind {
    TRUNCATED_JSON("truncated JSON"),
    UNKNOWN_SENDER("unknown sending organisation"),
    UNKNOWN_RECEIVER("unknown receiving organisation"),
    MALFORMED_CPR("malformed CPR number");

    final String description;

    Kind(String description) {
      this.description = description;
    }
  }

  record Bad(Kind kind, Call call) {}

  private final Region region;
  private final RandomGenerator random;
  private final HospitalNotificationBuilder notifications;
  private final MedcomCodec codec;

  BadMessages(
      Region region,
      RandomGenerator random,
      HospitalNotificationBuilder notifications,
      MedcomCodec codec) {
    this.region = region;
    this.random = random;
    this.notifications = notifications;
    this.codec = codec;
  }

  Bad next() {
    Kind kind = Kind.values()[random.nextInt(Kind.values().length)];
    Organisation municipality = region.municipality(random);
    Organisation department = region.acuteDepartment(municipality);
    OrganisationView sender = StayNotifications.view(department);
    OrganisationView receiver = StayNotifications.view(municipality);
    String cpr =
        SyntheticCpr.generate(
            java.time.LocalDate.of(
                1940 + random.nextInt(60), 1 + random.nextInt(12), 1 + random.nextInt(28)),
            random.nextBoolean(),
            random);
    switch (kind) {
      case UNKNOWN_SENDER -> sender = unknown("Privathospitalet Demo (findes ikke)");
      case UNKNOWN_RECEIVER -> receiver = unknown("Demo Kommune (findes ikke)");
      case MALFORMED_CPR -> cpr = malformedCpr();
      default -> {}
    }
    Instant admitted = Instant.now().minus(Duration.ofMinutes(5 + random.nextInt(600)));
    String json =
        codec.write(
            notifications.build(
                new HospitalNotificationBuilder.Notification(
                    HospitalNotificationEvent.STIN,
                    null,
                    sender,
                    receiver,
                    null,
                    cpr,
                    DanishNames.family(random),
                    List.of(DanishNames.given(random.nextBoolean(), random)),
                    "IMP",
                    UUID.randomUUID().toString(),
                    null,
                    admitted,
                    null,
                    null,
                    null,
                    List.of(),
                    null,
                    null)),
            MedcomFormat.JSON);
    if (kind == Kind.TRUNCATED_JSON) {
      json = json.substring(0, (int) (json.length() * (0.3 + 0.6 * random.nextDouble())));
    }
    // Sent by the department's own system with its own token: a Bundle naming an unknown sender is
    // refused for that.
    return new Bad(kind, Call.medcom(department.sor(), json));
  }

  /**
   * An organisation with a well-formed synthetic SOR code and GLN that the register does not hold.
   */
  private OrganisationView unknown(String name) {
    String sor = "99900000" + (9000 + random.nextInt(1000)) + "016";
    String gln12 = "579999" + (900000 + random.nextInt(99999));
    return new OrganisationView(null, sor, gln12 + Gln.checkDigit(gln12), name);
  }

  /** Ten digits that are no CPR number (31 February, month 13), or nine digits. */
  private String malformedCpr() {
    return switch (random.nextInt(3)) {
      case 0 -> "3102" + (40 + random.nextInt(50)) + (1000 + random.nextInt(9000));
      case 1 -> "1513" + (40 + random.nextInt(50)) + (1000 + random.nextInt(9000));
      default -> "0101" + (40 + random.nextInt(50)) + (100 + random.nextInt(900));
    };
  }
}
