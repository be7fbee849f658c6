package dk.stafet.web.stub;

import com.fasterxml.jackson.databind.JsonNode;
import dk.stafet.web.client.Api;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Tiny stand-ins for the three services' REST APIs, served by the test application itself under
 * /stub/… (the pages' REST clients point there in the test profile). They answer what {@link
 * StubState} holds and record every call.
 */
@Path("/stub")
@Produces(MediaType.APPLICATION_JSON)
public class ServiceStubs {

  private static final String ORG = Api.AUTHORIZATION;

  private static void record(String call, String org, Object body) {
    StubState.calls.add(
        call + " " + StubState.organisationOf(org) + (body == null ? "" : " " + body));
    StubState.persons.add(StubState.claimOf(org, "sub"));
  }

  /**
   * The services' one problem format (service-support's Problem): RFC 9457 plus the stable code.
   */
  private static Response problem(int status, String code) {
    String kebab = code.toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    return Response.status(status)
        .type("application/problem+json")
        .entity(
            Map.of(
                "type",
                "https://stafet.dk/problems/" + kebab,
                "title",
                code,
                "status",
                status,
                "detail",
                code,
                "code",
                code))
        .build();
  }

  // ---- responsibility-service ----

  @GET
  @Path("/responsibility/api/handovers")
  public Response handovers(@HeaderParam(ORG) String org, @QueryParam("state") String state) {
    record("GET /api/handovers?state=" + state, org, null);
    if (StubState.responsibilityDown) {
      return Response.status(503).build();
    }
    return Response.ok(
            StubState.handovers.values().stream()
                .filter(h -> state == null || h.state().equals(state))
                .toList())
        .build();
  }

  @POST
  @Path("/responsibility/api/handovers/{id}/accept")
  public Response accept(@HeaderParam(ORG) String org, @PathParam("id") String id, JsonNode body) {
    record("POST /api/handovers/" + id + "/accept", org, body);
    return decide(org, id, "ACCEPTED", null);
  }

  @POST
  @Path("/responsibility/api/handovers/{id}/reject")
  public Response reject(@HeaderParam(ORG) String org, @PathParam("id") String id, JsonNode body) {
    record("POST /api/handovers/" + id + "/reject", org, body);
    return decide(
        org,
        id,
        "REJECTED",
        body == null || body.get("reason") == null ? null : body.get("reason").asText());
  }

  private static Response decide(String org, String id, String state, String reason) {
    Api.Handover h = StubState.handovers.get(id);
    if (h == null) {
      return problem(404, "HANDOVER_NOT_FOUND");
    }
    // As the service: the receiver answers, or a coordinator records its answer on its behalf.
    String caller = StubState.organisationOf(org);
    if (!h.toSor().equals(caller) && !StubState.COORDINATOR.equals(caller)) {
      return problem(409, "HANDOVER_NOT_RECEIVER");
    }
    if (!"PROPOSED".equals(h.state()) && !"UNANSWERED".equals(h.state())) {
      return problem(409, "HANDOVER_ALREADY_" + h.state());
    }
    Api.Handover decided =
        new Api.Handover(
            h.id(),
            h.patientKey(),
            h.fromSor(),
            h.toSor(),
            h.toDoctor(),
            h.courseKind(),
            h.courseId(),
            h.reason(),
            h.patientInformed(),
            h.relativesInformed(),
            h.agreementChannel(),
            h.proposedAt(),
            h.respondBy(),
            state,
            h.timedOutAt(),
            Instant.now(),
            reason);
    StubState.handovers.put(id, decided);
    return Response.ok(decided).build();
  }

  @GET
  @Path("/responsibility/api/patients/{key}/ledger")
  public Response ledger(@HeaderParam(ORG) String org, @PathParam("key") String key) {
    record("GET /api/patients/" + key + "/ledger", org, null);
    return StubState.PATIENT.equals(key)
        ? Response.ok(StubState.ledger()).build()
        : problem(404, "PATIENT_NOT_FOUND");
  }

  @GET
  @Path("/responsibility/api/patients/{key}/who-to-call")
  public Response whoToCall(@HeaderParam(ORG) String org, @PathParam("key") String key) {
    record("GET /api/patients/" + key + "/who-to-call", org, null);
    return StubState.PATIENT.equals(key)
        ? Response.ok(StubState.whoToCall()).build()
        : problem(404, "PATIENT_NOT_FOUND");
  }

