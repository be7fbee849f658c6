package dk.stafet.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The no-CPR scan of the end-to-end run finds what it must and only that. */
class CprScanTest {

  @Test
  void findsTheRunsCprNumbersAnywhereWithOrWithoutTheHyphenAndNeverRepeatsThem() {
    CprScan scan = new CprScan(List.of("2509479989"));
    scan.scan("a.log:1", "Lookup of patient x2509479989y failed");
    scan.scan("a.log:2", "cpr=250947-9989");
    assertEquals(2, scan.findings().size());
    assertTrue(scan.findings().stream().noneMatch(f -> f.contains("2509479989")));
    assertTrue(scan.findings().stream().noneMatch(f -> f.contains("9989")));
  }

  @Test
  void findsOtherCprShapedNumbers() {
    CprScan scan = new CprScan(List.of());
    scan.scan("topic/0/key", "0101701234");
    scan.scan("topic/0/header ce_subject", "patient 311299-0001.");
    assertEquals(2, scan.findings().size());
  }

  @Test
  void leavesSorCodesGlnsTimestampsUuidsAndPseudonymsAlone() {
    CprScan scan = new CprScan(List.of("2509479989"));
    scan.scan("l:1", "2026-12-04 08:22:37,747 INFO sender 265161000016000 GLN 5790001348120");
    scan.scan(
        "l:2", "letter b9b4818e-02de-4cc4-b418-d20cbc7b5404 epoch 1733300000 ms 1733300000123");
    scan.scan("l:3", "key a1b2c0101701234f9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b3a2f1e0d9c8b7a6");
    scan.scan("l:4", "month 13: 0113701234, day 32: 3201701234");
    assertEquals(List.of(), scan.findings());
    assertEquals(4, scan.scanned());
  }
}
