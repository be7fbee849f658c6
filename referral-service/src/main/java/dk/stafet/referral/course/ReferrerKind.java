package dk.stafet.referral.course;

/** Who referred a patient to a municipal acute function (R10, R13, R14). */
public enum ReferrerKind {
  HOSPITAL,
  GP,
  OUT_OF_HOURS,
  MUNICIPAL_NURSING
}
