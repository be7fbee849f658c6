package dk.stafet.contracts.medcom;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.hl7.fhir.validation.BaseValidator;
import org.hl7.fhir.validation.codesystem.CodingsObserver;
import org.hl7.fhir.validation.instance.InstanceValidator;

/**
 * Lends out configured {@link InstanceValidator}s so that the per-instance set-up HAPI does in the
 * constructor (an OID table read from a CSV file, a FHIRPath engine, profile utilities: about a
 * quarter of the warm time per message) is paid once per pooled validator instead of once per
 * message.
 *
 * <p>An InstanceValidator keeps two things from one call to the next that a fresh one does not have
 * (found by reading every collection field after repeated calls, HAPI 8.8.1 / core 6.7.9): a map
 * from each parsed narrative element to its XHTML ids (keyed by the previous messages' element
 * trees, so it grows and keeps them reachable) and the {@link CodingsObserver}'s list of every
 * coding seen. HAPI itself clears its fetch cache, resource tracker and tracked messages at the
 * start of each call. {@link #release} clears both accumulators, the other per-call collections and
 * the last parse tree, so a returned validator is, as far as any field can show, a fresh one;
 * {@code PooledValidationEquivalenceTest} proves the findings identical to a new validator per call
 * over every MedCom example and a mutated corpus, in orders that would expose any carry-over. As a
 * guard against state we did not see, a validator is retired after {@code maxUses} calls ({@code
 * maxUses = 1} is exactly the old behaviour: a new validator per call).
 *
 * <p>The fields are private in HAPI; they are reached with {@link MethodHandles#privateLookupIn}
 * once, at construction, so a HAPI upgrade that renames them fails at start-up, not silently per
 * message. Thread-safe; the pool never holds more idle validators than {@code maxIdle}.
 */
final class InstanceValidatorPool {

  private static final VarHandle XHTML_ELEMENT_MAP;
  private static final VarHandle CODING_OBSERVER;
  private static final VarHandle CODING_OBSERVER_LIST;
  private static final VarHandle VALIDATED_CONTENT;
  private static final VarHandle FETCH_CACHE;
  private static final VarHandle RESOURCE_TRACKER;
  private static final VarHandle STATUS_WARNINGS;

  static {
    try {
      MethodHandles.Lookup instance =
          MethodHandles.privateLookupIn(InstanceValidator.class, MethodHandles.lookup());
      MethodHandles.Lookup base =
          MethodHandles.privateLookupIn(BaseValidator.class, MethodHandles.lookup());
      MethodHandles.Lookup observer =
          MethodHandles.privateLookupIn(CodingsObserver.class, MethodHandles.lookup());
      XHTML_ELEMENT_MAP =
          instance.findVarHandle(InstanceValidator.class, "xhtmlElementMap", Map.class);
      CODING_OBSERVER =
          instance.findVarHandle(InstanceValidator.class, "codingObserver", CodingsObserver.class);
      CODING_OBSERVER_LIST =
          observer.findVarHandle(CodingsObserver.class, "list", java.util.List.class);
      VALIDATED_CONTENT =
          instance.findVarHandle(InstanceValidator.class, "validatedContent", java.util.List.class);
      FETCH_CACHE = instance.findVarHandle(InstanceValidator.class, "fetchCache", Map.class);
      RESOURCE_TRACKER =
          instance.findVarHandle(
              InstanceValidator.class, "resourceTracker", java.util.HashMap.class);
      STATUS_WARNINGS =
          base.findVarHandle(BaseValidator.class, "statusWarnings", java.util.Set.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(
          "HAPI's InstanceValidator no longer has the fields the pool resets "
              + "(check InstanceValidatorPool against this HAPI version): "
              + e);
    }
  }

  private final Supplier<InstanceValidator> factory;
  private final int maxUses;
  private final int maxIdle;
  private final ConcurrentLinkedDeque<Lent> idle = new ConcurrentLinkedDeque<>();
  private final AtomicInteger idleCount = new AtomicInteger();
  private final AtomicInteger created = new AtomicInteger();

  InstanceValidatorPool(Supplier<InstanceValidator> factory, int maxUses, int maxIdle) {
    if (maxUses < 1 || maxIdle < 0) {
      throw new IllegalArgumentException("maxUses must be at least 1 and maxIdle not negative");
    }
    this.factory = factory;
    this.maxUses = maxUses;
    this.maxIdle = maxIdle;
  }

  /**
   * A validator that behaves as a new one; give it back with {@link #release} when the call is
   * over.
   */
  Lent borrow() {
    Lent lent = idle.pollFirst();
    if (lent != null) {
      idleCount.decrementAndGet();
      return lent;
    }
    created.incrementAndGet();
    return new Lent(factory.get());
  }

  /**
   * Clears what the call left behind and keeps the validator for the next call, unless it is used
   * up.
   */
  void release(Lent lent) {
    lent.uses++;
    if (lent.uses >= maxUses) {
      return;
    }
    reset(lent.validator);
    if (idleCount.incrementAndGet() <= maxIdle) {
      idle.offerFirst(lent);
    } else {
      idleCount.decrementAndGet();
    }
  }

  /** How many validators were built so far (for tests and the benchmark). */
  int created() {
    return created.get();
  }

  private static void reset(InstanceValidator validator) {
    clear(XHTML_ELEMENT_MAP.get(validator));
    CodingsObserver observer = (CodingsObserver) CODING_OBSERVER.get(validator);
    if (observer != null) {
      clear(CODING_OBSERVER_LIST.get(observer));
    }
    clear(FETCH_CACHE.get(validator));
    clear(RESOURCE_TRACKER.get(validator));
    clear(STATUS_WARNINGS.get(validator));
    VALIDATED_CONTENT.set(validator, null);
  }

  private static void clear(Object collectionOrMap) {
    if (collectionOrMap instanceof Collection<?> collection) {
      collection.clear();
    } else if (collectionOrMap instanceof Map<?, ?> map) {
      map.clear();
    }
  }

  /** A validator on loan, with the number of calls it has served. */
  static final class Lent {
    final InstanceValidator validator;
    int uses;

    private Lent(InstanceValidator validator) {
      this.validator = validator;
    }
  }
}
