package dk.stafet.responsibility.domain.rules;

import java.util.Objects;

/** R26 alarms: responsibility is never silently missing. */
public sealed interface ResponsibilityAlarm {

  /** Machine-readable alarm name as used in the brief ("gap", "no-receiver"). */
  String name();

  /**
   * R26: a rule ({@code intendedBy}) tried to hand responsibility to nobody (typically: no listed
   * GP); the previous holder keeps it until a receiver exists.
   */
  record NoReceiverAlarm(RuleId intendedBy, String reason) implements ResponsibilityAlarm {
    public NoReceiverAlarm {
      Objects.requireNonNull(intendedBy, "intendedBy");
      Objects.requireNonNull(reason, "reason");
    }

    @Override
    public String name() {
      return "no-receiver";
    }
  }

  /** R26: no holder can be derived at all; recorded explicitly as a gap. */
  record GapAlarm(String reason) implements ResponsibilityAlarm {
    public GapAlarm {
      Objects.requireNonNull(reason, "reason");
    }

    @Override
    public String name() {
      return "gap";
    }
  }
}
