package dk.stafet.responsibility.kpi;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Aggregate KPIs; no patient data, so no patient-level access check. */
@Path("/api/kpis")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "kpis", description = "Named-PRD share, time to named doctor, gaps")
public class KpiResource {

  private final KpiService kpis;

  public KpiResource(KpiService kpis) {
    this.kpis = kpis;
  }

  @GET
  @Operation(summary = "KPIs per course type, computed now")
  public Kpis kpis() {
    return kpis.compute();
  }
}
