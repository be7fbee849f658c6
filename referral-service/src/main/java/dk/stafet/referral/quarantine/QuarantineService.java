package dk.stafet.referral.quarantine;

import dk.stafet.contracts.cpr.CprNumber;
import dk.stafet.contracts.events.EventJson;
import dk.stafet.contracts.medcom.MedcomIssue;
import dk.stafet.referral.config.FrontDoorConfig;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Keeps every rejected input, raw, with the reason; nothing rejected is ever silently dropped. */
@ApplicationScoped
public class QuarantineService {

  private final MeterRegistry meters;
  private final FrontDoorConfig config;

  public QuarantineService(MeterRegistry meters, FrontDoorConfig config) {
    this.meters = meters;
    this.config = config;
  }

  /** What the front door knew about a rejected input. */
  public record Rejection(
      String channel,
      String contentType,
      String senderGln,
      String messageHeaderId,
      String reasonCode,
      List<MedcomIssue> issues,
      UUID replayOf) {}

  /**
   * The reason is shown in the quarantine list, which operators read; a validator finding may quote
   * an element's value, so anything that looks like a CPR number is masked there. The raw input
   * keeps everything.
   */
  static String maskedReason(List<MedcomIssue> issues) {
    return CprNumber.maskAll(EventJson.write(issues));
  }

  @Transactional(Transactional.TxType.REQUIRED)
  public QuarantinedInput quarantine(Rejection rejection, byte[] rawInput) {
    if (rejection.replayOf() != null) {
      // A replay that is rejected again stays the one entry it was; the replay result says what
      // happened.
      QuarantinedInput replayed = QuarantinedInput.findById(rejection.replayOf());
      replayed.reason = maskedReason(rejection.issues());
      replayed.reasonCode = rejection.reasonCode();
      return replayed;
    }
    QuarantinedInput input = new QuarantinedInput();
    input.id = UUID.randomUUID();
    input.receivedAt = Instant.now();
    input.channel = rejection.channel();
    input.contentType = rejection.contentType();
    input.senderGln = rejection.senderGln();
    input.messageHeaderId = rejection.messageHeaderId();
    input.reasonCode = rejection.reasonCode();
    input.reason = maskedReason(rejection.issues());
    input.sizeBytes = rawInput.length;
    input.rawSha256 = sha256(rawInput);
    // Anything the front door accepts in size is kept whole (it can be replayed); a larger body
    // only as a prefix, so
    // no sender, authenticated or not, can make the quarantine store megabytes per request.
    input.truncated = rawInput.length > config.limits().maxMessageBytes();
    input.rawInput =
        input.truncated
            ? Arrays.copyOf(
                rawInput, Math.min(rawInput.length, config.limits().quarantinePrefixBytes()))
            : rawInput;
    input.status = QuarantinedInput.Status.QUARANTINED;
    input.persist();
    meters
        .counter(
            "stafet.quarantine.added",
            "channel",
            rejection.channel(),
            "reason",
            rejection.reasonCode())
        .increment();
    // The id and the reason code only: the input itself may hold a CPR number or clinical text.
    Log.infof(
        "Quarantined input %s from channel %s: %s",
        input.id, rejection.channel(), rejection.reasonCode());
    return input;
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public List<QuarantinedInput> list(int offset, int limit) {
    return QuarantinedInput.<QuarantinedInput>findAll(
            io.quarkus.panache.common.Sort.descending("receivedAt"))
        .range(offset, offset + limit - 1)
        .list();
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public long count() {
    return QuarantinedInput.count();
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public Optional<QuarantinedInput> find(UUID id) {
    return QuarantinedInput.findByIdOptional(id);
  }

  @Transactional(Transactional.TxType.REQUIRED)
  public void recordReplay(UUID id, boolean accepted, String outcome) {
    QuarantinedInput input = QuarantinedInput.findById(id);
    input.status =
        accepted
            ? QuarantinedInput.Status.REPLAYED_ACCEPTED
            : QuarantinedInput.Status.REPLAYED_REJECTED;
    input.replayedAt = Instant.now();
    input.replayOutcome = outcome;
  }
}
