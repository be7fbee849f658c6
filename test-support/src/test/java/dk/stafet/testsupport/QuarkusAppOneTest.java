package dk.stafet.testsupport;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** First of two Quarkus applications in one JVM; see {@link SharedServersCheck}. */
@QuarkusTest
@WithTestResource(KafkaKraftResource.class)
@WithTestResource(PostgresResource.class)
class QuarkusAppOneTest {
  @Test
  void seesBrokerAndOwnDatabase() throws Exception {
    SharedServersCheck.checkKafkaAndDatabase();
  }
}
