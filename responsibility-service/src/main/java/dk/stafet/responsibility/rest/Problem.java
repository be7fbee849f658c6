package dk.stafet.responsibility.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An error body: a stable code and a message. Never carries patient data or clinical text. */
@Schema(description = "Error: a stable code (e.g. HANDOVER_ALREADY_ACCEPTED) and a message")
public record Problem(int status, String code, String message) {

  public static final String MEDIA_TYPE = "application/problem+json";
}
