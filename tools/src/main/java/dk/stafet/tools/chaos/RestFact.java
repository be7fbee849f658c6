package dk.stafet.tools.chaos;

/**
 * A REST command of the chaos run and what came of it (no CPR number).
 *
 * @param kind LISTED_GP (a course fact at referral-service), HANDOVER_PROPOSED, HANDOVER_ACCEPTED
 * @param patient the patient's number in the run
 * @param patientKey the pseudonym referral-service answered, where known
 * @param status the final HTTP status; 0 when no answer came
 * @param id the handover id answered, where there is one
 * @param resends times sent again because the request never arrived or went unanswered
 */
record RestFact(String kind, int patient, String patientKey, int status, String id, int resends) {}
