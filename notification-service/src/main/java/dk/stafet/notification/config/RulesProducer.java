package dk.stafet.notification.config;

import dk.stafet.notification.directory.Directory;
import dk.stafet.notification.directory.Party;
import dk.stafet.notification.rules.NotificationRules;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/**
 * The rules are plain Java; this makes them injectable with the register and the configured hub and
 * default.
 */
@ApplicationScoped
public class RulesProducer {

  @Produces
  @ApplicationScoped
  NotificationRules rules(Directory directory, NotificationConfig config) {
    NotificationConfig.Hub hub = config.hub();
    Party hubParty =
        directory
            .bySor(hub.sor())
            .filter(Party::hasGln)
            .orElse(new Party(hub.sor(), hub.gln(), hub.name(), "HUB", true, null));
    return new NotificationRules(
        directory, hubParty, config.defaultMunicipalityCode().orElse(null));
  }
}
