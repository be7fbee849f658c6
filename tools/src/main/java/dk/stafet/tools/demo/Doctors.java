package dk.stafet.tools.demo;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * A few synthetic doctors per organisation, each with a made-up authorisation ID (five characters,
 * as the Danish Patient Safety Authority's IDs look) and a name. The same organisation always has
 * the same doctors.
 */
final class Doctors {

  record Doctor(String authorisationId, String name) {}

  private static final String ID_CHARS = "0123456789BCDFGHJKLMNPQRSTVWXZ";
  private final Map<String, List<Doctor>> bySor = new HashMap<>();
  private final RandomGenerator random;

  Doctors(RandomGenerator random) {
    this.random = random;
  }

  Doctor at(String sor) {
    List<Doctor> doctors =
        bySor.computeIfAbsent(
            sor,
            s -> {
              List<Doctor> staff = new ArrayList<>();
              for (int i = 0; i < 3; i++) {
                boolean male = random.nextBoolean();
                staff.add(
                    new Doctor(
                        authorisationId(),
                        DanishNames.given(male, random) + " " + DanishNames.family(random)));
              }
              return staff;
            });
    return DanishNames.pick(doctors, random);
  }

  private String authorisationId() {
    StringBuilder id = new StringBuilder();
    for (int i = 0; i < 5; i++) {
      id.append(ID_CHARS.charAt(random.nextInt(ID_CHARS.length())));
    }
    return id.toString();
  }
}
