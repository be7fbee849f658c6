package dk.stafet.contracts.outbox;

import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import java.util.HashMap;
import java.util.Map;

/**
 * The W3C trace context ({@code traceparent}) of the work in progress: the HTTP request or the
 * consumed Kafka record (Quarkus OpenTelemetry makes either current). The outbox stores it with the
 * row, and the relay, which publishes later on its own thread, puts it on the record, so one
 * message's trace follows it through every service (docs/operations.md, "Traces").
 */
public final class TraceParent {

  /** The Kafka header (and HTTP header) name, as W3C Trace Context and OpenTelemetry use it. */
  public static final String HEADER = "traceparent";

  private TraceParent() {}

  /** The current span's {@code traceparent}, or null when nothing is being traced. */
  public static String current() {
    Map<String, String> carrier = new HashMap<>(2);
    W3CTraceContextPropagator.getInstance().inject(Context.current(), carrier, Map::put);
    return carrier.get(HEADER);
  }
}
