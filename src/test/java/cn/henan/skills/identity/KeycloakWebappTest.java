package cn.henan.skills.identity;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * The application in the keycloak profile on the port the realm's webapp client accepts for tests
 * ({@link KeycloakRealmFile#TEST_PORT}), for the tests that sign in through Keycloak's pages; needs the Keycloak of
 * {@code keycloak/start.sh}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@KeycloakRequired
// one engine at a time: Camunda registers each as "default" in a static registry
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@ActiveProfiles("keycloak")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT, properties = {
    "server.port=" + KeycloakRealmFile.TEST_PORT,
    "skills-henan.database.data-directory=",
    "camunda.bpm.job-execution.enabled=false",
    "skills-henan.demo-clock.enabled=false"})
@interface KeycloakWebappTest {
}
