package dk.stafet.notification.directory;

import java.util.Optional;

/** Looks organisations up in the organisation register (SOR code, GLN, municipality code). */
public interface Directory {

  String MUNICIPALITY = "MUNICIPALITY";
  String GP = "GP";

  Optional<Party> bySor(String sor);

  Optional<Party> byGln(String gln);

  /** The municipality itself, by its four-digit municipality code (e.g. 0101). */
  Optional<Party> municipality(String municipalityCode);
}
