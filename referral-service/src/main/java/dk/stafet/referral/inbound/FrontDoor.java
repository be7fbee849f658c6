package dk.stafet.referral.inbound;

import dk.stafet.contracts.medcom.MedcomCodec;
import dk.stafet.contracts.medcom.MedcomFormat;
import dk.stafet.contracts.medcom.MedcomIssue;
import dk.stafet.contracts.medcom.MedcomMessage;
import dk.stafet.contracts.medcom.MedcomParseException;
import dk.stafet.contracts.medcom.MedcomValidator;
import dk.stafet.contracts.medcom.MessageContentRules;
import dk.stafet.contracts.medcom.MessageLimits;
import dk.stafet.contracts.medcom.MessageType;
import dk.stafet.contracts.medcom.OperationOutcomes;
import dk.stafet.referral.config.FrontDoorConfig;
import dk.stafet.referral.quarantine.QuarantineService;
import dk.stafet.referral.quarantine.QuarantineService.Rejection;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.OperationOutcome;

/**
 * The one behaviour behind both doors (HTTP {@code $process-message} and Kafka {@code
 * medcom.inbound}): read, identify, validate in layers, then let {@link MessageReception} store and
 * act on it and answer with a MedCom acknowledgement. Input too broken to tell its sender or letter
 * id is quarantined and answered with an OperationOutcome.
 */
@ApplicationScoped
public class FrontDoor {

  private final MedcomCodec codec;
  private final MedcomValidator validator;
  private final MessageContentRules contentRules;
  private final MessageRules rules;
  private final MessageReception reception;
  private final QuarantineService quarantine;
  private final FrontDoorConfig config;
  private final MeterRegistry meters;

  /** Bounds the messages in flight (FrontDoorConfig.Limits#maxConcurrent): heap, not throughput. */
  private final InFlightLimit inFlight;

  public FrontDoor(
      MedcomCodec codec,
      MedcomValidator validator,
      MessageContentRules contentRules,
      MessageRules rules,
      MessageReception reception,
      QuarantineService quarantine,
      FrontDoorConfig config,
      MeterRegistry meters,
      InFlightLimit inFlight) {
    this.codec = codec;
    this.validator = validator;
    this.contentRules = contentRules;
    this.rules = rules;
    this.reception = reception;
    this.quarantine = quarantine;
    this.config = config;
    this.meters = meters;
    this.inFlight = inFlight;
  }

  public InboundResult receive(InboundRequest request) {
    InboundResult result = inFlight.run(() -> process(request));
    meters
        .counter(
            "stafet.front_door.received",
            "channel",
            request.channel().name(),
            "disposition",
            result.disposition().name())
        .increment();
    return result;
  }

  private InboundResult process(InboundRequest request) {
    byte[] body = request.body() == null ? new byte[0] : request.body();
    if (body.length > config.limits().maxMessageBytes()) {
      return unreadable(
          request,
          InboundResult.Disposition.TOO_LARGE,
          "TOO_LARGE",
          OperationOutcome.IssueType.TOOCOSTLY,
          "Message of "
              + body.length
              + " bytes exceeds the limit of "
              + config.limits().maxMessageBytes()
              + " bytes");
    }
    Optional<MedcomFormat> declared = MedcomFormat.fromContentType(request.contentType());
    if (request.channel() == Channel.HTTP && declared.isEmpty()) {
      return unreadable(
          request,
          InboundResult.Disposition.UNSUPPORTED_MEDIA_TYPE,
          "UNSUPPORTED_MEDIA_TYPE",
          OperationOutcome.IssueType.NOTSUPPORTED,
          "Content type must be application/fhir+json or application/fhir+xml");
    }
    Charset charset = declaredCharset(request.contentType());
    String text;
    try {
      text =
          charset
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(body))
              .toString();
    } catch (CharacterCodingException e) {
      return unreadable(
          request,
          InboundResult.Disposition.UNREADABLE,
          "BAD_ENCODING",
          OperationOutcome.IssueType.STRUCTURE,
          "Message is not valid " + charset.name());
    }
    Optional<MedcomFormat> scannable = declared.or(() -> MedcomFormat.sniff(text));
    Optional<String> overLimit = scannable.flatMap(format -> limits().firstExceeded(text, format));
    if (overLimit.isPresent()) {
      return unreadable(
          request,
          InboundResult.Disposition.TOO_LARGE,
          "OVER_LIMIT",
          OperationOutcome.IssueType.TOOCOSTLY,
          overLimit.get());
    }
    MedcomCodec.Parsed parsed;
    try {
      parsed =
          declared.isPresent()
              ? codec.parseNoted(text, declared.get())
              : codec.parseNoted(text, (String) null);
    } catch (MedcomParseException e) {
      return unreadable(
          request,
          InboundResult.Disposition.UNREADABLE,
          e.kind().name(),
          OperationOutcome.IssueType.STRUCTURE,
          e.getMessage());
    }
    // The fast path's verdict first, on the model as parsed: anything that reads it afterwards may
    // add to it (HAPI's getters create what they are asked for).
    MedcomValidator.Screened screened = validator.screen(parsed, text);
    Bundle bundle = parsed.bundle();
    MedcomMessage message = new MedcomMessage(bundle);
    List<String> missing = identificationProblems(message, request.channel());
    if (!missing.isEmpty()) {
      return unreadable(
          request,
          InboundResult.Disposition.UNREADABLE,
          "UNIDENTIFIABLE",
          OperationOutcome.IssueType.REQUIRED,
          "Cannot answer this message: " + String.join("; ", missing));
    }
    MedcomFormat format = parsed.format();
    ReceivedInput input = new ReceivedInput(request, message, text, format);

