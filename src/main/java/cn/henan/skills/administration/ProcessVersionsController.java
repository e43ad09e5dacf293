package cn.henan.skills.administration;

import cn.henan.skills.identity.People;
import cn.henan.skills.identity.ProvinceGroups;
import cn.henan.skills.identity.Viewer;
import java.util.List;
import org.camunda.bpm.engine.authorization.Groups;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * For process administrators (page {@code /process-versions.html}): {@code GET /api/admin/process-versions} lists the
 * models, their versions and the instances running on each; {@code POST
 * /api/admin/process-versions/monthly-report/migrate} moves the running instances of older versions to the latest and
 * answers which moved and which could not, and why. Camunda's own migration REST ({@code /engine-rest/migration/…})
 * serves the same administrators.
 */
@RestController
@RequestMapping("/api/admin/process-versions")
class ProcessVersionsController {
  private final ProcessVersions versions;
  private final People people;

  ProcessVersionsController(ProcessVersions versions, People people) {
    this.versions = versions;
    this.people = people;
  }

  @GetMapping
  List<ProcessVersions.Model> models() {
    requireProcessAdministrator();
    return versions.models();
  }

  @PostMapping("/{key}/migrate")
  ProcessVersions.Migration migrate(@PathVariable String key) {
    requireProcessAdministrator();
    if (versions.model(key).isEmpty()) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND, "没有流程“" + key + "”。");
    }
    return versions.migrateToLatest(key);
  }

  private void requireProcessAdministrator() {
    Viewer viewer = people.signedIn();
    if (!viewer.groups().contains(ProvinceGroups.PROCESS_ADMIN) && !viewer.groups().contains(Groups.CAMUNDA_ADMIN)) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN, "只有流程管理员（process-admin）可以查看和迁移流程版本。");
    }
  }
}
