package cn.henan.skills.identity;

/** The identity provider (Keycloak, profile {@code keycloak}) cannot be reached or refused the app's request. */
public class IdentityUnavailableException extends RuntimeException {
  public IdentityUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
