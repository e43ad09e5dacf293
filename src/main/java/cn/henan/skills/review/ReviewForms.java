package cn.henan.skills.review;

import cn.henan.skills.boundary.ChoiceField;
import cn.henan.skills.boundary.FormFields;
import cn.henan.skills.identity.People;
import cn.henan.skills.report.ReviewLane;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Optional;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.springframework.stereotype.Component;

/**
 * Which review lane a task is, read from the form Tasklist shows for it: a review task is one whose deployed Camunda
 * Form offers a lane's decision with the value {@code accept}, read with the trust boundary's own parser. So the batch completes exactly what the form lets its
 * reviewer choose, and a changed model (other task ids, other forms) needs no change here.
 */
@Component
class ReviewForms {
  private final FormService formService;
  private final People people;

  ReviewForms(FormService formService, People people) {
    this.formService = formService;
    this.people = people;
  }

  /** The lane of the task's form; empty for any other task (filling, signing, an embedded HTML form). */
  Optional<ReviewLane> laneOf(String taskId) {
    // which fields a form has is no secret (the trust boundary reads it the same way); the task was found as the user
    FormFields form = people.asApplication(() -> {
      try (InputStream in = formService.getDeployedTaskForm(taskId)) {
        return FormFields.parse(in.readAllBytes());
      } catch (IOException | ProcessEngineException | IllegalArgumentException e) {
        return null; // no deployed form, or not one that can be read: not a review
      }
    });
    if (form == null) {
      return Optional.empty();
    }
    return Arrays.stream(ReviewLane.values())
        .filter(lane -> form.writable().contains(lane.decisionVariable())
            && form.rules().get(lane.decisionVariable()) instanceof ChoiceField choice
            && choice.choices().containsKey(ReviewLane.ACCEPT))
        .findFirst();
  }
}
