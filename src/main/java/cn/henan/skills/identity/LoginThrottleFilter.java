package cn.henan.skills.identity;

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
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.SequenceInputStream;
import java.net.URLDecoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * In front of every way to sign in — HTTP Basic on {@code /engine-rest} and {@code /api}, the webapps' login form
 * ({@code POST /camunda/api/admin/auth/user/{engine}/login/{app}}) — it holds back a client address that failed too
 * often ({@link LoginThrottle}): 429 with a Chinese sentence and {@code Retry-After}, without asking the engine. It
 * knows nothing of passwords: a sign-in failed when the answer after the chain is 401, unless HTTP Basic told it
 * earlier ({@link #passwordChecked}: then a correct sign-in stops counting as in flight once its password is checked,
 * not when the request's work ends, so that many clients behind one address are not held back while their requests
 * run). Each failure is logged at WARN
 * with the user id and the address, never the password. The address is the request's remote address (behind a
 * reverse proxy, configure Tomcat's RemoteIpValve; X-Forwarded-For is not trusted here). Camunda's
 * {@code POST …/identity/verify}, which lets anyone signed in check any user's password past this throttle, is refused.
 */
class LoginThrottleFilter extends OncePerRequestFilter {
  private static final Logger log = LoggerFactory.getLogger(LoginThrottleFilter.class);
  private static final Pattern WEBAPP_LOGIN = Pattern.compile("/camunda/api/admin/auth/user/[^/]+/login/[^/]+/?");
  /** Camunda's REST checks any user's password for anyone signed in; nothing here needs it. */
  private static final Pattern VERIFY = Pattern.compile(
      "(/engine-rest(/engine/[^/]+)?|/camunda/api/engine/engine/[^/]+)/identity/verify/?");
  /** A login form is a few dozen bytes; the user name is looked for in this much of it. */
  private static final int FORM_PREFIX = 8 * 1024;

  /** The sign-in the current request began, until its outcome is known. */
  private static final ThreadLocal<SignIn> CURRENT = new ThreadLocal<>();

  private final LoginThrottle throttle;
  private final Function<HttpServletRequest, String> address;

  /** A sign-in under way: who from where, and whether its outcome has been counted. */
  private final class SignIn {
    final String from;
    final String user;
    /** Null until counted; then whether the password was correct. */
    Boolean correct;

    SignIn(String from, String user) {
      this.from = from;
      this.user = user;
    }

    void count(boolean correctPassword) {
      if (correct == null) {
        correct = correctPassword;
        if (correctPassword) {
          throttle.succeeded(from, user);
        } else {
          throttle.failed(from, user);
        }
      }
    }

    /** Neither failed nor succeeded (refused for another reason): no longer in flight. */
    void end() {
      if (correct == null) {
        correct = false; // the request ends here: nothing reads it again
        throttle.ended(from, user);
      }
    }
  }


  /**
   * The password of the current request's sign-in has been checked ({@link ThrottledBasicAuthentication}): counted
   * now, so that a correct one no longer holds a place among the address's sign-ins in flight.
   */
  static void passwordChecked(boolean correct) {
    SignIn signIn = CURRENT.get();
    if (signIn != null) {
      signIn.count(correct);
    }
  }

  LoginThrottleFilter(LoginThrottle throttle) {
    this(throttle, HttpServletRequest::getRemoteAddr);
  }

  LoginThrottleFilter(LoginThrottle throttle, Function<HttpServletRequest, String> address) {
    this.throttle = throttle;
    this.address = address;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (VERIFY.matcher(path(request)).matches()) {
      response.setStatus(HttpServletResponse.SC_FORBIDDEN);
      response.setContentType("application/json;charset=UTF-8");
      response.getWriter().write("{\"type\":\"Refusal\",\"message\":\"不能通过此接口核对他人的密码，请在登录页登录。\"}");
      return;
    }
    HttpServletRequest forward = request;
    Optional<String> user = basicUser(request);
    if (user.isEmpty() && "POST".equals(request.getMethod()) && isWebappLogin(request)) {
      ReplayedBody body = new ReplayedBody(request);
      forward = body;
      user = Optional.of(body.formField("username"));
    }
    if (user.isEmpty()) {
      chain.doFilter(request, response);
      return;
    }
    String from = address.apply(request);
    long retryAfter = throttle.begin(from, user.get());
    if (retryAfter > 0) {
      refuse(response, retryAfter);
      return;
    }
    SignIn signIn = new SignIn(from, user.get());
    CURRENT.set(signIn);
    int status = HttpServletResponse.SC_INTERNAL_SERVER_ERROR;
    try {
      chain.doFilter(forward, response);
      status = response.getStatus();
    } finally {
      CURRENT.remove();
      if (status == HttpServletResponse.SC_UNAUTHORIZED && !Boolean.TRUE.equals(signIn.correct)) {
        signIn.count(false);
        boolean heldBack = throttle.retryAfterSeconds(from, user.get()) > 0;
        log.warn("Failed sign-in of user '{}' from {} ({} {}){}", printable(user.get()), from, request.getMethod(),
            request.getRequestURI(), heldBack ? "; this address is held back for a while" : "");
      } else if (status < 400) {
        signIn.count(true);
      } else {
        signIn.end();
      }
    }
  }

  private static boolean isWebappLogin(HttpServletRequest request) {
    return WEBAPP_LOGIN.matcher(path(request)).matches();
  }

  private static String path(HttpServletRequest request) {
    return request.getRequestURI().substring(request.getContextPath().length());
  }

  private static void refuse(HttpServletResponse response, long retryAfter) throws IOException {
    response.setStatus(429);
    response.setHeader("Retry-After", Long.toString(retryAfter));
    response.setContentType("application/json;charset=UTF-8");
    response.getWriter().write("{\"type\":\"TooManyFailedSignIns\",\"message\":\"登录失败次数过多，请 " + retryAfter
        + " 秒后再试。\"}");
  }

  /** The user of an HTTP Basic header (as Camunda's HttpBasicAuthenticationProvider reads it), if there is one. */
  private static Optional<String> basicUser(HttpServletRequest request) {
    String header = request.getHeader("Authorization");
    if (header == null || !header.startsWith("Basic ")) {
      return Optional.empty();
    }
    String credentials;
    try {
      credentials = new String(Base64.getMimeDecoder().decode(header.substring(6).trim()), Charset.defaultCharset());
    } catch (IllegalArgumentException e) {
      return Optional.of("");
    }
    int colon = credentials.indexOf(':');
    return Optional.of(colon < 0 ? "" : credentials.substring(0, colon));
  }

  /** A user id as it goes into the log: no line breaks or other control characters, at most 64 characters. */
  static String printable(String user) {
    String clean = user.replaceAll("\\p{Cntrl}", "?");
    return clean.length() > 64 ? clean.substring(0, 64) + "…" : clean;
  }

  /** The request with its body read ahead (up to {@link #FORM_PREFIX}) and handed on unchanged. */
  private static final class ReplayedBody extends HttpServletRequestWrapper {
    private final byte[] prefix;
    private final InputStream replay;

    ReplayedBody(HttpServletRequest request) throws IOException {
      super(request);
      InputStream original = request.getInputStream();
      this.prefix = original.readNBytes(FORM_PREFIX);
      this.replay = new SequenceInputStream(new ByteArrayInputStream(prefix), original);
    }

    String formField(String name) {
      String form = new String(prefix, StandardCharsets.ISO_8859_1);
      for (String pair : form.split("&")) {
        int equals = pair.indexOf('=');
        if (equals > 0 && pair.substring(0, equals).equals(name)) {
          try {
            return URLDecoder.decode(pair.substring(equals + 1), charset());
          } catch (IllegalArgumentException e) {
            return "";
          }
        }
      }
      return "";
    }

    private Charset charset() {
      try {
        return getCharacterEncoding() == null ? StandardCharsets.UTF_8 : Charset.forName(getCharacterEncoding());
      } catch (IllegalArgumentException e) {
        return StandardCharsets.UTF_8;
      }
    }

    @Override
    public ServletInputStream getInputStream() {
      return new ServletInputStream() {
        private boolean finished;

        @Override
        public int read() throws IOException {
          int b = replay.read();
          finished = b < 0;
          return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
          int n = replay.read(buffer, offset, length);
          finished = n < 0;
          return n;
        }

        @Override
        public boolean isFinished() {
          return finished;
        }

        @Override
        public boolean isReady() {
          return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
          throw new UnsupportedOperationException("the login form is read synchronously");
        }
      };
    }

    @Override
    public BufferedReader getReader() {
      return new BufferedReader(new InputStreamReader(replay, charset()));
    }
  }
}
