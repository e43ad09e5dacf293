package cn.henan.skills.boundary;

import cn.henan.skills.platform.Refusal;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.Set;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingRequestWrapper;
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
  /** Request bodies kept for reading the variable names back (a file variable's body may be larger; then none). */
  private static final int INSPECTED_BODY = 1 << 20;
  private static final Pattern CONVERSION = Pattern.compile("Cannot convert value .{0,200}? of type '([A-Za-z]{1,20})'");
  private static final String BAD_JSON_SENTENCE =
      "未作任何更改：提交的内容不是有效的 JSON，或其中的数字、文字超出了允许的长度。";
  private static final Pattern BAD_JSON = Pattern.compile("Unrecognized token|Unexpected character|Cannot deserialize|"
      + "Number value length|String value length|exceeds the maximum|Unexpected end-of-input|JsonParseException|"
      + "JsonMappingException|MismatchedInputException");

  /** Called by the engine's boundary when a command fails: keeps the first refusal of this request. */
  static void remember(Throwable failure) {
    Refusal[] slot = CURRENT.get();
    if (failure == null || slot == null || slot[0] != null) {
      return;
    }
    for (Throwable t = failure; t != null && t.getCause() != t; t = t.getCause()) {
      if (t instanceof Refusal refusal) {
        slot[0] = refusal;
        return;
      }
    }
  }

  /**
   * Camunda's REST converts a typed value before any command runs and refuses what it cannot convert in English
   * ("Cannot complete task …: Cannot convert value 'Infinity' of type 'Long' to java type java.lang.Long"). Answered
   * as a refusal naming the variables sent with that type; the value itself is never echoed.
   */
  private static Refusal unconvertible(byte[] answer, byte[] sent) {
    String message;
    try {
      message = answer.length == 0 || answer.length > 100_000 ? "" : JSON.readTree(answer).path("message").asText("");
    } catch (IOException | RuntimeException e) {
      return null;
    }
    Matcher conversion = CONVERSION.matcher(message);
    if (conversion.find()) {
      String type = conversion.group(1);
      List<String> names = new ArrayList<>();
      try {
        JsonNode body = sent.length == 0 ? null : JSON.readTree(sent);
        if (body != null) {
          for (String container : List.of("variables", "modifications")) {
            body.path(container).fields().forEachRemaining(v -> {
              if (type.equalsIgnoreCase(v.getValue().path("type").asText())) {
                names.add("“" + v.getKey() + "”");
              }
            });
          }
          if (body.has("type") && type.equalsIgnoreCase(body.path("type").asText())) {
            names.add("提交的值");
          }
        }
      } catch (IOException | RuntimeException e) {
        // the body could not be read again: the sentence names no variable
      }
      String what = names.isEmpty() ? "提交的值" : String.join("、", names.subList(0, Math.min(5, names.size())));
      return new Refusal("未作任何更改：" + what + " 不能按声明的类型 " + type.replaceAll("[^A-Za-z]", "")
          + " 读取（数字过大、不是数字或格式不对），请按表单填写。");
    }
    if (message.contains("Unsupported value type") || message.contains("Java serialization format is prohibited")) {
      return new Refusal("未作任何更改：提交的值的类型（type）不受支持，请按表单填写。");
    }
    if (BAD_JSON.matcher(message).find()) {
      return new Refusal(BAD_JSON_SENTENCE);
    }
    return null;
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
    ContentCachingRequestWrapper reading = new ContentCachingRequestWrapper(request, INSPECTED_BODY);
    ContentCachingResponseWrapper buffered = new ContentCachingResponseWrapper(response);
    try {
      chain.doFilter(reading, buffered);
    } finally {
      CURRENT.remove();
    }
    if (slot[0] == null && buffered.getStatus() >= 400 && buffered.getStatus() != 401 && buffered.getStatus() != 403) {
      slot[0] = unconvertible(buffered.getContentAsByteArray(), reading.getContentAsByteArray());
    }
    if (slot[0] != null && buffered.getStatus() >= 400 && !response.isCommitted()) {
      buffered.resetBuffer();
      response.setStatus(slot[0] instanceof TrustBoundary.TaskAlreadyDone ? HttpServletResponse.SC_CONFLICT
          : HttpServletResponse.SC_BAD_REQUEST);
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
