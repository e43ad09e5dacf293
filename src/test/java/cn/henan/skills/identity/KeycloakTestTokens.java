package cn.henan.skills.identity;

/** Realm tokens for tests in other packages (benchmarks). */
public final class KeycloakTestTokens {
  private KeycloakTestTokens() {
  }

  public static String userToken(String user, String password) {
    return RealmTokens.userToken(user, password);
  }
}
