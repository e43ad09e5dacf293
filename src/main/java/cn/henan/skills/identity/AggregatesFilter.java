package cn.henan.skills.identity;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Province-wide statistics are for the province groups and the administrators: a unit user asking for process
 * definition or activity statistics, metrics, history reports (counts, durations, cleanable instances) — over
 * {@code /engine-rest} or the webapps' own engine REST {@code /camunda/api/engine/engine/{name}} — or for anything
 * of the Cockpit plugin API {@code /camunda/api/cockpit}, gets 403 with one Chinese sentence. Camunda's own checks
 * would answer some of these with a filtered list, some with the whole province's figures, and some with a 403 that
 * names a Java exception.
 *
 * <p>On {@code /engine-rest} the user is the engine's current authentication, which the REST authentication filter
 * (ordered before this one) has set; on the webapp paths the user signed in to the webapps' session. Nobody known
 * means refused.
 */
class AggregatesFilter extends OncePerRequestFilter {
  static final String MESSAGE = "全省汇总统计只供省级用户和管理员查看。";
  private static final String BODY = "{\"type\":\"Forbidden\",\"message\":\"" + MESSAGE + "\"}";

  /** The engine REST path after its root: {@code /engine-rest[/engine/{name}]} or the webapps' engine API. */
  private static final Pattern ENGINE_REST =
      Pattern.compile("^(?:/engine-rest(?:/engine/[^/]+)?|/camunda/api/engine/engine/[^/]+)(/.*)?$");
  private static final String COCKPIT_API = "/camunda/api/cockpit/";
  /** A Cockpit plugin's code (plugin.js, plugin.css, its files), the same for everyone; no figures. */
  private static final Pattern PLUGIN_ASSETS = Pattern.compile("/camunda/api/cockpit/plugin/[A-Za-z0-9_-]+/static/[^?]*");

  private final ProcessEngine engine;

  AggregatesFilter(ProcessEngine engine) {
    this.engine = engine;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    boolean webapp = path.startsWith("/camunda/");
    if (isAggregate(path) && !viewer(request, webapp).map(Viewer::seesAllUnits).orElse(false)) {
      response.setStatus(HttpServletResponse.SC_FORBIDDEN);
      response.setContentType("application/json;charset=UTF-8");
      response.getOutputStream().write(BODY.getBytes(StandardCharsets.UTF_8));
      return;
    }
    chain.doFilter(request, response);
  }

  /** Whether the path (without context path) reads statistics over every unit. */
  static boolean isAggregate(String path) {
    if (PLUGIN_ASSETS.matcher(path).matches()) {
      return false; // the plugins' scripts and styles: Cockpit loads them before anyone signs in, to show its sign-in
    }
    if (path.startsWith(COCKPIT_API) || path.equals(COCKPIT_API.substring(0, COCKPIT_API.length() - 1))) {
      return true;
    }
    Matcher engineRest = ENGINE_REST.matcher(path);
    if (!engineRest.matches() || engineRest.group(1) == null) {
      return false;
    }
    List<String> segments = List.of(engineRest.group(1).substring(1).split("/"));
    if (segments.isEmpty()) {
      return false;
    }
    String first = segments.get(0);
    if (first.equals("metrics") || first.equals("telemetry")) {
      return true;
    }
    for (String segment : segments) {
      if (segment.equals("statistics") || segment.equals("statistics-count") || segment.equals("report")
          || segment.startsWith("cleanable-") || segment.endsWith("-report")) {
        return true;
      }
    }
    return false;
  }

  private Optional<Viewer> viewer(HttpServletRequest request, boolean webapp) {
    if (webapp) {
      return WebappSessions.viewer(engine, request.getSession(false));
    }
    Authentication current = engine.getIdentityService().getCurrentAuthentication();
    if (current == null || current.getUserId() == null) {
      return Optional.empty();
    }
    return Optional.of(new Viewer(current.getUserId(),
        current.getGroupIds() == null ? List.of() : List.copyOf(current.getGroupIds())));
  }
}
