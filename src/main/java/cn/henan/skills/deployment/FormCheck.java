package cn.henan.skills.deployment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Reads a Camunda Form ({@code .form}): its id, the variables its fields write, and what would keep it from opening. */
final class FormCheck {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** A form that parsed: its id (null if it has none) and its fields (with their id and key). */
  record Form(String id, List<JsonNode> fields) {
    List<String> keys() {
      return fields.stream().map(field -> field.path("key").asText(null)).filter(key -> key != null).toList();
    }
  }

  private FormCheck() {
  }

  /** The form, or null (with the problem added) when it is not JSON. */
  static Form read(String resource, byte[] content, List<DeploymentProblem> problems) {
    JsonNode root;
    try {
      root = JSON.readTree(content);
    } catch (JsonProcessingException e) {
      problems.add(DeploymentProblem.ofFile(resource, "不是有效的 Camunda 表单（JSON 无法解析：" + e.getOriginalMessage()
          + "）。"));
      return null;
    } catch (IOException e) {
      problems.add(DeploymentProblem.ofFile(resource, "不是有效的 Camunda 表单（JSON 无法读取）。"));
      return null;
    }
    if (root == null || !root.isObject()) {
      problems.add(DeploymentProblem.ofFile(resource, "不是有效的 Camunda 表单（应为一个 JSON 对象）。"));
      return null;
    }
    List<JsonNode> fields = new ArrayList<>();
    collect(root.path("components"), fields);
    String id = root.path("id").asText("").isBlank() ? null : root.path("id").asText();
    return new Form(id, fields);
  }

  private static void collect(JsonNode components, List<JsonNode> fields) {
    for (JsonNode component : components) {
      fields.add(component);
      collect(component.path("components"), fields); // groups and dynamic lists nest their fields
    }
  }

  static void check(String resource, Form form, List<DeploymentProblem> problems) {
    if (form.id() == null) {
      problems.add(DeploymentProblem.ofFile(resource, "Camunda 表单缺少 “id”：流程用 camunda:formRef 按 id 引用表单，"
          + "请在 Modeler 的表单属性中填写 id。"));
      return;
    }
    for (JsonNode field : form.fields()) {
      String fieldId = field.path("id").asText(null);
      String key = field.path("key").asText(null);
      for (String clash : List.of(String.valueOf(fieldId), String.valueOf(key))) {
        if (clash.equals(form.id())) {
          problems.add(new DeploymentProblem(resource, fieldId, field.path("label").asText(null), "字段的 "
              + (clash.equals(key) ? "key" : "id") + " “" + clash + "” 与表单自身的 id 相同：Tasklist 打不开这个表单"
              + "（form field with id already exists），请改用别的名称。"));
          break;
        }
      }
    }
  }
}
