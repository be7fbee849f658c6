package dk.stafet.referral.quarantine.rest;

import dk.stafet.referral.inbound.Channel;
import dk.stafet.referral.inbound.FrontDoor;
import dk.stafet.referral.inbound.InboundRequest;
import dk.stafet.referral.inbound.InboundResult;
import dk.stafet.referral.quarantine.QuarantineService;
import dk.stafet.referral.quarantine.QuarantinedInput;
import dk.stafet.referral.security.NotTheActorException;
import dk.stafet.service.audit.AuditLog;
import dk.stafet.service.security.Caller;
import dk.stafet.service.security.CallerRoles;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Operators' view of rejected input: list, inspect, replay. The raw input is shown only on
 * inspection. Quarantined input can hold anything a sender wrote, CPR numbers and clinical text
 * included, and cannot always be tied to a patient or its organisations; so the quarantine is for
 * course coordinators / operations only (the COORDINATOR role of the token; others 403), and every
 * inspection of raw input is audited.
 */
@Path("/api/quarantine")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Quarantine")
public class QuarantineResource {

  /** A line of the list: what, when, why; never the content. */
  public record QuarantineEntry(
      UUID id,
      Instant receivedAt,
      String channel,
      String contentType,
      String senderGln,
      String messageHeaderId,
      String reasonCode,
      String reason,
      int sizeBytes,
      String status,
      Instant replayedAt,
      String replayOutcome) {

    static QuarantineEntry of(QuarantinedInput input) {
      return new QuarantineEntry(
          input.id,
          input.receivedAt,
          input.channel,
          input.contentType,
          input.senderGln,
          input.messageHeaderId,
          input.reasonCode,
          input.reason,
          input.sizeBytes,
          input.status.name(),
          input.replayedAt,
          input.replayOutcome);
    }
  }

  public record QuarantinePage(long total, List<QuarantineEntry> entries) {}

  public record QuarantineDetail(QuarantineEntry entry, String rawInput) {}

  public record ReplayResult(UUID id, String disposition, String ackCode, UUID newQuarantineId) {}

  private final QuarantineService quarantine;
  private final FrontDoor frontDoor;
  private final Caller caller;
  private final CallerRoles roles;
  private final AuditLog audit;

  public QuarantineResource(
      QuarantineService quarantine,
      FrontDoor frontDoor,
      Caller caller,
      CallerRoles roles,
      AuditLog audit) {
    this.quarantine = quarantine;
    this.frontDoor = frontDoor;
    this.caller = caller;
    this.roles = roles;
    this.audit = audit;
  }

  @GET
  @Operation(summary = "List quarantined input, newest first")
  public QuarantinePage list(
      @QueryParam("offset") @DefaultValue("0") int offset,
      @QueryParam("limit") @DefaultValue("50") int limit) {
    requireOperator("reading the quarantine");
    int pageSize = Math.max(1, Math.min(limit, 500));
    return new QuarantinePage(
        quarantine.count(),
        quarantine.list(Math.max(0, offset), pageSize).stream().map(QuarantineEntry::of).toList());
  }

  @GET
  @Path("/{id}")
  @Transactional
  @Operation(summary = "Inspect one quarantined input, with its raw content (audited)")
  public QuarantineDetail inspect(@PathParam("id") UUID id) {
    String operator = requireOperator("inspecting quarantined input");
    QuarantinedInput input = quarantine.find(id).orElseThrow(NotFoundException::new);
    audit.read(operator, "READ_QUARANTINED_INPUT", null, "QUARANTINE", id.toString());
    return new QuarantineDetail(
        QuarantineEntry.of(input), new String(input.rawInput, StandardCharsets.UTF_8));
  }

  @POST
  @Path("/{id}/replay")
  @Operation(
      summary =
          "Send a quarantined input through the front door again (e.g. after an organisation was registered)")
  public ReplayResult replay(@PathParam("id") UUID id) {
    requireOperator("replaying quarantined input");
    QuarantinedInput input = quarantine.find(id).orElseThrow(NotFoundException::new);
    if (input.truncated) {
      // Only a prefix of an oversized input was kept: there is nothing whole to send through the
      // front door again.
      throw new ClientErrorException(
          "Only the first "
              + input.rawInput.length
              + " of "
              + input.sizeBytes
              + " bytes of this input were kept; it cannot be replayed",
          Response.Status.CONFLICT);
    }
    InboundResult result =
        frontDoor.receive(
            new InboundRequest(
                input.rawInput,
                input.contentType,
                Channel.valueOf(input.channel),
                // a Kafka input stays held to the sender of the topic it came from
                Channel.valueOf(input.channel) == Channel.KAFKA ? input.senderGln : null,
                id));
    boolean accepted =
        result.disposition() == InboundResult.Disposition.ACCEPTED
            || result.disposition() == InboundResult.Disposition.DUPLICATE
            || result.disposition() == InboundResult.Disposition.ACKNOWLEDGEMENT_RECORDED;
    quarantine.recordReplay(id, accepted, result.disposition().name());
    return new ReplayResult(
        id, result.disposition().name(), result.ackCode(), result.quarantineId());
  }

  private String requireOperator(String act) {
    String sor = caller.requireOrganisation();
    if (!roles.isCoordinator(sor)) {
      throw new NotTheActorException(act, "course coordinator / operations (COORDINATOR role)");
    }
    return sor;
  }
}
