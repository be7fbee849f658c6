package dk.stafet.responsibility.domain.rules;

import static dk.stafet.responsibility.domain.rules.RuleStatus.INTERPRETATION;
import static dk.stafet.responsibility.domain.rules.RuleStatus.PROPOSAL;
import static dk.stafet.responsibility.domain.rules.RuleStatus.SEED;

/**
 * The rules of the domain brief (R1–R27) as data: situation, PRD, treatment responsibility, source
 * and status exactly as a clinician reads them in the brief. The classes that implement a rule
 * refer to it by this id, and every decision names the rule that decided it.
 */
public enum RuleId {
  R1(
      "Every rule uses Danish civil time (Europe/Copenhagen, CET/CEST)",
      "—",
      "—",
      "implementation",
      PROPOSAL,
      null),
  R2(
      "GP hours = Mon–Fri 08:00 ≤ t < 16:00 on non-holidays; everything else is out-of-hours",
      "—",
      "—",
      "003 §2 rec. 2; §3.4",
      SEED,
      "half-open boundaries: proposal"),
  R3(
      "Public holidays: 1 Jan, 25/26 Dec, E−3, E−2, E, E+1, E+39, E+49, E+50; Store Bededag E+26 up to 2023",
      "—",
      "—",
      "calendar",
      SEED,
      null),
  R4(
      "24 Dec, 31 Dec, 5 June count as out-of-hours all day (configurable)",
      "—",
      "—",
      "seeds silent",
      PROPOSAL,
      null),
  R5(
      "No active hospital or specialist course (including after responsibility returns)",
      "listed GP",
      "GP/OOH split",
      "003 reform; 003 §3.4 SST rec. 2; §3.8",
      INTERPRETATION,
      null),
  R6(
      "Admitted: inpatient, or an emergency contact without admission",
      "admitting department, 24 h, from the admission instant",
      "hospital",
      "003 §3.4, §3.5; 000",
      SEED,
      "emergency contact: proposal"),
  R7(
      "Leave during an admission",
      "unchanged; the admission continues",
      "hospital",
      "—",
      PROPOSAL,
      null),
  R8(
      "Admission cancelled (registered in error)",
      "treated as never having happened, at every instant; the audit keeps both records",
      "—",
      "—",
      PROPOSAL,
      null),
  R9(
      "Discharge, or end of a hospital course, with no unfinished hospital treatment",
      "returns automatically to the listed GP at that instant",
      "GP/OOH split",
      "analogy with 003 §3.8",
      INTERPRETATION,
      null),
  R10(
      "Acute-function course referred by a hospital",
      "referring department, 24 h, until hospital treatment is finished and the acute course has ended",
      "hospital",
      "003 §3.4, §3.5",
      SEED,
      null),
  R11(
      "Hospital outpatient course, or hospital treatment unfinished at discharge",
      "hospital, until that course ends or the GP accepts a handover (R23; oral agreement allowed)",
      "hospital",
      "003 §3.4 SST rec. 3, §3.8",
      SEED,
      "PRD part: interp."),
  R12(
      "IV treatment continued at home or in an acute function",
      "hospital, until the IV treatment ends, even if the acute course ends first",
      "hospital (the region pays)",
      "003 §3.4 SST rec. 4; 003 IV answer; comments (Ringkøbing-Skjern)",
      SEED,
      null),
  R13(
      "Acute-function course referred by the GP or substitute, an out-of-hours doctor, or municipal nursing",
      "the patient's own GP (or substitute), all day",
      "GP/OOH split",
      "003 §3.4, §3.5",
      SEED,
      "referral by municipal nursing: proposal"),
  R14(
      "Out-of-hours referral to an acute function",
      "the GP is PRD even though the out-of-hours doctor referred; the GP is told at once (C2)",
      "out-of-hours until GP hours",
      "003 §3.3, §3.4",
      SEED,
      null),
  R15(
      "Acute-function course ends",
      "passes automatically to the GP — except when the patient continues in a hospital outpatient course "
          + "(or R12 IV); exit 'admitted': R6 applies",
      "GP/OOH split; hospital in the exception",
      "003 §3.8, Annex III",
      SEED,
      "PRD in the exception: interp."),
  R16(
      "Municipality, acute function, home nursing",
      "never PRD and never treatment-responsible; a declined acute referral changes nothing",
      "—",
      "001 intro, p.4; 003 §3.3, §3.4, §3.6",
      SEED,
      null),
  R17(
      "Referral (hospital or specialist) received, accepted, forwarded or rejected",
      "the referrer (normally the GP) keeps PRD; on rejection the referrer gets an answer (C6)",
      "the referrer's (GP/OOH split if a GP)",
      "—",
      PROPOSAL,
      null),
  R18(
      "Hospital referral started (first contact); referral ended",
      "receiving department, 24 h; when the referral ends → R9/R11",
      "hospital",
      "—",
      PROPOSAL,
      null),
  R19(
      "Practising specialist course started",
      "the GP stays PRD",
      "specialist on weekdays 08–16 (R2), out-of-hours otherwise",
      "001 p.4; 003 §3.4",
      PROPOSAL,
      null),
  R20(
      "Death",
      "none from the instant of death; pending handovers become void; later events reopen nothing",
      "none",
      "—",
      PROPOSAL,
      null),
  R21(
      "Several courses active at once",
      "precedence: death > admission > hospital-owned course (R10–R12, R18; most recently started wins) "
          + "> GP (R5, R13); R19 changes only the treatment column",
      "",
      "—",
      PROPOSAL,
      null),
  R22(
      "Who to call",
      "PRD hospital → that department (24-h line); PRD GP → the GP in GP hours, the out-of-hours service "
          + "otherwise; nobody after death",
      "",
      "003 §3.4",
      INTERPRETATION,
      "comments, Viborg: PRD vs treating doctor unclear"),
  R23(
      "Structured relay handover",
      "only the current holder proposes, only the receiver accepts; moves at the acceptance instant; "
          + "late acceptance still counts; hospital → GP needs the GP's agreement (channel recorded)",
      "a GP receiver gets the GP/OOH split",
      "000; 003 §3.4 SST rec. 3",
      SEED,
      null),
  R24(
      "Handover rejected or unanswered by its deadline",
      "nothing changes; the proposer is told; on timeout alarm handover-unanswered to proposer and "
          + "coordinator; never transfer by default",
      "unchanged",
      "—",
      PROPOSAL,
      null),
  R25(
      "Rule-driven transfers (R6, R9, R10, R13, R15, R18) are standing agreements",
      "take effect at the event instant with no acceptance step",
      "",
      "003 §3.8",
      INTERPRETATION,
      null),
  R26(
      "Invariant: exactly one PRD at every instant of an active course",
      "a rule handing responsibility to nobody leaves it with the previous holder + alarm no-receiver; "
          + "no holder at all → explicit gap + alarm gap",
      "",
      "000; 001",
      PROPOSAL,
      null),
  R27(
      "Responsibility assigned (a named doctor)",
      "names the doctor inside the organisation already holding PRD; an assignment from any other "
          + "organisation is refused",
      "",
      "003 §3.4",
      PROPOSAL,
      null);