    // Before the duplicate check: an impostor must neither get another sender's earlier answer by
    // reusing its letter id nor leave a letter under that id.
    if (rules.senderMismatch(message, request.authenticatedSender()).isPresent()) {
      return reception.rejectUnauthenticatedSender(
          input, rules.senderIssues(message, request.authenticatedSender()));
    }
    Optional<InboundResult> duplicate = reception.answerDuplicate(input);
    if (duplicate.isPresent()) {
      return duplicate.get();
    }
    // The text as received, not the parsed Bundle written out again: HAPI's parser drops unknown
    // properties and turns a
    // misplaced array into one value, so only the text shows the validator what the sender really
    // sent.
    List<MedcomIssue> issues = new ArrayList<>(validator.validate(screened));
    issues.addAll(contentRules.check(text, format));
    issues.addAll(rules.check(message, request.authenticatedSender()));
    if (message.messageType() == MessageType.ACKNOWLEDGEMENT) {
      return reception.recordAcknowledgement(input, issues);
    }
    return reception.process(input, issues);
  }

  private MessageLimits limits() {
    FrontDoorConfig.Limits limits = config.limits();
    return new MessageLimits(
        limits.maxEntries(), limits.maxElements(), limits.maxDepth(), limits.maxStringLength());
  }

  /**
   * FHIR bodies are UTF-8; a sender that declares another charset is read in it rather than
   * refused.
   */
  private static Charset declaredCharset(String contentType) {
    if (contentType != null) {
      for (String parameter : contentType.split(";")) {
        String[] nameValue = parameter.trim().split("=", 2);
        if (nameValue.length == 2 && nameValue[0].trim().equalsIgnoreCase("charset")) {
          try {
            return Charset.forName(nameValue[1].trim().replace("\"", ""));
          } catch (IllegalArgumentException unknown) {
            return StandardCharsets.UTF_8;
          }
        }
      }
    }
    return StandardCharsets.UTF_8;
  }

  /**
   * What the front door needs to be able to answer at all: a letter id, an envelope id and a
   * sender.
   */
  private static List<String> identificationProblems(MedcomMessage message, Channel channel) {
    List<String> problems = new ArrayList<>();
    if (message.messageHeader().isEmpty()) {
      problems.add("the first entry must be a MessageHeader");
      return problems;
    }
    if (message.messageHeaderId() == null || message.messageHeaderId().isBlank()) {
      problems.add("MessageHeader.id is missing");
    }
    if (message.bundleId() == null || message.bundleId().isBlank()) {
      problems.add("Bundle.id is missing");
    }
    if (message.sender().isEmpty()) {
      problems.add("MessageHeader.sender does not resolve to an Organization in the Bundle");
    } else if (channel != Channel.HTTP && message.sender().get().gln() == null) {
      // Over Kafka the acknowledgement goes to the sender's own topic, which is named by its GLN.
      problems.add("the sender Organization has no GLN to route the acknowledgement to");
    }
    return problems;
  }

  private InboundResult unreadable(
      InboundRequest request,
      InboundResult.Disposition disposition,
      String reasonCode,
      OperationOutcome.IssueType issueType,
      String diagnostics) {
    MedcomIssue issue =
        MedcomIssue.hl7(
            MedcomIssue.Severity.FATAL,
            issueType.toCode(),
            disposition == InboundResult.Disposition.TOO_LARGE
                ? "MSG_BAD_FORMAT"
                : "MSG_BAD_SYNTAX",
            null,
            diagnostics);
    var stored =
        quarantine.quarantine(
            new Rejection(
                request.channel().name(),
                request.contentType(),
                // over Kafka the topic tells who sent even unreadable input
                request.channel() == Channel.KAFKA ? request.authenticatedSender() : null,
                null,
                reasonCode,
                List.of(issue),
                request.replayOf()),
            request.body() == null ? new byte[0] : request.body());
    if (request.channel() == Channel.KAFKA) {
      // There is no one to answer: the quarantine entry and the metric are what operators see.
      Log.warnf(
          "Unanswerable input on %s quarantined as %s (%s)",
          request.channel(), stored.id, reasonCode);
    }
    return new InboundResult(disposition, null, OperationOutcomes.of(List.of(issue)), stored.id);
  }

  /** A readable, identifiable input on its way through the front door. */
  public record ReceivedInput(
      InboundRequest request, MedcomMessage message, String text, MedcomFormat format) {}
}
