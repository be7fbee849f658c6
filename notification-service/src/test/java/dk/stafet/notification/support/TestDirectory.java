package dk.stafet.notification.support;

import dk.stafet.notification.directory.Directory;
import dk.stafet.notification.directory.Party;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import java.util.Optional;

/** The test organisations ({@link Organisations}) in place of the organisation register. */
@Alternative
@Priority(1)
@ApplicationScoped
public class TestDirectory implements Directory {

  private final Directory delegate = Organisations.directory();

  @Override
  public Optional<Party> bySor(String sor) {
    return delegate.bySor(sor);
  }

  @Override
  public Optional<Party> byGln(String gln) {
    return delegate.byGln(gln);
  }

  @Override
  public Optional<Party> municipality(String municipalityCode) {
    return delegate.municipality(municipalityCode);
  }
}
