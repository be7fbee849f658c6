package dk.stafet.contracts.medcom;

import java.util.List;

/**
 * Told when HAPI rejects a message the compiled fast path accepted (found by sampling): a defect of
 * the fast path, to be counted and alarmed. Gets the element paths of HAPI's errors, never values.
 */
@FunctionalInterface
public interface FastPathDisagreementListener {
  void disagreement(MessageType type, List<String> errorPaths);
}
