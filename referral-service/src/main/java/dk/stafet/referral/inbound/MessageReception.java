package dk.stafet.referral.inbound;

import dk.stafet.contracts.events.MedcomMessageEvent;
import dk.stafet.contracts.events.Topics;
import dk.stafet.contracts.medcom.AcknowledgementBuilder;
import dk.stafet.contracts.medcom.MedcomCodec;
import dk.stafet.contracts.medcom.MedcomFormat;
import dk.stafet.contracts.medcom.MedcomIssue;
import dk.stafet.contracts.medcom.MedcomMessage;
import dk.stafet.contracts.medcom.MedcomValidator;
import dk.stafet.contracts.medcom.MessageReenveloper;
import dk.stafet.contracts.medcom.OperationOutcomes;
import dk.stafet.contracts.outbox.Outbox;
import dk.stafet.contracts.pseudonym.PatientPseudonym;
import dk.stafet.referral.config.FrontDoorConfig;
import dk.stafet.referral.course.service.InvalidCommandException;
import dk.stafet.referral.course.service.InvalidCprException;
import dk.stafet.referral.inbound.FrontDoor.ReceivedInput;
import dk.stafet.referral.inbound.InboundResult.Disposition;
import dk.stafet.referral.quarantine.QuarantineService;
import dk.stafet.referral.quarantine.QuarantineService.Rejection;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.MessageHeader.ResponseType;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Organization;

/**
 * Stores and acts on identified messages, following MedCom's receiver rules (medcom-spec.md §5): a
 * letter id seen before gets the first acknowledgement again and has no second effect; a reused
 * envelope id is an error; after a transient error a retransmission is processed again. Each
 * outcome, its acknowledgement and the events it causes commit in one transaction (the
 * acknowledgement to a Kafka sender goes through the outbox too).
 */
@ApplicationScoped
public class MessageReception {

  static final String ACK_EVENT_TYPE = "dk.stafet.medcom.acknowledgement";
  private static final String CONSUMER_FLAG_THRESHOLD_NOTE =
      "received three or more times despite acknowledgements";

  private final MedcomCodec codec;
  private final MessageFacts facts;
  private final QuarantineService quarantine;
  private final Outbox outbox;
  private final PatientPseudonym pseudonym;
  private final FrontDoorConfig config;
  private final MeterRegistry meters;
  private final Clock clock = Clock.systemUTC();

  public MessageReception(
      MedcomCodec codec,
      MessageFacts facts,
      QuarantineService quarantine,
      Outbox outbox,
      PatientPseudonym pseudonym,
      FrontDoorConfig config,
      MeterRegistry meters) {
    this.codec = codec;
    this.facts = facts;
    this.quarantine = quarantine;
    this.outbox = outbox;
    this.pseudonym = pseudonym;
    this.config = config;
    this.meters = meters;
  }

