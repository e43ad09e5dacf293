package cn.henan.skills.identity;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.stereotype.Component;

/** The shared Tasklist filters; every user may read them, and each shows only the tasks the user may see. */
@Component
class TasklistFilters {
  private final FilterService filterService;
  private final TaskService taskService;
  private final AuthorizationGrants grants;

  TasklistFilters(FilterService filterService, TaskService taskService, AuthorizationGrants grants) {
    this.filterService = filterService;
    this.taskService = taskService;
    this.grants = grants;
  }

  void ensureFilters() {
    ensure("本单位待办", "本单位（我所在的组）可以办理的任务，含已认领的", -10,
        taskService.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}")
            .includeAssignedTasks());
    ensure("我的待办", "已分配给我的任务", -5,
        taskService.createTaskQuery().taskAssigneeExpression("${currentUser()}"));
    ensure("全部可见任务", "我有权查看的全部任务（省级用户可见全省）", 0, taskService.createTaskQuery());
  }

  private void ensure(String name, String description, int priority, TaskQuery query) {
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("description", description);
    properties.put("priority", priority);
    properties.put("refresh", true);
    // shown on each task card: a unit that receives late has March's and April's report open side by side
    properties.put("variables", List.of(
        Map.of("name", "unitName", "label", "单位"),
        Map.of("name", "year", "label", "年度"),
        Map.of("name", "reportMonth", "label", "月份")));
    Filter filter = filterService.createFilterQuery().filterName(name).singleResult();
    if (filter == null) {
      filter = filterService.newTaskFilter(name).setOwner("admin").setQuery(query).setProperties(properties);
      filterService.saveFilter(filter);
    } else if (!properties.equals(filter.getProperties())) {
      filterService.saveFilter(filter.setProperties(properties));
    }
    grants.grantEveryone(Resources.FILTER, filter.getId(), Permissions.READ);
  }
}