  @POST
  @Path("/responsibility/api/patients/lookup")
  public Response responsibilityLookup(@HeaderParam(ORG) String org, JsonNode body) {
    String cpr = body == null || body.get("cpr") == null ? null : body.get("cpr").asText();
    record("POST /responsibility/api/patients/lookup", org, cpr == null ? null : "cpr=" + cpr);
    return StubState.CPR.equals(cpr)
        ? Response.ok(new Api.LookupAnswer(StubState.PATIENT, StubState.whoToCall())).build()
        : problem(404, "PATIENT_NOT_FOUND");
  }

  @GET
  @Path("/responsibility/api/care-plans")
  public Response carePlans(@HeaderParam(ORG) String org, @QueryParam("patientKey") String key) {
    record("GET /api/care-plans?patientKey=" + key, org, null);
    return Response.ok(StubState.PATIENT.equals(key) ? StubState.carePlans : List.of()).build();
  }

  /** As the service: only an open plan, only an organisation among its caseManagerChoices. */
  @POST
  @Path("/responsibility/api/care-plans/{id}/case-manager")
  public Response chooseCaseManager(
      @HeaderParam(ORG) String org, @PathParam("id") String id, JsonNode body) {
    record("POST /api/care-plans/" + id + "/case-manager", org, body);
    for (int i = 0; i < StubState.carePlans.size(); i++) {
      Api.CarePlan p = StubState.carePlans.get(i);
      if (!p.id().equals(id)) {
        continue;
      }
      if (p.status().equals("COMPLETED") || p.status().equals("REVOKED")) {
        return problem(409, "CAREPLAN_CLOSED");
      }
      String sor = body == null ? "" : body.path("organisationSor").asText("");
      if (p.caseManagerChoices().stream().noneMatch(o -> o.sor().equals(sor))) {
        return problem(409, "CAREPLAN_CASE_MANAGER_NOT_IN_PLAN");
      }
      Api.CarePlan chosen =
          new Api.CarePlan(
              p.id(),
              p.patientKey(),
              p.kind(),
              "ACTIVE",
              p.title(),
              p.author(),
              p.createdAt(),
              p.activities(),
              new Api.CarePlanCaseManager(
                  new Api.CarePlanOrg(sor, null), null, "CITIZEN", Instant.now()),
              p.caseManagerChoices(),
              p.closingTalk(),
              p.endedAt(),
              p.transitionAt(),
              p.transitionNeedsAttention());
      StubState.carePlans.set(i, chosen);
      return Response.ok(chosen).build();
    }
    return problem(404, "NOT_FOUND");
  }

  @GET
  @Path("/responsibility/api/kpis")
  public Api.Kpis kpis(@HeaderParam(ORG) String org) {
    record("GET /api/kpis", org, null);
    return StubState.kpis();
  }

  @GET
  @Path("/responsibility/api/patients/attention")
  public Response attention(@HeaderParam(ORG) String org) {
    record("GET /api/patients/attention", org, null);
    if (!StubState.attentionEndpoint) {
      return Response.status(404).build();
    }
    return Response.ok(
            List.of(
                new Api.Attention(
                    StubState.PATIENT,
                    "<b>" + StubState.HOSTILE + "</b>",
                    "GP",
                    "R5",
                    Instant.now().minusSeconds(7200),
                    "gap",
                    "CANCER",
                    true,
                    List.of("gap"),
                    null),
                new Api.Attention(
                    StubState.UNNAMED_PATIENT,
                    StubState.GP,
                    "GP",
                    "R5",
                    Instant.now().minusSeconds(3600),
                    null,
                    "SOMATIC",
                    false,
                    List.of("no-named-doctor", "transition-at-18"),
                    java.time.LocalDate.of(2027, 2, 1)),
                // Listed only because a child's plan must agree the transition at 18.
                new Api.Attention(
                    StubState.UNKNOWN_PATIENT,
                    StubState.GP,
                    "GP",
                    "R5",
                    Instant.now().minusSeconds(600),
                    "transition-at-18",
                    "SOMATIC",
                    false,
                    List.of("transition-at-18"),
                    java.time.LocalDate.of(2027, 1, 15))))
        .build();
  }

