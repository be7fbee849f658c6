package dk.stafet.responsibility.organisation;

import java.util.Optional;

/** Looks organisations up by SOR code, in the terms the responsibility rules use. */
public interface OrganisationDirectory {

  Optional<OrganisationInfo> bySor(String sor);
}
