package dk.stafet.tools.demo;

import dk.stafet.contracts.cpr.CprNumber;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * Log lines to stdout. The demo never prints a CPR number on purpose; as a second line of defence
 * every line is masked: any run of exactly ten digits (with or without the hyphen after the date)
 * becomes asterisks. SOR codes (15 digits) and GLNs (13) are longer and stay readable.
 */
final class DemoLog {

  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");
  private static final ZoneId ZONE = ZoneId.systemDefault();

  private DemoLog() {}

  static void info(String format, Object... args) {
    print("INFO ", format, args);
  }

  static void warn(String format, Object... args) {
    print("WARN ", format, args);
  }

  static String mask(String text) {
    return CprNumber.maskAll(text);
  }

  private static synchronized void print(String level, String format, Object... args) {
    String line = args.length == 0 ? format : String.format(format, args);
    System.out.println(LocalTime.now(ZONE).format(TIME) + " " + level + "demo: " + mask(line));
    System.out.flush();
  }
}
