package dk.stafet.web.pages;

import dk.stafet.web.client.Api;
import dk.stafet.web.client.Fetched;
import dk.stafet.web.client.NotificationClient;
import dk.stafet.web.client.ReferralClient;
import dk.stafet.web.client.ResponsibilityClient;
import dk.stafet.web.i18n.Lang;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestCookie;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * The patient's page {@code /my-course} ("mit forløb"). The CPR number is posted in a form body,
 * passed on to the services in request bodies only, and never put in a URL, a log line, a cookie or
 * the answer page. Only a citizen logged in as "mit forløb" (role PATIENT_PORTAL, whose token names
 * that one citizen's pseudonym) may use it; the lookups go with that token, so the services answer
 * for the logged-in citizen only (docs/web.md).
 */
@RolesAllowed("PATIENT_PORTAL")
@Path("/my-course")
@Produces(MediaType.TEXT_HTML)
public class MyCoursePage {

  private static final Pattern CPR = Pattern.compile("\\d{6}-?\\d{4}");

  private final ResponsibilityClient responsibility;
  private final ReferralClient referral;
  private final NotificationClient notification;
  private final Template myCourse;
  private final Template myPlans;

  public MyCoursePage(
      @RestClient ResponsibilityClient responsibility,
      @RestClient ReferralClient referral,
      @RestClient NotificationClient notification,
      @Location("my-course.html") Template myCourse,
      @Location("fragments/my-plans.html") Template myPlans) {
    this.responsibility = responsibility;
    this.referral = referral;
    this.notification = notification;
    this.myCourse = myCourse;
    this.myPlans = myPlans;
  }

  /**
   * The citizen chooses the case manager of a plan (docs/care-plan.md): passed on with the
   * citizen's own token, so responsibility-service decides whether this citizen may, and records it
   * as the citizen's choice. htmx gets the plan section again with the outcome; a plain form post
   * the page with that section only (the CPR number is not kept, so the rest needs it again). A
   * refusal is a message in the section, never an error page.
   *
   * @param patientKey the plan's patient (the pseudonym, as in the page's other links), to show the
   *     plans again; the service answers only for the token's own citizen
   */
  @POST
  @Path("/care-plans/{id}/case-manager")
  public TemplateInstance chooseCaseManager(
      @PathParam("id") String id,
      @RestForm String organisationSor,
      @RestForm String patientKey,
      @RestQuery String lang,
      @RestCookie(Lang.COOKIE) String cookie,
      @RestHeader("HX-Request") String htmx) {
    Fetched<Api.CarePlan> chosen =
        organisationSor == null || organisationSor.isBlank()
            ? new Fetched<>(null, "CONFLICT", "ORGANISATION_MISSING")
            : Fetched.of(
                () ->
                    responsibility.chooseCaseManager(
                        id, new Api.ChooseCaseManager(organisationSor.trim(), null)));
    Flash flash =
        chosen.ok()
            ? new Flash("chosen", organisationSor.trim(), false)
            : Flash.of("chosen", chosen);
    String key = chosen.ok() ? chosen.value().patientKey() : patientKey;
    Fetched<List<Api.CarePlan>> plans =
        key == null || key.isBlank()
            ? new Fetched<>(List.of(), "OK", null)
            : Fetched.of(() -> responsibility.carePlans(key));
    Template template = "true".equals(htmx) ? myPlans : myCourse;
    return Page.of(template, Lang.resolve(lang, cookie))
        .data("asked", false)
        .data("chosen", true)
        .data("plans", plans)
        .data("flash", flash);
  }

  @GET
  public TemplateInstance form(@RestQuery String lang, @RestCookie(Lang.COOKIE) String cookie) {
    return Page.of(myCourse, Lang.resolve(lang, cookie)).data("asked", false);
  }

  @POST
  public TemplateInstance answer(
      @RestForm String cpr, @RestQuery String lang, @RestCookie(Lang.COOKIE) String cookie) {
    TemplateInstance page = Page.of(myCourse, Lang.resolve(lang, cookie)).data("asked", true);
    String digits = cpr == null ? "" : cpr.replace(" ", "").trim();
    if (!CPR.matcher(digits).matches()) {
      return page.data("invalid", true);
    }
    Api.CprBody body = new Api.CprBody(digits.replace("-", ""));
    // The logged-in citizen's token goes with both lookups (propagated): the services answer only
    // for the citizen it names, so another CPR number is "not found".
    Fetched<Api.LookupAnswer> who = Fetched.of(() -> responsibility.lookup(body));
    Fetched<Api.PatientOverview> overview = Fetched.of(() -> referral.lookup(body));
    String patientKey =
        who.ok() ? who.value().patientKey() : overview.ok() ? overview.value().patientKey() : null;
    Fetched<List<Api.Referral>> referrals =
        overview.ok()
            ? new Fetched<>(
                overview.value().referrals() == null
                    ? List.of()
                    : overview.value().referrals().stream()
                        .sorted(
                            Comparator.comparing(
                                Api.Referral::receivedAt,
                                Comparator.nullsLast(Comparator.reverseOrder())))
                        .toList(),
                "OK",
                null)
            : new Fetched<>(null, overview.outcome(), overview.code());
    Fetched<List<Api.Delivery>> messages =
        patientKey == null
            ? new Fetched<>(null, "NOT_FOUND", null)
            : Fetched.of(() -> notification.deliveries(null, patientKey, 100));
    Fetched<List<Api.CarePlan>> plans =
        patientKey == null
            ? new Fetched<>(null, "NOT_FOUND", null)
            : Fetched.of(() -> responsibility.carePlans(patientKey));
    return page.data("invalid", false)
        .data("plans", plans)
        .data("flash", null)
        .data("found", who.ok() || overview.ok())
        .data("who", who)
        .data("referrals", referrals)
        .data("messages", messages);
  }
}
