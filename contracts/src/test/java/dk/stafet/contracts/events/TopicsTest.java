package dk.stafet.contracts.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TopicsTest {

  @Test
  void aSendersInboundTopicNamesItsGlnAndNothingElseDoes() {
    String topic = Topics.inboundFrom("5790001348120");

    assertThat(topic).isEqualTo("medcom.inbound.5790001348120");
    assertThat(Topics.senderOfInbound(topic)).hasValue("5790001348120");
    assertThat(Topics.senderOfInbound("medcom.inbound")).isEmpty();
    assertThat(Topics.senderOfInbound("medcom.inbound.579000134812")).isEmpty();
    assertThat(Topics.senderOfInbound("medcom.inbound.5790001348120.x")).isEmpty();
    assertThat(Topics.senderOfInbound("medcom.outbound.5790001348120")).isEmpty();
    assertThat(Topics.senderOfInbound("medcomXinboundX5790001348120")).isEmpty();
    assertThat(Topics.senderOfInbound(null)).isEmpty();
  }

  @Test
  void anInboundTopicNeedsAThirteenDigitGln() {
    assertThatThrownBy(() -> Topics.inboundFrom("57900013481"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Topics.inboundFrom(null)).isInstanceOf(IllegalArgumentException.class);
  }
}