  /**
   * A retransmission or redelivery of a letter we have answered: the same answer in a new envelope,
   * nothing else.
   */
  public Optional<InboundResult> answerDuplicate(ReceivedInput input) {
    return QuarkusTransaction.requiringNew()
        .call(
            () -> {
              Optional<ReceivedMessage> seen =
                  ReceivedMessage.findByHeaderId(input.message().messageHeaderId());
              if (seen.isEmpty() || seen.get().outcome == ReceivedMessage.Outcome.TRANSIENT_ERROR) {
                return Optional
                    .empty(); // new, or nothing was processed last time (KR5): process it now
              }
              ReceivedMessage first = seen.get();
              if (input.request().channel() == Channel.KAFKA && sameEnvelopeAgain(input, first)) {
                // The very record again: our offset commit did not survive a crash or a rebalance,
                // so medcom.inbound handed
                // it out once more. Its answer is already on the sender's topic (the outbox, in the
                // transaction that stored
                // it); a second one would be an acknowledgement the sender never asked for.
                meters.counter("stafet.front_door.redelivered_records").increment();
                Disposition disposition =
                    first.outcome == ReceivedMessage.Outcome.REJECTED
                        ? Disposition.REJECTED
                        : first.outcome == ReceivedMessage.Outcome.ACKNOWLEDGEMENT
                            ? Disposition.ACKNOWLEDGEMENT_RECORDED
                            : Disposition.DUPLICATE;
                return Optional.of(
                    new InboundResult(
                        disposition,
                        null,
                        information(
                            "Already answered: this envelope was "
                                + "received before on "
                                + Topics.MEDCOM_INBOUND_PREFIX
                                + input.request().authenticatedSender()),
                        null));
              }
              first.timesReceived++;
              first.lastReceivedAt = Instant.now();
              ReceivedBundle.remember(
                  input.message().bundleId(), first.messageHeaderId, first.lastReceivedAt);
              meters.counter("stafet.front_door.duplicates", "type", first.messageType).increment();
              if (first.timesReceived >= 3) {
                Log.warnf(
                    "Message %s %s; flagged for manual follow-up",
                    first.messageHeaderId, CONSUMER_FLAG_THRESHOLD_NOTE);
                meters.counter("stafet.front_door.repeated_duplicates").increment();
              }
              if (first.outcome == ReceivedMessage.Outcome.ACKNOWLEDGEMENT) {
                // An acknowledgement is never acknowledged; a duplicate one is logged and ignored
                // (ACK-TP 3.4.2).
                Log.infof("Duplicate acknowledgement %s ignored", first.messageHeaderId);
                return Optional.of(
                    new InboundResult(
                        Disposition.ACKNOWLEDGEMENT_RECORDED,
                        null,
                        information("Duplicate acknowledgement: already recorded, ignored"),
                        null));
              }
              // Same code and content as the first answer, in a new envelope (MedCom §5, ACK-TP
              // send).
              Bundle ack =
                  MessageReenveloper.reEnvelope(
                      codec.parse(first.ackBundle, MedcomFormat.JSON), clock);
              UUID quarantineId = null;
              if (first.outcome == ReceivedMessage.Outcome.REJECTED) {
                quarantineId =
                    quarantine.quarantine(
                            rejection(
                                input,
                                "DUPLICATE_OF_REJECTED",
                                List.of(
                                    MedcomIssue.hl7(
                                        MedcomIssue.Severity.ERROR,
                                        "duplicate",
                                        "MSG_DUPLICATE_ID",
                                        null,
                                        "Retransmission of a message that was rejected; the first answer stands"))),
                            input.request().body())
                        .id;
              }
              sendAckOverKafka(input, first.patientKey, ack);
              Disposition disposition =
                  first.outcome == ReceivedMessage.Outcome.REJECTED
                      ? Disposition.REJECTED
                      : Disposition.DUPLICATE;
              return Optional.of(new InboundResult(disposition, ack, null, quarantineId));
            });
  }

  /**
   * True when this Bundle.id came with this letter before: a redelivery of the same envelope, not a
   * retransmission.
   */
  private static boolean sameEnvelopeAgain(ReceivedInput input, ReceivedMessage first) {
    ReceivedBundle earlier = ReceivedBundle.findById(input.message().bundleId());
    return earlier != null && earlier.messageHeaderId.equals(first.messageHeaderId);
  }

