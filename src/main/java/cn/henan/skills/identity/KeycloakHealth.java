package cn.henan.skills.identity;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Whether the realm answers (its OpenID configuration), asked at most every 5 seconds. The app starts without
 * Keycloak; it then says so in its log and to every browser that would be sent to sign in, and lets no one in.
 */
@Component
@Profile("keycloak")
class KeycloakHealth {
  private static final Logger log = LoggerFactory.getLogger(KeycloakHealth.class);
  static final String UNAVAILABLE = "统一身份认证服务（Keycloak）暂时无法访问，目前任何人都无法登录。请稍后再试，或联系系统管理员。";

  private final KeycloakProperties keycloak;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private volatile long checkedAt;
  private volatile boolean available;

  KeycloakHealth(KeycloakProperties keycloak) {
    this.keycloak = keycloak;
  }

  boolean available() {
    long now = System.nanoTime();
    if (checkedAt == 0 || now - checkedAt > 5_000_000_000L) {
      available = ask();
      checkedAt = now;
    }
    return available;
  }

  private boolean ask() {
    try {
      HttpResponse<Void> answer = http.send(
          HttpRequest.newBuilder(URI.create(keycloak.issuer() + "/.well-known/openid-configuration"))
              .timeout(Duration.ofSeconds(3)).GET().build(), HttpResponse.BodyHandlers.discarding());
      return answer.statusCode() == 200;
    } catch (java.io.IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  @EventListener(ApplicationReadyEvent.class)
  void report() {
    if (available()) {
      log.info("Identity: Keycloak realm {} reachable", keycloak.issuer());
    } else {
      log.error("Identity unavailable: Keycloak realm {} does not answer. Nobody can sign in until it does "
          + "(webapps answer 503, bearer tokens cannot be checked). {}", keycloak.issuer(), UNAVAILABLE);
    }
  }
}
