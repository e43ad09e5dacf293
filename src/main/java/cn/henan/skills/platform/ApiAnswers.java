package cn.henan.skills.platform;

import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * How the app's own REST ({@code /api}) answers what its controllers do not: every refusal 4xx with one Chinese
 * sentence, a real fault 500 with an error id (logged with its stack) and no Java class names. The body is
 * {@code {"status": …, "message": "…"}} (plus {@code "errorId"} for a fault).
 */
@RestControllerAdvice
class ApiAnswers {
  private static final Logger LOG = LoggerFactory.getLogger(ApiAnswers.class);

  @ExceptionHandler(ResponseStatusException.class)
  ResponseEntity<Map<String, Object>> stated(ResponseStatusException e, HttpServletRequest request) {
    if (e.getStatusCode().is5xxServerError()) {
      return fault(e, request);
    }
    String reason = e.getReason();
    return answer(e.getStatusCode(), reason == null || reason.isBlank() ? standard(e.getStatusCode()) : reason);
  }

  @ExceptionHandler(Refusal.class)
  ResponseEntity<Map<String, Object>> refused(Refusal e) {
    ResponseEntity<Map<String, Object>> answer = answer(HttpStatusCode.valueOf(e.httpStatus()), e.getMessage());
    if (e instanceof RateLimit.Exceeded exceeded) {
      return ResponseEntity.status(answer.getStatusCode()).contentType(MediaType.APPLICATION_JSON)
          .header("Retry-After", Long.toString(exceeded.retryAfterSeconds())).body(answer.getBody());
    }
    return answer;
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ResponseEntity<Map<String, Object>> mismatch(MethodArgumentTypeMismatchException e) {
    return answer(HttpStatus.BAD_REQUEST, "请求中的“" + e.getName() + "”格式不对。");
  }

  @ExceptionHandler(MissingServletRequestParameterException.class)
  ResponseEntity<Map<String, Object>> missing(MissingServletRequestParameterException e) {
    return answer(HttpStatus.BAD_REQUEST, "请求缺少参数“" + e.getParameterName() + "”。");
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ResponseEntity<Map<String, Object>> unreadable(HttpMessageNotReadableException e) {
    return answer(HttpStatus.BAD_REQUEST, "请求内容无法读取：请提交有效的内容（JSON 格式或文件）。");
  }

  @ExceptionHandler(MaxUploadSizeExceededException.class)
  ResponseEntity<Map<String, Object>> tooLarge(MaxUploadSizeExceededException e) {
    return answer(HttpStatus.PAYLOAD_TOO_LARGE, BodyLimit.tooLarge(-1).getMessage());
  }

  @ExceptionHandler(MultipartException.class)
  ResponseEntity<Map<String, Object>> multipart(MultipartException e) {
    return answer(HttpStatus.BAD_REQUEST, "上传的文件无法读取，请重新选择文件上传。");
  }

  @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
  ResponseEntity<Map<String, Object>> method(HttpRequestMethodNotSupportedException e) {
    return answer(HttpStatus.METHOD_NOT_ALLOWED, "这个地址不接受 " + e.getMethod() + " 请求。");
  }

  @ExceptionHandler(HttpMediaTypeException.class)
  ResponseEntity<Map<String, Object>> mediaType(HttpMediaTypeException e) {
    return answer(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "请求内容的类型不对。");
  }

  @ExceptionHandler(NoResourceFoundException.class)
  ResponseEntity<Map<String, Object>> notFound(NoResourceFoundException e) {
    return answer(HttpStatus.NOT_FOUND, "没有这个地址。");
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<Map<String, Object>> fault(Exception e, HttpServletRequest request) {
    if (DatabaseOutage.causes(e)) {
      LOG.warn("database unavailable on {} {}: {}", request.getMethod(), request.getRequestURI(), e.toString());
      return answer(HttpStatus.SERVICE_UNAVAILABLE, DatabaseOutage.MESSAGE);
    }
    String errorId = UUID.randomUUID().toString().substring(0, 8);
    LOG.error("error {} on {} {}", errorId, request.getMethod(), request.getRequestURI(), e);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("status", 500);
    body.put("message", "系统出错了，请稍后再试；如果仍然出错，请把错误编号 " + errorId + " 告诉管理员。");
    body.put("errorId", errorId);
    return ResponseEntity.status(500).contentType(MediaType.APPLICATION_JSON).body(body);
  }

  private static ResponseEntity<Map<String, Object>> answer(HttpStatusCode status, String message) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("status", status.value());
    body.put("message", message);
    return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(body);
  }

  private static String standard(HttpStatusCode status) {
    return switch (status.value()) {
      case 401 -> "请先登录。";
      case 403 -> "没有权限执行这项操作。";
      case 404 -> "要找的内容不存在。";
      case 409 -> "这项操作与当前状态冲突，请刷新后再试。";
      default -> "请求无法处理，请检查后再试。";
    };
  }
}