  private final String situation;
  private final String patientResponsibleDoctor;
  private final String treatmentResponsibility;
  private final String source;
  private final RuleStatus status;
  private final String statusNote;

  RuleId(
      String situation,
      String patientResponsibleDoctor,
      String treatmentResponsibility,
      String source,
      RuleStatus status,
      String statusNote) {
    this.situation = situation;
    this.patientResponsibleDoctor = patientResponsibleDoctor;
    this.treatmentResponsibility = treatmentResponsibility;
    this.source = source;
    this.status = status;
    this.statusNote = statusNote;
  }

  public String situation() {
    return situation;
  }

  public String patientResponsibleDoctor() {
    return patientResponsibleDoctor;
  }

  public String treatmentResponsibility() {
    return treatmentResponsibility;
  }

  public String source() {
    return source;
  }

  public RuleStatus status() {
    return status;
  }

  /**
   * A partial status qualifier from the brief, e.g. "emergency contact: proposal"; empty string if
   * none.
   */
  public String statusNote() {
    return statusNote == null ? "" : statusNote;
  }

  /**
   * Whether a clinician still has to confirm (part of) this rule: an Interp. or Proposal, in whole
   * or part.
   */
  public boolean isOpenClinicalQuestion() {
    return status != SEED || statusNote != null;
  }
}
