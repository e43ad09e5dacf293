package cn.henan.skills.review;

import cn.henan.skills.report.ReviewLane;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import cn.henan.skills.identity.People;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.springframework.stereotype.Component;

/**
 * Which review lane a task is, read from the form Tasklist shows for it: a review task is one whose deployed Camunda
 * Form offers a lane's decision with the value {@code accept}. So the batch completes exactly what the form lets its
 * reviewer choose, and a changed model (other task ids, other forms) needs no change here.
 */
@Component
class ReviewForms {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final FormService formService;
  private final People people;

  ReviewForms(FormService formService, People people) {
    this.formService = formService;
    this.people = people;
  }

  /** The lane of the task's form; empty for any other task (filling, signing, an embedded HTML form). */
  Optional<ReviewLane> laneOf(String taskId) {
    // which fields a form has is no secret (the trust boundary reads it the same way); the task was found as the user
    JsonNode form = people.asApplication(() -> {
      try (InputStream in = formService.getDeployedTaskForm(taskId)) {
        return JSON.readTree(in);
      } catch (IOException | ProcessEngineException e) {
        return null; // no deployed form, or not a Camunda Form: not a review
      }
    });
    if (form == null) {
      return Optional.empty();
    }
    for (ReviewLane lane : ReviewLane.values()) {
      if (offersAcceptance(form, lane.decisionVariable())) {
        return Optional.of(lane);
      }
    }
    return Optional.empty();
  }

  private static boolean offersAcceptance(JsonNode node, String decision) {
    if (decision.equals(node.path("key").asText(null))) {
      for (JsonNode value : node.path("values")) {
        if (ReviewLane.ACCEPT.equals(value.path("value").asText(null))) {
          return true;
        }
      }
    }
    for (JsonNode component : node.path("components")) {
      if (offersAcceptance(component, decision)) {
        return true;
      }
    }
    return false;
  }
}
