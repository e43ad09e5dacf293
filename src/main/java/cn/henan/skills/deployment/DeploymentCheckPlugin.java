package cn.henan.skills.deployment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Runs the {@link DeploymentCheck} for every new deployment, whatever the way in — the application's own deployment
 * at start, {@code /engine-rest/deployment/create} from Camunda Modeler, a REST redeploy, the Java API: as the engine's first
 * deployer, inside the deployment's transaction and before the engine parses anything. A refused deployment throws
 * {@link DeploymentRefused}, the transaction rolls back and nothing of it is deployed. Deployments the engine only
 * loads back into its cache (not new) are not checked again.
 */
@Component
class DeploymentCheckPlugin extends AbstractProcessEnginePlugin {
  private static final Logger log = LoggerFactory.getLogger(DeploymentCheckPlugin.class);

  private final DeploymentCheck check;

  DeploymentCheckPlugin(DeploymentCheck check) {
    this.check = check;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<Deployer> deployers = configuration.getCustomPreDeployers() == null ? new ArrayList<>()
        : new ArrayList<>(configuration.getCustomPreDeployers());
    deployers.add(0, new CheckingDeployer());
    configuration.setCustomPreDeployers(deployers);
  }

  private final class CheckingDeployer implements Deployer {
    @Override
    public void deploy(DeploymentEntity deployment) {
      if (!deployment.isNew()) {
        return;
      }
      long started = System.nanoTime();
      Map<String, byte[]> resources = new LinkedHashMap<>();
      for (ResourceEntity resource : deployment.getResources().values()) {
        resources.put(resource.getName(), resource.getBytes());
      }
      List<DeploymentProblem> problems = check.problems(resources, EngineModels.of(Context.getCommandContext()));
      long millis = (System.nanoTime() - started) / 1_000_000;
      if (!problems.isEmpty()) {
        DeploymentRefused refused = new DeploymentRefused(problems);
        log.warn("Deployment '{}' refused after checking {} resources in {} ms:\n{}", deployment.getName(),
            resources.size(), millis, refused.getMessage());
        throw refused;
      }
      log.info("Deployment '{}': {} resources checked in {} ms", deployment.getName(), resources.size(), millis);
    }
  }
}
