package cn.henan.skills.platform;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Deploys the models of {@code bpmn/} and the forms of {@code forms/} (put on the classpath by the build) as one
 * deployment, each under its plain file name. Plain names are what Camunda Modeler uses when an administrator deploys
 * a model with its forms attached, so {@code embedded:deployment:xyz.html} resolves in both kinds of deployment.
 * Unchanged resources are not redeployed; a change to any of them deploys the set anew.
 */
@Component
class ProcessModelDeployer {
  static final String DEPLOYMENT_NAME = "skills-henan";
  private static final Logger log = LoggerFactory.getLogger(ProcessModelDeployer.class);
  private static final String[] PATTERNS = {"classpath*:bpmn/*.bpmn", "classpath*:bpmn/*.dmn",
      "classpath*:forms/*.form", "classpath*:forms/*.html"};

  private final RepositoryService repositoryService;

  ProcessModelDeployer(RepositoryService repositoryService) {
    this.repositoryService = repositoryService;
  }

  // before the web server and the job executor start (StartupSteps)
  @EventListener(StartupSteps.BeforeServing.class)
  @Order(0)
  public void deploy() throws IOException {
    PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
    List<Resource> resources = new ArrayList<>();
    for (String pattern : PATTERNS) {
      resources.addAll(List.of(resolver.getResources(pattern)));
    }
    resources.sort(Comparator.comparing(Resource::getFilename));
    DeploymentBuilder deployment = repositoryService.createDeployment()
        .name(DEPLOYMENT_NAME)
        .source("skills-henan application")
        .enableDuplicateFiltering(false);
    for (Resource resource : resources) {
      try (InputStream in = resource.getInputStream()) {
        deployment.addInputStream(resource.getFilename(), in);
      }
    }
    Deployment deployed = deployment.deploy();
    log.info("Deployed {} models and forms (deployment {})", resources.size(), deployed.getId());
  }
}
