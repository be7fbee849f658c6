package dk.stafet.tools.demo;

import dk.stafet.contracts.registry.Organisation;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One synthetic patient. {@link #toString()} names the patient by number only: the CPR number is
 * for request bodies and nothing else.
 */
final class Patient {

  final int number;
  final String cpr;
  final String familyName;
  final String givenName;
  final LocalDate birthDate;
  final boolean male;
  final Organisation gp;
  final Organisation municipality;

  /** The keyed pseudonym, as referral-service answers it once the listed GP is registered. */
  String patientKey;

  boolean registered;
  boolean deceased;

  /**
   * A course script runs for the patient; at most one at a time, so the patient's history stays
   * consistent.
   */
  boolean busy;

  /** When the patient's last fact happened; the next course starts after it. */
  Instant lastFactAt;

  /** One of the README's tour patients ({@link Population#TOUR_CPR} and the two beside it). */
  boolean tour;

  /** What a tour patient's first course is, so the README can promise it. */
  TourCourse tourCourse;

  /** The first course of a tour patient. */
  enum TourCourse {
    /** A cancer pathway (W1). */
    CANCER_PATHWAY,
    /** A referral to a practising specialist, and the specialist's course (R19). */
    SPECIALIST,
    /**
     * A cancer pathway whose referral the first department forwards to another, which continues it
     * (R17, R18).
     */
    FORWARDED_REFERRAL
  }

  int courses;

  Patient(
      int number,
      String cpr,
      String familyName,
      String givenName,
      LocalDate birthDate,
      boolean male,
      Organisation gp,
      Organisation municipality) {
    this.number = number;
    this.cpr = cpr;
    this.familyName = familyName;
    this.givenName = givenName;
    this.birthDate = birthDate;
    this.male = male;
    this.gp = gp;
    this.municipality = municipality;
  }

  List<String> givenNames() {
    return List.of(givenName);
  }

  int ageAt(LocalDate date) {
    return java.time.Period.between(birthDate, date).getYears();
  }

  boolean available() {
    return registered && !deceased && !busy;
  }

  @Override
  public String toString() {
    return "patient#" + number;
  }
}
