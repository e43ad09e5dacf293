package cn.henan.skills.identity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A password change ({@code PUT …/user/{id}/credentials} over {@code /engine-rest} or the webapps' engine API, as
 * Tasklist's profile page sends it) whose new password breaks Camunda's password policy is refused with 400 and one
 * Chinese sentence; Camunda itself would answer 500 with the name of its exception. Nothing else changes: a
 * compliant password goes on to Camunda, which checks the current password and the user's rights.
 */
class PasswordPolicyFilter extends OncePerRequestFilter {
  static final String MESSAGE = "新密码不符合密码规则：至少 10 个字符，须含大写字母、小写字母、数字和特殊字符，且不得包含用户名、姓名或电子邮箱。";
  private static final String BODY = "{\"type\":\"InvalidRequest\",\"message\":\"" + MESSAGE + "\"}";
  private static final Pattern CREDENTIALS = Pattern.compile(
      "^(?:/engine-rest(?:/engine/[^/]+)?|/camunda/api/engine/engine/[^/]+)/user/([^/]+)/credentials/?$");

  private final ProcessEngine engine;
  private final ObjectMapper json = new ObjectMapper();

  PasswordPolicyFilter(ProcessEngine engine) {
    this.engine = engine;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Matcher credentials = CREDENTIALS.matcher(request.getRequestURI().substring(request.getContextPath().length()));
    if (!"PUT".equals(request.getMethod()) || !credentials.matches() || !policyOn()) {
      chain.doFilter(request, response);
      return;
    }
    byte[] body = request.getInputStream().readAllBytes();
    String password = null;
    try {
      JsonNode node = json.readTree(body);
      password = node != null && node.hasNonNull("password") ? node.get("password").asText() : null;
    } catch (IOException unreadable) {
      // Camunda answers a body it cannot read itself
    }
    if (password != null && !compliant(password, credentials.group(1))) {
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      response.setContentType("application/json;charset=UTF-8");
      response.getOutputStream().write(BODY.getBytes(StandardCharsets.UTF_8));
      return;
    }
    chain.doFilter(new BufferedBody(request, body), response);
  }

  private boolean policyOn() {
    return ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).isEnablePasswordPolicy();
  }

  /** The policy's verdict, with the user's own data (id, names, e-mail) as the policy's user-data rule wants. */
  private boolean compliant(String password, String userId) {
    IdentityService identity = engine.getIdentityService();
    User user = identity.createUserQuery().userId(userId).singleResult();
    return (user == null ? identity.checkPasswordAgainstPolicy(password)
        : identity.checkPasswordAgainstPolicy(password, user)).isValid();
  }

  /** The request with its body, already read, readable again. */
  private static final class BufferedBody extends HttpServletRequestWrapper {
    private final byte[] body;

    BufferedBody(HttpServletRequest request, byte[] body) {
      super(request);
      this.body = body;
    }

    @Override
    public ServletInputStream getInputStream() {
      ByteArrayInputStream in = new ByteArrayInputStream(body);
      return new ServletInputStream() {
        @Override
        public boolean isFinished() {
          return in.available() == 0;
        }

        @Override
        public boolean isReady() {
          return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
          throw new UnsupportedOperationException();
        }

        @Override
        public int read() {
          return in.read();
        }

        @Override
        public int read(byte[] b, int off, int len) {
          return in.read(b, off, len);
        }
      };
    }

    @Override
    public BufferedReader getReader() {
      return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
    }

    @Override
    public int getContentLength() {
      return body.length;
    }

    @Override
    public long getContentLengthLong() {
      return body.length;
    }
  }
}
