package cn.henan.skills.boundary;

import cn.henan.skills.platform.Refusal;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Camunda's REST answers a refusal raised inside a command with 500 and wraps it in English ("Cannot submit task form
 * …: …", "Cannot instantiate process definition …"). For a request that changes something, this filter remembers the
 * {@link Refusal} the engine threw while serving it and answers 400 with just its Chinese sentence, over
 * {@code /engine-rest} and Tasklist's own engine REST alike. Reads pass untouched (and unbuffered).
 */
class RefusalResponses extends OncePerRequestFilter {
  private static final Set<String> READING = Set.of("GET", "HEAD", "OPTIONS");
  private static final ThreadLocal<Refusal[]> CURRENT = new ThreadLocal<>();
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Called by the engine's boundary when a command fails: keeps the first refusal of this request. */
  static void remember(Throwable failure) {
    Refusal[] slot = CURRENT.get();
    if (slot == null || slot[0] != null) {
      return;
    }
    for (Throwable t = failure; t != null && t.getCause() != t; t = t.getCause()) {
      if (t instanceof Refusal refusal) {
        slot[0] = refusal;
        return;
      }
    }
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (READING.contains(request.getMethod())) {
      chain.doFilter(request, response);
      return;
    }
    Refusal[] slot = new Refusal[1];
    CURRENT.set(slot);
    ContentCachingResponseWrapper buffered = new ContentCachingResponseWrapper(response);
    try {
      chain.doFilter(request, buffered);
    } finally {
      CURRENT.remove();
    }
    if (slot[0] != null && buffered.getStatus() >= 400 && !response.isCommitted()) {
      buffered.resetBuffer();
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      response.setContentType("application/json;charset=UTF-8");
      byte[] body = JSON.writeValueAsBytes(Map.of("type", "Refusal", "message", slot[0].getMessage()));
      response.setContentLength(body.length);
      response.getOutputStream().write(body);
      response.flushBuffer();
      return;
    }
    buffered.copyBodyToResponse();
  }
}
