package dk.stafet.responsibility.domain.rules;

import dk.stafet.responsibility.domain.OrganisationKind;
import dk.stafet.responsibility.domain.course.Referral;
import java.util.ArrayList;
import java.util.List;

/**
 * R17 (proposal): while a referral is received, accepted or forwarded, the referrer keeps PRD. A
 * hospital referrer keeps it as a hospital-owned course; any other referrer is the GP level, i.e.
 * the patient's own GP (we do not make a substitute or a specialist PRD through a referral —
 * interp.); for a patient without a listed GP a referring GP practice keeps it itself. R18
 * (proposal): once a hospital referral is started (first contact) the receiving department is PRD,
 * 24 h, until the referral ends (then R9/R11). A started referral to a practising specialist only
 * changes treatment (R19, see {@link SpecialistTreatmentRule}).
 */
public final class ReferralRule implements CourseRule {

  @Override
  public RuleId id() {
    return RuleId.R17;
  }

  @Override
  public List<Claim> claims(PatientSituation situation) {
    List<Claim> claims = new ArrayList<>();
    for (Referral referral : situation.referrals()) {
      if (referral.handedOverTo().isPresent()) {
        claims.add(
            Claim.by(
                RuleId.R23,
                referral.handedOverTo().get(),
                referral.startedAt().orElse(referral.receivedAt()),
                referral.ref()));
      } else if (referral.state().isPending()) {
        if (referral.referrer().isHospital() || referringGpWithoutListedGp(referral, situation)) {
          claims.add(
              Claim.by(RuleId.R17, referral.referrer(), referral.receivedAt(), referral.ref()));
        } else {
          claims.add(Claim.forListedGp(RuleId.R17, referral.receivedAt(), referral.ref()));
        }
      } else if (referral.startedAt().isPresent() && referral.receiver().isHospital()) {
        claims.add(
            Claim.by(RuleId.R18, referral.receiver(), referral.startedAt().get(), referral.ref()));
      }
    }
    return claims;
  }

  /**
   * R17/R26 (ours): a patient without a listed GP (a newcomer, between practices) referred by a GP
   * practice — e.g. one that saw the patient without being their own GP — keeps the referring GP as
   * PRD while the referral waits: R17 says the referrer keeps PRD, and there is no own GP that it
   * would stand for. With a listed GP the referral claims for that GP, as before.
   */
  static boolean referringGpWithoutListedGp(Referral referral, PatientSituation situation) {
    return situation.listedGp().isEmpty() && referral.referrer().kind() == OrganisationKind.GP;
  }
}
