package cn.henan.skills.boundary;

import cn.henan.skills.platform.BodyLimit;
import cn.henan.skills.platform.DatabaseOutage;
import cn.henan.skills.platform.Refusal;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
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
 * {@code /engine-rest} and Tasklist's own engine REST alike (a task done meanwhile: 409). While the database cannot be
 * reached, any request — a read too, and the sign-in that fails first — answers 503 with one sentence instead of
 * Spring's or Camunda's English 500. Reads are not buffered.
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
    if (DatabaseOutage.causes(failure)) {
      slot[0] = new DatabaseUnavailable();
    }
  }

  /** The database cannot be reached: 503, and nothing was written (the transaction never committed). */
  static final class DatabaseUnavailable extends Refusal {
    DatabaseUnavailable() {
      super(DatabaseOutage.MESSAGE, HttpServletResponse.SC_SERVICE_UNAVAILABLE);
    }
  }

  private static void answer(HttpServletResponse response, Refusal answer) throws IOException {
    response.resetBuffer();
    response.setStatus(answer.httpStatus());
    response.setContentType("application/json;charset=UTF-8");
    byte[] body = JSON.writeValueAsBytes(Map.of("type", answer instanceof DatabaseUnavailable
        ? "ServiceUnavailable" : "Refusal", "message", answer.getMessage()));
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
    response.flushBuffer();
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
      // Jersey's own mappers answer in plain text
      message = new String(answer, 0, Math.min(answer.length, 2000), StandardCharsets.UTF_8);
    }
    if (message.isBlank()) {
      // Jersey and Camunda answer some bodies they cannot parse at all with a bare 400 or an empty message
      return new Refusal(unparseable(sent) ? BAD_JSON_SENTENCE
          : "未作任何更改：提交的内容结构不对（应为各项的名称和值），请按表单填写。");
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

  private static boolean unparseable(byte[] sent) {
    try {
      JSON.readTree(sent);
      return false;
    } catch (IOException | RuntimeException e) {
      return true;
    }
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Refusal[] slot = new Refusal[1];
    CURRENT.set(slot);
    try {
      if (READING.contains(request.getMethod())) {
        read(request, response, chain, slot);
      } else {
        change(request, response, chain, slot);
      }
    } finally {
      CURRENT.remove();
    }
  }

  /** A read is not buffered: once an answer is known, what the chain still writes is dropped instead. */
  private static void read(HttpServletRequest request, HttpServletResponse response, FilterChain chain,
      Refusal[] slot) throws ServletException, IOException {
    try {
      chain.doFilter(request, new Silenced(response, slot));
    } catch (ServletException | IOException | RuntimeException failure) {
      remember(failure);
      if (slot[0] == null) {
        throw failure;
      }
    }
    if (slot[0] != null && !response.isCommitted()) {
      answer(response, slot[0]);
    }
  }

  private static void change(HttpServletRequest request, HttpServletResponse response, FilterChain chain,
      Refusal[] slot) throws ServletException, IOException {
    ContentCachingRequestWrapper reading = new ContentCachingRequestWrapper(request, INSPECTED_BODY);
    ContentCachingResponseWrapper buffered = new ContentCachingResponseWrapper(response);
    ErrorKept kept = new ErrorKept(buffered);
    boolean failed = false;
    try {
      chain.doFilter(reading, kept);
    } catch (ServletException | IOException | RuntimeException failure) {
      remember(failure);
      if (slot[0] == null && BodyLimit.exceeded(request)) {
        slot[0] = BodyLimit.tooLarge(-1);
      }
      if (slot[0] == null) {
        throw failure;
      }
      failed = true;
    }
    int status = kept.error > 0 ? kept.error : buffered.getStatus();
    if (slot[0] == null && status >= 400 && BodyLimit.exceeded(request)) {
      slot[0] = BodyLimit.tooLarge(-1);
    }
    if (slot[0] == null && status >= 400 && status != 401 && status != 403) {
      slot[0] = unconvertible(buffered.getContentAsByteArray(), reading.getContentAsByteArray());
    }
    if (slot[0] != null && (failed || status >= 400) && !response.isCommitted()) {
      buffered.resetBuffer();
      answer(response, slot[0]);
      return;
    }
    if (kept.error > 0) {
      buffered.resetBuffer();
      response.sendError(kept.error, kept.errorMessage);
      return;
    }
    buffered.copyBodyToResponse();
  }

  /**
   * Keeps an error status sent with {@code sendError} instead of committing it at once (which a buffered response
   * would do), so that a bare error can still be answered with a sentence; passed on unchanged otherwise.
   */
  private static final class ErrorKept extends HttpServletResponseWrapper {
    int error;
    String errorMessage;

    ErrorKept(HttpServletResponse response) {
      super(response);
    }

    @Override
    public void sendError(int status) {
      error = status;
    }

    @Override
    public void sendError(int status, String message) {
      error = status;
      errorMessage = message;
    }
  }

  /** The response of a read, which stops passing anything on once the request has its answer. */
  private static final class Silenced extends HttpServletResponseWrapper {
    private final Refusal[] slot;

    Silenced(HttpServletResponse response, Refusal[] slot) {
      super(response);
      this.slot = slot;
    }

    private boolean answered() {
      return slot[0] != null;
    }

    @Override
    public void setStatus(int status) {
      if (!answered()) {
        super.setStatus(status);
      }
    }

    @Override
    public void sendError(int status) throws IOException {
      if (!answered()) {
        super.sendError(status);
      }
    }

    @Override
    public void sendError(int status, String message) throws IOException {
      if (!answered()) {
        super.sendError(status, message);
      }
    }

    @Override
    public void setHeader(String name, String value) {
      if (!answered()) {
        super.setHeader(name, value);
      }
    }

    @Override
    public void addHeader(String name, String value) {
      if (!answered()) {
        super.addHeader(name, value);
      }
    }

    @Override
    public void setContentType(String type) {
      if (!answered()) {
        super.setContentType(type);
      }
    }

    @Override
    public void setContentLength(int length) {
      if (!answered()) {
        super.setContentLength(length);
      }
    }

    @Override
    public void setContentLengthLong(long length) {
      if (!answered()) {
        super.setContentLengthLong(length);
      }
    }

    @Override
    public void flushBuffer() throws IOException {
      if (!answered()) {
        super.flushBuffer();
      }
    }

    @Override
    public ServletOutputStream getOutputStream() throws IOException {
      return answered() ? DISCARDED : super.getOutputStream();
    }

    @Override
    public PrintWriter getWriter() throws IOException {
      return answered() ? new PrintWriter(OutputStream.nullOutputStream()) : super.getWriter();
    }
  }

  private static final ServletOutputStream DISCARDED = new ServletOutputStream() {
    @Override
    public boolean isReady() {
      return true;
    }

    @Override
    public void setWriteListener(WriteListener listener) {
      // nothing is written
    }

    @Override
    public void write(int b) {
      // dropped: the request already has its answer
    }
  };
}
