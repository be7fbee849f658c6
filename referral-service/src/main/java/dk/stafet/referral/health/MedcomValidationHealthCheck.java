package dk.stafet.referral.health;

import dk.stafet.contracts.medcom.MedcomValidator;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Says whether MedCom profile validation is on; without profiles the service still runs the other layers. */
@Readiness
@ApplicationScoped
public class MedcomValidationHealthCheck implements HealthCheck {

  private final MedcomValidator validator;

  public MedcomValidationHealthCheck(MedcomValidator validator) {
    this.validator = validator;
  }

  @Override
  public HealthCheckResponse call() {
    return HealthCheckResponse.named("medcom-validation").up()
        .withData("profileValidation", validator.isProfileValidationEnabled())
        .withData("status", validator.profileValidationStatus())
        .build();
  }
}
