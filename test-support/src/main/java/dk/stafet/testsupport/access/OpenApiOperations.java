package dk.stafet.testsupport.access;

import static io.restassured.RestAssured.given;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The operations ({@code METHOD /path/{template}}) of the running service's OpenAPI document, as
 * SmallRye OpenAPI generates it from the JAX-RS resources at {@code /q/openapi}.
 */
public final class OpenApiOperations {

  private static final Set<String> METHODS =
      Set.of("get", "put", "post", "delete", "patch", "head", "options");

  private OpenApiOperations() {}

  /** Every operation of the running application's document. */
  public static Set<String> ofRunningService() {
    Map<String, Map<String, Object>> paths =
        given()
            .queryParam("format", "json")
            .when()
            .get("/q/openapi")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getMap("paths");
    return of(paths);
  }

  static Set<String> of(Map<String, Map<String, Object>> paths) {
    Set<String> operations = new TreeSet<>();
    paths.forEach(
        (path, item) ->
            item.keySet().stream()
                .filter(METHODS::contains)
                .forEach(method -> operations.add(method.toUpperCase() + " " + path)));
    return operations;
  }
}
