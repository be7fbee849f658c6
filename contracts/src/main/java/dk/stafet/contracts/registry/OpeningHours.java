package dk.stafet.contracts.registry;

/**
 * When an organisation answers: human text plus a machine-readable kind as written in
 * organisations.json ("24h", "gp-hours", "out-of-hours").
 */
public record OpeningHours(String text, String kind) {

  public Availability availability() {
    return switch (kind) {
      case "24h" -> Availability.ALWAYS;
      case "gp-hours" -> Availability.GP_HOURS;
      case "out-of-hours" -> Availability.OUT_OF_HOURS;
      default -> throw new IllegalStateException("Unknown opening-hours kind: " + kind);
    };
  }
}
