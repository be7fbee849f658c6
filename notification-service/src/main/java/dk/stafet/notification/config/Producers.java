package dk.stafet.notification.config;

import dk.stafet.contracts.medcom.MedcomCodec;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;

/** One codec and one clock for the service. */
@ApplicationScoped
public class Producers {

  @Produces
  @ApplicationScoped
  MedcomCodec codec() {
    return new MedcomCodec();
  }

  @Produces
  @ApplicationScoped
  Clock clock() {
    return Clock.systemUTC();
  }
}
