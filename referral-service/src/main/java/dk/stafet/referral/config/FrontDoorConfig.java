package dk.stafet.referral.config;

import dk.stafet.service.medcom.MedcomProfiles;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

/** Settings of the front door (application.properties, prefix {@code stafet.front-door}). */
@ConfigMapping(prefix = "stafet.front-door")
public interface FrontDoorConfig {

  Limits limits();

  MedcomProfiles medcom();

  Hub hub();

  interface Limits {
    /** Larger messages are refused and quarantined; MedCom messages are normally a few kB. */
    @WithName("max-message-bytes")
    @WithDefault("2000000")
    int maxMessageBytes();

    /**
     * The shape a message may have before HAPI parses it (MessageLimits, docs/front-door.md
     * "Limits"): checked by a streaming scan, so a message of legal size cannot make HAPI's object
     * model exhaust the heap.
     */
    @WithName("max-entries")
    @WithDefault("200")
    int maxEntries();

    @WithName("max-elements")
    @WithDefault("20000")
    int maxElements();

    @WithName("max-depth")
    @WithDefault("32")
    int maxDepth();

    @WithName("max-string-length")
    @WithDefault("1500000")
    int maxStringLength();

    /**
     * A refused input larger than max-message-bytes is quarantined as its first this many bytes
     * with its size and SHA-256, not whole: the quarantine must not be a way to store megabytes per
     * anonymous request.
     */
    @WithName("quarantine-prefix-bytes")
    @WithDefault("65536")
    int quarantinePrefixBytes();

    /**
     * Messages read, validated and stored at the same time, over both doors; more wait their turn.
     * Each one in flight holds HAPI's object model, the validator's element model and their
     * findings: without a bound, a burst of concurrent requests (the worker pool allows ~200)
     * exhausted {@code -Xmx512m} (found by {@code ./stafet bench e2e}, docs/performance.md), and on
     * two cores more than a few in flight only queue for the CPU anyway. 0 = twice the processors.
     */
    @WithName("max-concurrent")
    @WithDefault("0")
    int maxConcurrent();

    /** Base of the absolute fullUrls in the acknowledgements we write. */
    @WithName("full-url-base")
    @WithDefault("https://stafet.example.dk/fhir/")
    String fullUrlBase();
  }

  /** Stafet's own identity, used where a message names no receiver we could answer for. */
  interface Hub {
    String sor();

    String gln();

    @WithDefault("Stafet")
    String name();
  }
}
