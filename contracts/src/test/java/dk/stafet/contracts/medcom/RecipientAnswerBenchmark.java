package dk.stafet.contracts.medcom;

import java.time.Clock;
import java.util.List;
import org.hl7.fhir.r4.model.MessageHeader.ResponseType;
import org.hl7.fhir.r4.model.Organization;

/**
 * What answering a letter with an acknowledgement costs a recipient (the recipient simulator), per
 * letter, over MedCom's JSON examples: the whole letter parsed against {@link
 * MedcomCodec#parseRoutingPart}, each followed by building and writing the acknowledgement. Run
 * like {@link ForwardingBenchmark}.
 */
public final class RecipientAnswerBenchmark {

  private RecipientAnswerBenchmark() {}

  public static void main(String[] args) {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
    MedcomCodec codec = new MedcomCodec();
    List<String> letters =
        TwoWaysBenchmark.jsonLetters().stream()
            .filter(
                text ->
                    codec.parseMessage(text, MedcomFormat.JSON.mimeType()).messageType()
                        != MessageType.ACKNOWLEDGEMENT)
            .toList();
    TwoWaysBenchmark.run(
        letters,
        rounds,
        "whole letter",
        letter -> answer(codec, codec.parseMessage(letter, MedcomFormat.JSON.mimeType())).length(),
        "routing part",
        letter -> answer(codec, codec.parseRoutingPart(letter, MedcomFormat.JSON)).length());
  }

  private static String answer(MedcomCodec codec, MedcomMessage letter) {
    var destination = letter.messageHeader().orElseThrow().getDestinationFirstRep();
    Organization addressee = (Organization) letter.resolve(destination.getReceiver()).orElseThrow();
    return codec.write(
        new AcknowledgementBuilder(
                addressee,
                destination.getEndpoint(),
                "https://simulator.stafet.dk/fhir/",
                Clock.systemUTC())
            .build(letter, ResponseType.OK, List.of()),
        MedcomFormat.JSON);
  }
}
