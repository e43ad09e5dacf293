package cn.henan.skills.identity;

import java.util.List;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import java.util.Map;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Who a verified token of the realm names: the user id is {@code preferred_username} (the plugin's
 * {@code useUsernameAsCamundaUserId}), the groups are the {@code groups} claim (the realm's group-membership mapper,
 * plain names as the plugin's {@code useGroupPathAsCamundaGroupId} gives them to Camunda).
 */
final class KeycloakTokens {
  static final String USER_CLAIM = "preferred_username";
  static final String GROUPS_CLAIM = "groups";

  private KeycloakTokens() {
  }

  /** The caller of this request, as Spring Security verified it (a bearer token or the OIDC sign-in). */
  /** Camunda's authentication of the person Spring Security verified (bearer token or OIDC sign-in), or none. */
  static AuthenticationResult camundaAuthentication() {
    Optional<Viewer> viewer = current();
    if (viewer.isEmpty()) {
      return AuthenticationResult.unsuccessful();
    }
    AuthenticationResult result = AuthenticationResult.successful(viewer.get().userId());
    result.setGroups(viewer.get().groups());
    return result;
  }

  static Optional<Viewer> current() {
    return viewer(SecurityContextHolder.getContext().getAuthentication());
  }

  static Optional<Viewer> viewer(Authentication authentication) {
    if (authentication == null || !authentication.isAuthenticated()) {
      return Optional.empty();
    }
    Map<String, Object> claims;
    if (authentication instanceof JwtAuthenticationToken jwt) {
      claims = jwt.getToken().getClaims();
    } else if (authentication.getPrincipal() instanceof OidcUser oidc) {
      claims = oidc.getClaims();
    } else {
      return Optional.empty();
    }
    Object user = claims.get(USER_CLAIM);
    if (!(user instanceof String id) || id.isBlank()) {
      return Optional.empty();
    }
    Object groups = claims.get(GROUPS_CLAIM);
    List<String> groupIds = groups instanceof List<?> list
        ? list.stream().map(String::valueOf).map(g -> g.startsWith("/") ? g.substring(1) : g).toList()
        : List.of();
    return Optional.of(new Viewer(id, groupIds));
  }
}
