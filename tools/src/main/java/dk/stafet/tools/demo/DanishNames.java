package dk.stafet.tools.demo;

import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Common Danish names for synthetic patients and doctors (MedCom requires the patient's official
 * name).
 */
final class DanishNames {

  private static final List<String> FAMILY =
      List.of(
          "Nielsen",
          "Jensen",
          "Hansen",
          "Pedersen",
          "Andersen",
          "Christensen",
          "Larsen",
          "Sørensen",
          "Rasmussen",
          "Jørgensen",
          "Petersen",
          "Madsen",
          "Kristensen",
          "Olsen",
          "Thomsen",
          "Christiansen",
          "Poulsen",
          "Johansen",
          "Møller",
          "Mortensen",
          "Østergaard",
          "Kjær",
          "Lund",
          "Bach");
  private static final List<String> MEN =
      List.of(
          "Peter",
          "Jens",
          "Lars",
          "Michael",
          "Henrik",
          "Søren",
          "Thomas",
          "Jan",
          "Niels",
          "Anders",
          "Morten",
          "Jesper",
          "Mads",
          "Rasmus",
          "Kim",
          "Ole",
          "Frederik",
          "Poul",
          "Erik",
          "Bent");
  private static final List<String> WOMEN =
      List.of(
          "Anne",
          "Kirsten",
          "Mette",
          "Hanne",
          "Helle",
          "Anna",
          "Susanne",
          "Lene",
          "Maria",
          "Marianne",
          "Lone",
          "Camilla",
          "Pia",
          "Inge",
          "Karen",
          "Birgit",
          "Ida",
          "Emma",
          "Else",
          "Tove");

  private DanishNames() {}

  static String family(RandomGenerator random) {
    return pick(FAMILY, random);
  }

  static String given(boolean male, RandomGenerator random) {
    return pick(male ? MEN : WOMEN, random);
  }

  static <T> T pick(List<T> list, RandomGenerator random) {
    return list.get(random.nextInt(list.size()));
  }
}
