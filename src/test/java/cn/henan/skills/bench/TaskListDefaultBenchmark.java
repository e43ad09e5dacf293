package cn.henan.skills.bench;

import cn.henan.skills.SkillsHenanTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;

/** Tasklist's task list in the default profile (Camunda's own identity, HTTP Basic): the baseline. */
@SkillsHenanTest
class TaskListDefaultBenchmark extends TaskListTimes {

  @Override
  HttpHeaders credentials(String user) {
    HttpHeaders headers = new HttpHeaders();
    headers.setBasicAuth(user, "demo");
    return headers;
  }

  @Override
  String label() {
    return "default profile (Camunda identity, Basic)";
  }

  @Test
  void taskListTimes() throws Exception {
    measure();
  }
}