  /**
   * A new letter: rejected with a fatal-error acknowledgement if it has errors, otherwise stored
   * and acted on.
   */
  public InboundResult process(ReceivedInput input, List<MedcomIssue> validationIssues) {
    List<MedcomIssue> issues = new ArrayList<>(validationIssues);
    try {
      return QuarkusTransaction.requiringNew()
          .call(
              () -> {
                ReceivedBundle earlier = ReceivedBundle.findById(input.message().bundleId());
                if (earlier != null
                    && !earlier.messageHeaderId.equals(input.message().messageHeaderId())) {
                  issues.add(
                      MedcomIssue.hl7(
                          MedcomIssue.Severity.ERROR,
                          "duplicate",
                          "MSG_DUPLICATE_ID",
                          "Bundle.id",
                          "Bundle.id was already used for another message; every transmission needs a new Bundle.id"));
                }
                ThreadCheck.Result thread =
                    ThreadCheck.check(input.message(), patientKey(input.message()));
                issues.addAll(thread.issues());
                return MedcomValidator.hasErrors(issues)
                    ? reject(input, issues)
                    : accept(input, issues, thread.note());
              });
    } catch (RuntimeException e) {
      Optional<RuntimeException> refusal = contentRefusal(e);
      if (refusal.isPresent()) {
        // The course record refuses what the letter says (an episode of care that belongs to
        // another patient, a CPR number it cannot use, an impossible time): sending it again can
        // never succeed, so it is a fatal-error naming the problem, and the letter is quarantined.
        issues.add(
            MedcomIssue.hl7(
                MedcomIssue.Severity.ERROR,
                "business-rule",
                null,
                null,
                "The course record refuses this message: " + refusal.get().getMessage()));
        return QuarkusTransaction.requiringNew().call(() -> reject(input, issues));
      }
      Optional<InboundResult> firstCopy = storedMeanwhile(input);
      if (firstCopy.isPresent()) {
        return firstCopy.get();
      }
      // Our side failed: nothing of the message was kept, so answer transient-error and let the
      // sender resend (KR4/KR5).
      Log.errorf(
          "Processing of message %s failed (%s); answering transient-error",
          input.message().messageHeaderId(), e.getClass().getSimpleName());
      meters.counter("stafet.front_door.transient_errors").increment();
      return QuarkusTransaction.requiringNew().call(() -> transientError(input));
    }
  }

  /**
   * Two copies of one letter (or acknowledgement) sent at the same moment both pass the duplicate
   * check; the second one's store then finds the first's row ({@link StoredMeanwhile}) or its
   * insert meets the first's MessageHeader.id. The first copy's answer is the answer to both, as it
   * would have been a moment later (not a transient-error the sender has to resend for). Empty when
   * nothing was stored meanwhile, or the database cannot say.
   */
  private Optional<InboundResult> storedMeanwhile(ReceivedInput input) {
    try {
      return answerDuplicate(input);
    } catch (RuntimeException databaseAway) {
      return Optional.empty();
    }
  }