  @GET
  @Path("/{service}/api/parked")
  public Response parked(
      @HeaderParam(ORG) String org,
      @PathParam("service") String service,
      @QueryParam("state") String state) {
    record("GET /" + service + "/api/parked?state=" + state, org, null);
    if ("responsibility".equals(service) && StubState.responsibilityDown) {
      return Response.status(503).build();
    }
    List<Api.ParkedRecord> records = StubState.parked.get(service);
    return records == null
        ? Response.status(404).build()
        : Response.ok(
                records.stream().filter(r -> state == null || r.state().equals(state)).toList())
            .build();
  }

  @POST
  @Path("/{service}/api/parked/{id}/replay")
  public Response replayParked(
      @HeaderParam(ORG) String org,
      @PathParam("service") String service,
      @PathParam("id") long id) {
    record("POST /" + service + "/api/parked/" + id + "/replay", org, null);
    List<Api.ParkedRecord> records = StubState.parked.getOrDefault(service, List.of());
    for (Api.ParkedRecord r : records) {
      if (r.id() == id) {
        if (!"PARKED".equals(r.state())) {
          return problem(409, "NOT_PARKED");
        }
        Api.ParkedRecord replayed =
            new Api.ParkedRecord(
                r.id(),
                "REPLAYED",
                r.eventType(),
                r.messageId(),
                r.patientKey(),
                r.sourceTopic(),
                r.errorClass(),
                r.errorMessage(),
                r.failedAt(),
                r.parkedAt(),
                r.attempts(),
                r.replayOf());
        records.set(records.indexOf(r), replayed);
        return Response.ok(replayed).build();
      }
    }
    return problem(404, "PARKED_RECORD_NOT_FOUND");
  }

  @GET
  @Path("/{service}/api/validation-alarms")
  public Response validationAlarms(
      @HeaderParam(ORG) String org, @PathParam("service") String service) {
    record("GET /" + service + "/api/validation-alarms", org, null);
    List<Api.ValidationAlarm> alarms = StubState.validationAlarms.get(service);
    return alarms == null ? Response.status(404).build() : Response.ok(alarms).build();
  }

  @POST
  @Path("/{service}/api/validation-alarms/{id}/acknowledge")
  public Response acknowledgeValidationAlarm(
      @HeaderParam(ORG) String org,
      @PathParam("service") String service,
      @PathParam("id") long id) {
    record("POST /" + service + "/api/validation-alarms/" + id + "/acknowledge", org, null);
    List<Api.ValidationAlarm> alarms = StubState.validationAlarms.getOrDefault(service, List.of());
    return alarms.removeIf(a -> a.id() == id)
        ? Response.noContent().build()
        : problem(404, "NOT_FOUND");
  }

  // ---- referral-service ----

  @GET
  @Path("/referral/api/quarantine")
  public Api.QuarantinePage quarantine(
      @HeaderParam(ORG) String org, @QueryParam("limit") int limit) {
    record("GET /api/quarantine", org, null);
    return new Api.QuarantinePage(StubState.quarantine.size(), List.copyOf(StubState.quarantine));
  }

  @POST
  @Path("/referral/api/quarantine/{id}/replay")
  public Response replay(@HeaderParam(ORG) String org, @PathParam("id") String id) {
    record("POST /api/quarantine/" + id + "/replay", org, null);
    return Response.ok(new Api.ReplayResult(id, "ACCEPTED", "ok", null)).build();
  }

  @POST
  @Path("/referral/api/patients/lookup")
  public Response referralLookup(@HeaderParam(ORG) String org, JsonNode body) {
    String cpr = body == null || body.get("cpr") == null ? null : body.get("cpr").asText();
    record("POST /referral/api/patients/lookup", org, cpr == null ? null : "cpr=" + cpr);
    return StubState.CPR.equals(cpr)
        ? Response.ok(
                new Api.PatientOverview(
                    StubState.PATIENT,
                    StubState.GP,
                    null,
                    null,
                    StubState.referrals(),
                    List.of(),
                    List.of()))
            .build()
        : problem(404, "NOT_FOUND");
  }

