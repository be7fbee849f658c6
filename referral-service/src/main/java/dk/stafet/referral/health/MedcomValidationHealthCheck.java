package dk.stafet.referral.health;

import dk.stafet.contracts.medcom.MedcomValidator;
import dk.stafet.referral.config.ValidatorWarmUp;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready once the MedCom validator is warm ({@link ValidatorWarmUp}); says whether profile
 * validation is on (without profiles the service still runs the other layers).
 */
@Readiness
@ApplicationScoped
public class MedcomValidationHealthCheck implements HealthCheck {

  private final MedcomValidator validator;
  private final ValidatorWarmUp warmUp;

  public MedcomValidationHealthCheck(MedcomValidator validator, ValidatorWarmUp warmUp) {
    this.validator = validator;
    this.warmUp = warmUp;
  }

  @Override
  public HealthCheckResponse call() {
    return HealthCheckResponse.named("medcom-validation")
        .status(warmUp.isWarm())
        .withData("warm", warmUp.isWarm())
        .withData("profileValidation", validator.isProfileValidationEnabled())
        .withData("status", validator.profileValidationStatus())
        .build();
  }
}
