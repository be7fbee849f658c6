package dk.stafet.notification.simulator;

import java.util.Random;
import java.util.Set;

/**
 * How a simulated recipient answers one message: configured per recipient, else drawn by the
 * configured shares.
 */
public enum SimulatedAnswer {
  OK,
  SILENT,
  REJECT,
  SLOW;

  /**
   * @param recipientGln the simulated recipient
   * @param silent recipients that never answer
   * @param rejecting recipients that answer fatal-error
   * @param slow recipients that answer late
   * @param silentShare share of the other messages left unanswered
   * @param rejectShare share answered with fatal-error
   * @param slowShare share answered late
   */
  static SimulatedAnswer choose(
      String recipientGln,
      Set<String> silent,
      Set<String> rejecting,
      Set<String> slow,
      double silentShare,
      double rejectShare,
      double slowShare,
      Random random) {
    if (silent.contains(recipientGln)) {
      return SILENT;
    }
    if (rejecting.contains(recipientGln)) {
      return REJECT;
    }
    if (slow.contains(recipientGln)) {
      return SLOW;
    }
    double draw = random.nextDouble();
    if (draw < silentShare) {
      return SILENT;
    }
    if (draw < silentShare + rejectShare) {
      return REJECT;
    }
    if (draw < silentShare + rejectShare + slowShare) {
      return SLOW;
    }
    return OK;
  }
}
