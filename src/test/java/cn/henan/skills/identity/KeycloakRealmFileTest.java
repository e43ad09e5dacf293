package cn.henan.skills.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/** The realm file in keycloak/ is what {@link KeycloakRealmFile} makes of the unit registry and the seeded groups. */
class KeycloakRealmFileTest {

  @Test
  void checkedInRealmIsGenerated() throws Exception {
    String generated = KeycloakRealmFile.generate();
    if (Boolean.getBoolean("keycloak.realm.write")) {
      Files.writeString(KeycloakRealmFile.FILE, generated, StandardCharsets.UTF_8);
    }
    assertThat(KeycloakRealmFile.units()).hasSize(171);
    assertThat(Files.readString(KeycloakRealmFile.FILE, StandardCharsets.UTF_8))
        .as("keycloak/skills-henan-realm.json is out of date: run mvn -B -ntp test -Dtest=KeycloakRealmFileTest "
            + "-Dkeycloak.realm.write=true and commit it")
        .isEqualTo(generated);
    assertThat(generated).contains("\"u171-leader\"", "\"province-edu\"", "\"camunda-admin\"");
  }
}
