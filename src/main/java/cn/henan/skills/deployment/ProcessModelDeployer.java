package cn.henan.skills.deployment;

import cn.henan.skills.platform.StartupSteps;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.DeploymentWithDefinitions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;
import org.w3c.dom.Element;
import org.xml.sax.SAXException;

/**
 * Deploys the models and decisions of {@code bpmn/} and the forms of {@code forms/} (put on the classpath by the build),
 * each under its plain file name — what Camunda Modeler uses when an administrator deploys a model with its forms
 * attached, so {@code embedded:deployment:xyz.html} resolves in both kinds of deployment.
 *
 * <p>Only what changed since the application's last deployment becomes a new version; unchanged models keep theirs
 * across restarts. A model takes an embedded form ({@code embedded:deployment:…}) or a form bound to its deployment
 * from its own deployment, so such a form and its model always go together: a changed model brings its unchanged
 * form along, a changed form its model. Camunda Forms referenced with {@code formRefBinding="latest"} need neither:
 * a changed form alone becomes the latest version and every task opened from then on shows it (in running instances
 * too); a changed model alone keeps using the latest form. Every deployment passes the {@link DeploymentCheck}.
 */
@Component
public class ProcessModelDeployer {
  static final String DEPLOYMENT_NAME = "skills-henan";
  static final String SOURCE = "skills-henan application";
  private static final Logger log = LoggerFactory.getLogger(ProcessModelDeployer.class);
  private static final String[] PATTERNS = {"classpath*:bpmn/*.bpmn", "classpath*:bpmn/*.dmn",
      "classpath*:forms/*.form", "classpath*:forms/*.html"};

  private final ProcessEngine engine;

  ProcessModelDeployer(ProcessEngine engine) {
    this.engine = engine;
  }

  // before the web server and the job executor start (StartupSteps)
  @EventListener(StartupSteps.BeforeServing.class)
  @Order(0)
  public void deploy() throws IOException {
    Map<String, byte[]> shipped = new TreeMap<>();
    for (String pattern : PATTERNS) {
      for (Resource resource : new PathMatchingResourcePatternResolver().getResources(pattern)) {
        try (InputStream in = resource.getInputStream()) {
          shipped.put(resource.getFilename(), in.readAllBytes());
        }
      }
    }
    deployChanged(DEPLOYMENT_NAME, shipped);
  }

  /**
   * Deploys, as one deployment named {@code name}, the resources that differ from the latest of that name and the
   * companions they need; nothing when none changed. Returns the deployment, or null.
   */
  DeploymentWithDefinitions deployChanged(String name, Map<String, byte[]> resources) {
    Map<String, ResourceEntity> latest = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
        .getCommandExecutorTxRequired().execute(command -> command.getResourceManager()
            .findLatestResourcesByDeploymentName(name, resources.keySet(), SOURCE, null));
    Set<String> changed = new TreeSet<>();
    resources.forEach((file, content) -> {
      ResourceEntity deployed = latest.get(file);
      if (deployed == null || !Arrays.equals(deployed.getBytes(), content)) {
        changed.add(file);
      }
    });
    Set<String> deploying = withCompanions(resources, changed);
    if (deploying.isEmpty()) {
      log.info("Models and forms unchanged: {} files, nothing deployed", resources.size());
      return null;
    }
    RepositoryService repository = engine.getRepositoryService();
    // duplicate filtering (all of this set or nothing) under the engine's deployment lock: a second node starting at
    // the same time finds it deployed and deploys nothing
    DeploymentBuilder deployment = repository.createDeployment().name(name).source(SOURCE)
        .enableDuplicateFiltering(false);
    deploying.forEach(file -> deployment.addInputStream(file, new ByteArrayInputStream(resources.get(file))));
    DeploymentWithDefinitions deployed = deployment.deployWithResult();
    log.info("Deployed {} of {} models and forms as new versions: {} (changed: {}; deployment {})", deploying.size(),
        resources.size(), deploying, changed, deployed.getId());
    return deployed;
  }

  /**
   * The changed files with what must go with them: a BPMN model and the files it takes from its own deployment
   * (embedded forms, forms bound to the deployment), whichever of the two changed.
   */
  static Set<String> withCompanions(Map<String, byte[]> resources, Set<String> changed) {
    Map<String, String> formFiles = new TreeMap<>();
    resources.forEach((file, content) -> {
      if (file.endsWith(".form")) {
        FormCheck.Form form = FormCheck.read(file, content, new ArrayList<>());
        if (form != null && form.id() != null) {
          formFiles.put(form.id(), file);
        }
      }
    });
    Map<String, Set<String>> companions = new TreeMap<>();
    resources.forEach((file, content) -> {
      if (file.endsWith(".bpmn")) {
        companions.put(file, boundFiles(content, formFiles, resources.keySet()));
      }
    });
    Set<String> deploying = new TreeSet<>(changed);
    boolean grew;
    do {
      grew = false;
      for (Map.Entry<String, Set<String>> model : companions.entrySet()) {
        if (deploying.contains(model.getKey()) || model.getValue().stream().anyMatch(deploying::contains)) {
          grew |= deploying.add(model.getKey()) | deploying.addAll(model.getValue());
        }
      }
    } while (grew);
    return deploying;
  }

  private static Set<String> boundFiles(byte[] model, Map<String, String> formFiles, Set<String> files) {
    Set<String> bound = new TreeSet<>();
    try {
      for (Element element : Xml.all(Xml.parse(model).getDocumentElement(), "*", "*")) {
        String formKey = Xml.attribute(element, Xml.CAMUNDA, "formKey");
        String file = formKey == null ? null : BpmnCheck.deploymentFile(formKey);
        if (file != null && files.contains(file)) {
          bound.add(file);
        }
        String formRef = Xml.attribute(element, Xml.CAMUNDA, "formRef");
        if (formRef != null && "deployment".equals(Xml.attribute(element, Xml.CAMUNDA, "formRefBinding"))
            && formFiles.containsKey(formRef)) {
          bound.add(formFiles.get(formRef));
        }
      }
    } catch (SAXException | IOException e) {
      // a model that does not parse: the deployment check refuses it with the reason
    }
    return bound;
  }
}
