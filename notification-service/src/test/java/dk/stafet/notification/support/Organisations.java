package dk.stafet.notification.support;

import dk.stafet.notification.directory.Directory;
import dk.stafet.notification.directory.Party;
import java.util.List;
import java.util.Optional;

/**
 * Test organisations with SOR codes and valid GLNs, and an in-memory {@link Directory} over them.
 */
public final class Organisations {

  public static final Party HOSPITAL =
      new Party(
          "265161000016000",
          "5790000209354",
          "Hjerteafdelingen, Herlev",
          "HOSPITAL_DEPARTMENT",
          true,
          "0163");
  public static final Party HERLEV =
      new Party(
          "953741000016009",
          "5790001348120",
          "Herlev Kommune",
          Directory.MUNICIPALITY,
          true,
          "0163");
  public static final Party GLADSAXE =
      new Party(
          "953751000016006",
          "5790001348137",
          "Gladsaxe Kommune",
          Directory.MUNICIPALITY,
          true,
          "0159");

  /** A municipality of receiver type C: cannot acknowledge. */
  public static final Party NO_ACK_MUNICIPALITY =
      new Party(
          "953761000016003",
          "5790001348144",
          "Type C Kommune",
          Directory.MUNICIPALITY,
          false,
          "0151");

  public static final Party GP =
      new Party("485731000016002", "5790000121526", "Lægerne i Byen", Directory.GP, true, "0159");
  public static final Party OTHER_GP =
      new Party("485741000016009", "5790000121533", "Lægehuset", Directory.GP, true, "0163");
  public static final Party ACUTE_FUNCTION =
      new Party(
          "953771000016000", "5790001348151", "Akutfunktion Herlev", "MUNICIPALITY", true, "0163");
  public static final Party HUB =
      new Party("999999000016001", "5790000000005", "Stafet", "HUB", true, null);
  public static final Party NO_GLN =
      new Party("111111000016001", null, "Uden GLN", "HOSPITAL_DEPARTMENT", true, null);

  /** Course coordinator; not in the directory: the role comes from the token (TestTokens). */
  public static final String COORDINATOR = "999999000901001";

  /** The patient portal (its tokens name their citizen: TestTokens.portalForPatient). */
  public static final String PATIENT_PORTAL = "999999000902001";

  public static final List<Party> ALL =
      List.of(
          HOSPITAL,
          HERLEV,
          GLADSAXE,
          NO_ACK_MUNICIPALITY,
          GP,
          OTHER_GP,
          ACUTE_FUNCTION,
          HUB,
          NO_GLN);

  private Organisations() {}

  /** A directory over {@link #ALL}. */
  public static Directory directory() {
    return new Directory() {
      @Override
      public Optional<Party> bySor(String sor) {
        return ALL.stream().filter(p -> p.sor().equals(sor)).findFirst();
      }

      @Override
      public Optional<Party> byGln(String gln) {
        return ALL.stream().filter(p -> gln.equals(p.gln())).findFirst();
      }

      @Override
      public Optional<Party> municipality(String code) {
        return ALL.stream()
            .filter(p -> p.isKind(Directory.MUNICIPALITY) && code.equals(p.municipalityCode()))
            .findFirst();
      }
    };
  }
}
