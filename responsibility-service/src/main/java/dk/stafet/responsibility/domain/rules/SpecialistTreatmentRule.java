package dk.stafet.responsibility.domain.rules;

import dk.stafet.responsibility.domain.course.Referral;
import dk.stafet.responsibility.domain.course.ReferralState;

/**
 * R19 (proposal): while a practising-specialist course runs (or a referral to a specialist has
 * started) the GP stays PRD, but treatment responsibility is the specialist's on weekdays 08–16
 * (R2) and the out-of-hours service's otherwise. R21: it changes only the treatment column, and
 * only when the GP level holds PRD.
 */
public final class SpecialistTreatmentRule {

    private SpecialistTreatmentRule() {
    }

    public static boolean applies(PatientSituation situation) {
        if (!situation.specialistCourses().isEmpty()) {
            return true;
        }
        for (Referral referral : situation.referrals()) {
            if (referral.state() == ReferralState.STARTED && !referral.receiver().isHospital()
                    && referral.handedOverTo().isEmpty()) {
                return true;
            }
        }
        return false;
    }
}