  @GET
  @Path("/referral/api/referrals/waiting-times")
  public Response waitingTimes(@HeaderParam(ORG) String org, @QueryParam("status") String status) {
    record("GET /api/referrals/waiting-times?status=" + status, org, null);
    return StubState.waitingEndpoint
        ? Response.ok(
                StubState.waitingTimeReferrals().stream()
                    .filter(r -> status == null || r.status().equalsIgnoreCase(status))
                    .toList())
            .build()
        : Response.status(404).build();
  }

  @GET
  @Path("/referral/api/referrals/waiting-times/summary")
  public Response waitingTimeSummary(@HeaderParam(ORG) String org) {
    record("GET /api/referrals/waiting-times/summary", org, null);
    return StubState.waitingEndpoint
        ? Response.ok(new Api.WaitingTimeSummary(3, 0, 1, 1, 1, 4, 9)).build()
        : Response.status(404).build();
  }

  @GET
  @Path("/referral/api/patients/identities")
  public Response identities(
      @HeaderParam(ORG) String org, @QueryParam("patientKey") List<String> patientKeys) {
    record("GET /api/patients/identities?patientKey=" + String.join(",", patientKeys), org, null);
    if (!StubState.identityEndpoint) {
      return Response.status(503).build();
    }
    return Response.ok(
            patientKeys.stream()
                .map(StubState.identities::get)
                .filter(java.util.Objects::nonNull)
                .toList())
        .build();
  }

  @GET
  @Path("/referral/api/patients/{patientKey}/referrals")
  public Response patientReferrals(
      @HeaderParam(ORG) String org, @PathParam("patientKey") String patientKey) {
    record("GET /api/patients/" + patientKey + "/referrals", org, null);
    return StubState.PATIENT.equals(patientKey)
        ? Response.ok(StubState.referrals()).build()
        : problem(404, "NOT_FOUND");
  }

  @GET
  @Path("/referral/api/patients/{patientKey}/messages")
  public Response receivedMessages(
      @HeaderParam(ORG) String org, @PathParam("patientKey") String patientKey) {
    record("GET /api/patients/" + patientKey + "/messages", org, null);
    return StubState.PATIENT.equals(patientKey)
        ? Response.ok(StubState.receivedMessages()).build()
        : problem(404, "NOT_FOUND");
  }

  // ---- notification-service ----

  @GET
  @Path("/notification/api/deliveries")
  public List<Api.Delivery> deliveries(
      @HeaderParam(ORG) String org,
      @QueryParam("state") String state,
      @QueryParam("patientKey") String patientKey) {
    record("GET /api/deliveries?state=" + state + "&patientKey=" + patientKey, org, null);
    return StubState.deliveries.stream()
        .filter(d -> state == null || d.state().equals(state))
        .filter(d -> patientKey == null || patientKey.equals(d.patientKey()))
        .toList();
  }

  @GET
  @Path("/notification/api/deliveries/dead-letters")
  public List<Api.Delivery> deadLetters(@HeaderParam(ORG) String org) {
    return StubState.deliveries.stream().filter(d -> d.state().equals("DEAD_LETTER")).toList();
  }

  @GET
  @Path("/notification/api/deliveries/counts")
  public List<Api.StateCount> counts(@HeaderParam(ORG) String org) {
    return StubState.deliveries.stream()
        .map(d -> new Api.StateCount(d.state(), d.recipientGln(), 1))
        .toList();
  }

  @POST
  @Path("/notification/api/deliveries/{id}/resend")
  public Response resend(@HeaderParam(ORG) String org, @PathParam("id") String id) {
    record("POST /api/deliveries/" + id + "/resend", org, null);
    for (Api.Delivery d : StubState.deliveries) {
      if (d.messageHeaderId().equals(id)) {
        if (!"DEAD_LETTER".equals(d.state())) {
          return problem(409, "NOT_DEAD_LETTERED");
        }
        StubState.deliveries.remove(d);
        Api.Delivery resent =
            new Api.Delivery(
                d.messageHeaderId(),
                d.messageType(),
                d.eventCode(),
                d.duty(),
                d.origin(),
                d.recipientGln(),
                d.recipientSor(),
                d.senderGln(),
                d.patientKey(),
                "SENT",
                null,
                d.attempts() + 1,
                null,
                null,
                d.createdAt(),
                Instant.now(),
                null);
        StubState.deliveries.add(resent);
        return Response.ok(resent).build();
      }
    }
    return Response.status(404).build();
  }
}
