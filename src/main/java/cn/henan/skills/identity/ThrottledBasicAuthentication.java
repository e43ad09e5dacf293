package cn.henan.skills.identity;

import jakarta.servlet.http.HttpServletRequest;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;

/**
 * Camunda's HTTP Basic, telling the {@link LoginThrottleFilter} as soon as the password has been checked, so that a
 * correct sign-in stops counting as in flight before the request's work (a task's completion) begins.
 */
public class ThrottledBasicAuthentication extends HttpBasicAuthenticationProvider {
  @Override
  public AuthenticationResult extractAuthenticatedUser(HttpServletRequest request, ProcessEngine engine) {
    AuthenticationResult result = super.extractAuthenticatedUser(request, engine);
    LoginThrottleFilter.passwordChecked(result.isAuthenticated());
    return result;
  }
}
