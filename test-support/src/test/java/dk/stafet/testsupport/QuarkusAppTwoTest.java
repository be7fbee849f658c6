package dk.stafet.testsupport;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/**
 * Second Quarkus application (another resource set, so Quarkus restarts); see {@link
 * SharedServersCheck}.
 */
@QuarkusTest
@WithTestResource(
    value = KafkaKraftResource.class,
    initArgs = @ResourceArg(name = "shared", value = "true"))
@WithTestResource(PostgresResource.class)
class QuarkusAppTwoTest {
  @Test
  void seesTheSameBrokerAndAnotherDatabase() throws Exception {
    SharedServersCheck.checkKafkaAndDatabase();
  }
}
