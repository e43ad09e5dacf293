package cn.henan.skills.platform;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Security headers on every response of the app, and a clear answer to a request body over the limit.
 * <ul>
 *   <li>{@code X-Content-Type-Options: nosniff}, {@code Referrer-Policy: same-origin} everywhere;</li>
 *   <li>Camunda's webapps ({@code /camunda/**}) send their own Content-Security-Policy on their pages
 *       ({@code camunda.bpm.webapp.header-security}, with {@code frame-ancestors 'none'}): no second CSP is added
 *       there, only {@code X-Frame-Options: DENY}, which says the same;</li>
 *   <li>the app's own pages ({@code dashboard.html}, {@code demo-clock.html}): scripts from the app only (their
 *       scripts are files), inline styles (the dashboard colours its bars), {@code frame-ancestors 'self'};</li>
 *   <li>{@code /api} (JSON, PDFs, Excel) and {@code /engine-rest} (JSON): nothing to load, framed only by the app.</li>
 * </ul>
 * A request body larger than {@value BodyLimit#MAX_MB} MB is answered 413 with the limit in a Chinese sentence before
 * anyone reads it; a chunked body (no length stated) is counted as it is read and cut off at the limit.
 */
@Configuration(proxyBeanMethods = false)
class SecurityHeaders {
  private static final ObjectMapper JSON = new ObjectMapper();
  static final String PAGES = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
      + "img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
      + "frame-ancestors 'self'";
  static final String API = "default-src 'none'; object-src 'self'; frame-ancestors 'self'; base-uri 'none'; "
      + "form-action 'none'";

  @Bean
  FilterRegistrationBean<Headers> securityHeadersFilter() {
    FilterRegistrationBean<Headers> registration = new FilterRegistrationBean<>(new Headers());
    registration.setName("skills-henan-security-headers");
    registration.addUrlPatterns("/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
    return registration;
  }

  static final class Headers extends OncePerRequestFilter {
    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
      String path = request.getRequestURI().substring(request.getContextPath().length());
      response.setHeader("X-Content-Type-Options", "nosniff");
      response.setHeader("Referrer-Policy", "same-origin");
      if (path.startsWith("/camunda/")) {
        response.setHeader("X-Frame-Options", "DENY");
      } else {
        response.setHeader("X-Frame-Options", "SAMEORIGIN");
        response.setHeader("Content-Security-Policy",
            path.startsWith("/api/") || path.startsWith("/engine-rest/") ? API : PAGES);
      }
      long length = request.getContentLengthLong();
      if (length > BodyLimit.MAX_BYTES) {
        response.setStatus(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
        response.setContentType("application/json;charset=UTF-8");
        // the connection is closed: the body is not read
        response.setHeader("Connection", "close");
        byte[] body = JSON.writeValueAsBytes(Map.of("type", "Refusal", "message",
            BodyLimit.tooLarge(length).getMessage()));
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
        return;
      }
      chain.doFilter(length < 0 ? BodyLimit.counted(request) : request, response);
    }
  }
}
