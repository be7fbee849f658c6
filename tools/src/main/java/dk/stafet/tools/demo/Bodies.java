package dk.stafet.tools.demo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;

/**
 * JSON request bodies for the REST APIs (field names as in docs/course-facts.md and
 * docs/responsibility-api.md).
 */
final class Bodies {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final ObjectNode node = MAPPER.createObjectNode();

  static Bodies at(Instant occurredAt) {
    Bodies body = new Bodies();
    if (occurredAt != null) {
      body.node.put("occurredAt", occurredAt.toString());
    }
    return body;
  }

  Bodies put(String name, String value) {
    if (value != null) {
      node.put(name, value);
    }
    return this;
  }

  Bodies put(String name, List<String> values) {
    if (values != null) {
      values.forEach(node.putArray(name)::add);
    }
    return this;
  }

  Bodies put(String name, boolean value) {
    node.put(name, value);
    return this;
  }

  Bodies doctor(String name, Doctors.Doctor doctor) {
    if (doctor != null) {
      node.putObject(name).put("id", doctor.authorisationId()).put("name", doctor.name());
    }
    return this;
  }

  String json() {
    try {
      return MAPPER.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
