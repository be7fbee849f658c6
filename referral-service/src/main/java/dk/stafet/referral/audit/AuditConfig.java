package dk.stafet.referral.audit;

import io.smallrye.config.ConfigMapping;
import java.util.Optional;
import java.util.Set;

/** Audit settings ({@code stafet.audit.*}). */
@ConfigMapping(prefix = "stafet.audit")
public interface AuditConfig {

  /** SOR codes of the course coordinators' organisations, who may read the audit trail; none by default. */
  Optional<Set<String>> coordinatorSors();
}
