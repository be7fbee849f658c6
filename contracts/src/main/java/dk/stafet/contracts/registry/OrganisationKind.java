package dk.stafet.contracts.registry;

/** What an organisation is, as far as relay handovers and MedCom routing care. */
public enum OrganisationKind {
  HOSPITAL,
  HOSPITAL_DEPARTMENT,
  GP,
  OUT_OF_HOURS,
  SPECIALIST,
  MUNICIPALITY
}