  /** The refusal of the letter's content by the course record, if that is why processing failed. */
  private static Optional<RuntimeException> contentRefusal(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof InvalidCommandException || cause instanceof InvalidCprException) {
        return Optional.of((RuntimeException) cause);
      }
    }
    return Optional.empty();
  }

  /**
   * An acknowledgement of a message Stafet delivered: matched by notification-service, never itself
   * acknowledged.
   */
  public InboundResult recordAcknowledgement(ReceivedInput input, List<MedcomIssue> issues) {
    if (MedcomValidator.hasErrors(issues)) {
      // An invalid acknowledgement is reported by another channel (here: quarantine and the
      // operations view).
      UUID id =
          quarantine.quarantine(
                  rejection(input, "INVALID_ACKNOWLEDGEMENT", issues), input.request().body())
              .id;
      return new InboundResult(Disposition.REJECTED, null, OperationOutcomes.of(issues), id);
    }
    try {
      return recordNewAcknowledgement(input);
    } catch (RuntimeException e) {
      return storedMeanwhile(input).orElseThrow(() -> e);
    }
  }

  private InboundResult recordNewAcknowledgement(ReceivedInput input) {
    return QuarkusTransaction.requiringNew()
        .call(
            () -> {
              MedcomMessage message = input.message();
              ReceivedMessage stored =
                  store(input, ReceivedMessage.Outcome.ACKNOWLEDGEMENT, null, patientKey(message));
              var response = message.acknowledgementResponse().orElseThrow();
              MedcomMessageEvent event =
                  messageEvent(
                      MedcomMessageEvent.Kind.ACKNOWLEDGEMENT_RECEIVED,
                      input,
                      stored,
                      response.code(),
                      response.identifier());
              outbox.add(
                  Topics.MEDCOM_MESSAGE_EVENTS,
                  event.eventId(),
                  partitionKey(stored),
                  event.cloudEventType(),
                  response.identifier(),
                  event);
              return new InboundResult(
                  Disposition.ACKNOWLEDGEMENT_RECORDED,
                  null,
                  information("Acknowledgement recorded for message " + response.identifier()),
                  null);
            });
  }

  /**
   * A Bundle whose sender is not the authenticated organisation: a fatal-error acknowledgement
   * naming the mismatch, to the authenticated sender only (over Kafka its own topic), and the input
   * in quarantine. Nothing is stored under its letter id, which may be another sender's.
   */
  public InboundResult rejectUnauthenticatedSender(
      ReceivedInput input, List<MedcomIssue> senderIssues) {
    return QuarkusTransaction.requiringNew()
        .call(
            () -> {
              Bundle ack = acknowledgement(input.message(), ResponseType.FATALERROR, senderIssues);
              UUID quarantineId =
                  quarantine.quarantine(
                          rejection(input, "SENDER_NOT_AUTHENTICATED", senderIssues),
                          input.request().body())
                      .id;
              sendAckOverKafka(input, null, ack);
              meters.counter("stafet.front_door.sender_mismatches").increment();
              Log.warnf(
                  "Message from %s on %s names another sender; rejected, quarantined as %s",
                  input.request().authenticatedSender(), input.request().channel(), quarantineId);
              return new InboundResult(Disposition.REJECTED, ack, null, quarantineId);
            });
  }

  private InboundResult reject(ReceivedInput input, List<MedcomIssue> issues) {
    // The answer names the errors; the tolerated findings and notes stay with the quarantined
    // input.
    List<MedcomIssue> errors = issues.stream().filter(MedcomIssue::isError).toList();
    Bundle ack = acknowledgement(input.message(), ResponseType.FATALERROR, errors);
    ReceivedMessage stored =
        store(input, ReceivedMessage.Outcome.REJECTED, ack, patientKey(input.message()));
    UUID quarantineId =
        quarantine.quarantine(rejection(input, "INVALID_MESSAGE", issues), input.request().body())
            .id;
    sendAckOverKafka(input, stored.patientKey, ack, stored.ackBundle);
    Log.infof(
        "Message %s rejected with %d error(s)",
        stored.messageHeaderId, issues.stream().filter(MedcomIssue::isError).count());
    return new InboundResult(Disposition.REJECTED, ack, null, quarantineId);
  }

  private InboundResult accept(
      ReceivedInput input, List<MedcomIssue> warnings, ThreadCheck.Note threadNote) {
    MedcomMessage message = input.message();
    String patientKey = patientKey(message);
    Bundle ack = acknowledgement(message, ResponseType.OK, List.of());
    ReceivedMessage stored = store(input, ReceivedMessage.Outcome.ACCEPTED, ack, patientKey);
    if (threadNote != null) {
      stored.threadNote = threadNote.name();
      meters.counter("stafet.front_door.thread_notes", "note", threadNote.name()).increment();
      Log.infof("CareCommunication %s: %s", stored.messageHeaderId, threadNote);
    }
    facts.apply(message, patientKey);
    if (addressedToAnotherOrganisation(message)) {
      MedcomMessageEvent event =
          messageEvent(MedcomMessageEvent.Kind.FOR_DELIVERY, input, stored, null, null);
      outbox.add(
          Topics.MEDCOM_MESSAGE_EVENTS,
          event.eventId(),
          partitionKey(stored),
          event.cloudEventType(),
          stored.messageHeaderId,
          event);
    }
    sendAckOverKafka(input, patientKey, ack, stored.ackBundle);
    Log.infof(
        "Message %s (%s) accepted with %d warning(s)",
        stored.messageHeaderId, stored.messageType, warnings.size());
    return new InboundResult(Disposition.ACCEPTED, ack, null, null);
  }

  private InboundResult transientError(ReceivedInput input) {
    List<MedcomIssue> issues =
        List.of(
            MedcomIssue.hl7(
                MedcomIssue.Severity.ERROR,
                "exception",
                "MSG_LOCAL_FAIL",
                null,
                "The receiver could not process the message now; it will be processed when it is sent again"));
    Bundle ack = acknowledgement(input.message(), ResponseType.TRANSIENTERROR, issues);
    ReceivedMessage stored = store(input, ReceivedMessage.Outcome.TRANSIENT_ERROR, ack, null);
    sendAckOverKafka(input, stored.patientKey, ack, stored.ackBundle);
    return new InboundResult(Disposition.TRANSIENT_ERROR, ack, null, null);
  }

  private ReceivedMessage store(
      ReceivedInput input, ReceivedMessage.Outcome outcome, Bundle ack, String patientKey) {
    MedcomMessage message = input.message();
    // A letter is stored again only after a transient-error (KR5): the earlier row goes first,
    // flushed, because Hibernate would otherwise insert before it deletes and hit the unique letter
    // id — every retransmission after a transient-error then failed for good (found by
    // FrontDoorOutageTests on a busy machine). Any other earlier row is a copy of this letter that
    // was stored after our duplicate check (two copies at the same moment): it has the answer, and
    // this one must not replace it and act a second time.
    Optional<ReceivedMessage> earlier = ReceivedMessage.findByHeaderId(message.messageHeaderId());
    if (earlier.isPresent()) {
      if (earlier.get().outcome != ReceivedMessage.Outcome.TRANSIENT_ERROR) {
        throw new StoredMeanwhile();
      }
      earlier.get().delete();
      ReceivedMessage.flush();
    }
    ReceivedMessage stored = new ReceivedMessage();
    stored.id = UUID.randomUUID();
    stored.messageHeaderId = message.messageHeaderId();
    stored.firstBundleId = message.bundleId();
    stored.messageType = message.messageType().name();
    stored.channel = input.request().channel().name();
    message
        .sender()
        .ifPresent(
            sender -> {
              stored.senderGln = sender.gln();
              stored.senderSor = sender.sor();
            });
    message
        .primaryReceiver()
        .map(destination -> destination.receiver())
        .ifPresent(
            receiver -> {
              stored.receiverGln = receiver.gln();
              stored.receiverSor = receiver.sor();
            });
    stored.patientKey = patientKey;
    message
        .careCommunicationThread()
        .ifPresent(
            thread -> {
              stored.threadId = thread.threadId();
              stored.threadActivity = thread.activity();
              stored.inResponseTo =
                  thread.precedingMessageHeaderId() != null
                      ? thread.precedingMessageHeaderId()
                      : thread.precedingLetterIdentifier();
            });
    stored.contentType = input.format().mimeType();
    stored.rawBundle = input.text();
    stored.outcome = outcome;
    if (ack != null) {
      stored.ackBundle = codec.write(ack, MedcomFormat.JSON);
      stored.ackMessageHeaderId = new MedcomMessage(ack).messageHeaderId();
      stored.ackCode =
          new MedcomMessage(ack).acknowledgementResponse().map(r -> r.code()).orElse(null);
    }
    stored.receivedAt = Instant.now();
    stored.lastReceivedAt = stored.receivedAt;
    stored.timesReceived = 1;
    stored.persist();
    ReceivedBundle.remember(message.bundleId(), stored.messageHeaderId, stored.receivedAt);
    return stored;
  }

  /**
   * The acknowledgement is sent on behalf of the message's primary receiver (MedCom: the one who
   * received it).
   */
  private Bundle acknowledgement(
      MedcomMessage original, ResponseType code, List<MedcomIssue> issues) {
    Organization receiver =
        original
            .messageHeader()
            .filter(header -> header.hasDestination())
            .flatMap(header -> original.resolve(header.getDestinationFirstRep().getReceiver()))
            .filter(Organization.class::isInstance)
            .map(Organization.class::cast)
            .orElseGet(this::hubOrganisation);
    String endpoint =
        original
            .primaryReceiver()
            .map(destination -> destination.endpoint())
            .filter(e -> e != null && !e.isBlank())
            .orElse("https://sor2.sum.dsdn.dk/#id=" + config.hub().sor());
    return new AcknowledgementBuilder(receiver, endpoint, config.limits().fullUrlBase(), clock)
        .build(original, code, issues);
  }

  private Organization hubOrganisation() {
    Organization hub = new Organization();
    hub.setName(config.hub().name());
    hub.addIdentifier(
        new Identifier().setSystem("urn:oid:1.2.208.176.1.1").setValue(config.hub().sor()));
    hub.addIdentifier(
        new Identifier().setSystem("https://www.gs1.org/gln").setValue(config.hub().gln()));
    return hub;
  }

  /**
   * Over Kafka the acknowledgement goes to the authenticated sender's own topic (the GLN of the
   * topic it wrote, which only it may write; docs/security.md), never to the one a Bundle merely
   * names; over HTTP it is the response.
   */
  private void sendAckOverKafka(ReceivedInput input, String patientKey, Bundle ack) {
    sendAckOverKafka(input, patientKey, ack, null);
  }

  /**
   * As above, with the acknowledgement already written as JSON when it was stored: a JSON sender
   * gets that text, not a second writing of it (HAPI writes its narratives again each time).
   */
  private void sendAckOverKafka(
      ReceivedInput input, String patientKey, Bundle ack, String storedAsJson) {
    if (input.request().channel() != Channel.KAFKA) {
      return;
    }
    String senderGln = kafkaSenderGln(input);
    String ackHeaderId = new MedcomMessage(ack).messageHeaderId();
    outbox.add(
        Topics.outboundFor(senderGln),
        UUID.randomUUID(),
        patientKey == null ? ackHeaderId : patientKey,
        ACK_EVENT_TYPE,
        ackHeaderId,
        storedAsJson != null && input.format() == MedcomFormat.JSON
            ? storedAsJson
            : codec.write(ack, input.format()),
        input.format().mimeType());
  }

  private boolean addressedToAnotherOrganisation(MedcomMessage message) {
    return message
        .primaryReceiver()
        .map(destination -> destination.receiver())
        .map(receiver -> receiver.gln() != null && !receiver.gln().equals(config.hub().gln()))
        .orElse(false);
  }

  private MedcomMessageEvent messageEvent(
      MedcomMessageEvent.Kind kind,
      ReceivedInput input,
      ReceivedMessage stored,
      String ackCode,
      String acknowledgedHeaderId) {
    return new MedcomMessageEvent(
        UUID.randomUUID(),
        kind,
        stored.receivedAt,
        stored.patientKey,
        stored.messageType,
        input.message().eventCode().orElse(null),
        stored.messageHeaderId,
        input.message().bundleId(),
        stored.senderGln,
        stored.senderSor,
        stored.receiverGln,
        stored.receiverSor,
        ackCode,
        acknowledgedHeaderId,
        input.format().mimeType(),
        input.text());
  }

  private String patientKey(MedcomMessage message) {
    return message.patient().flatMap(patient -> patient.cprValue()).map(pseudonym::of).orElse(null);
  }

  private static String partitionKey(ReceivedMessage stored) {
    return stored.patientKey != null ? stored.patientKey : stored.messageHeaderId;
  }

  /**
   * The GLN of a Kafka input's sender: the authenticated one of its topic; the Bundle's only for a
   * replay of an input quarantined before topics named their sender.
   */
  private static String kafkaSenderGln(ReceivedInput input) {
    String authenticated = input.request().authenticatedSender();
    return authenticated != null
        ? authenticated
        : input.message().sender().map(sender -> sender.gln()).orElseThrow();
  }

  private static Rejection rejection(
      ReceivedInput input, String reasonCode, List<MedcomIssue> issues) {
    return new Rejection(
        input.request().channel().name(),
        input.request().contentType(),
        input.request().channel() == Channel.KAFKA
            ? kafkaSenderGln(input)
            : input.message().sender().map(sender -> sender.gln()).orElse(null),
        input.message().messageHeaderId(),
        reasonCode,
        issues,
        input.request().replayOf());
  }

  private static OperationOutcome information(String text) {
    return OperationOutcomes.of(
        List.of(
            MedcomIssue.hl7(MedcomIssue.Severity.INFORMATION, "informational", null, null, text)));
  }

  /**
   * This letter's MessageHeader.id was stored by a copy after our duplicate check; the copy's
   * answer is the answer.
   */
  private static final class StoredMeanwhile extends RuntimeException {
    StoredMeanwhile() {
      super("a copy of this letter was stored meanwhile", null, false, false);
    }
  }
}
