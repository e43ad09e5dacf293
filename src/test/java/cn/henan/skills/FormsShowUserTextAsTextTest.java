package cn.henan.skills;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Text a unit typed is shown to other users as plain text (issue 9, item 4). Camunda Forms' {@code text} components
 * fill in {@code {{…}}} and then render Markdown, so none of them may template a variable a user could have typed;
 * such values belong in read-only fields. Embedded HTML forms bind with Angular's escaping {@code {{ }}} only.
 */
class FormsShowUserTextAsTextTest {
  /** Variables whose value a user typed (or a server text that contains such a value, e.g. a school's name). */
  static final Set<String> USER_TYPED = Set.of("unitName", "circulationMonth", "returnReason", "skillsReturnReason",
      "onePlusXReturnReason", "circulationReturnReason", "withdrawReason", "scanExplanation", "scanNotice",
      "rectificationMeasures", "urgeMessage", "urgeReply", "circulationTitle", "circulationBody", "namedUnitCodes",
      "returnNotice", "reportSummary", "reportContext", "subdivisionSummary", "subdivisionErrors", "allocationErrors",
      "allocationNotes", "reportErrors", "reportWarnings", "filerName", "filerPhone", "quotaText", "noticeTitle",
      "noticeBody", "noticeDocumentNumber", "evaluationSummary", "lateUnitsSummary", "unitsToUrge", "urgedUnits",
      "skippedUnits", "replyByText", "yearEndSummary", "unitCode");
  private static final Pattern TEMPLATE = Pattern.compile("\\{\\{(.*?)}}", Pattern.DOTALL);
  private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  @Test
  void noTextComponentTemplatesAUserTypedVariable() throws IOException {
    List<String> found = new ArrayList<>();
    List<Path> forms;
    try (Stream<Path> files = Files.list(Path.of("forms"))) {
      forms = files.filter(p -> p.toString().endsWith(".form")).sorted().toList();
    }
    assertThat(forms).hasSizeGreaterThan(10);
    for (Path form : forms) {
      collect(form.getFileName().toString(), new ObjectMapper().readTree(form.toFile()).path("components"), found);
    }
    assertThat(found).isEmpty();
  }

  @Test
  void embeddedFormsNeverBindHtml() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("forms"))) {
      for (Path html : files.filter(p -> p.toString().endsWith(".html")).toList()) {
        assertThat(Files.readString(html)).as(html.toString()).doesNotContain("ng-bind-html").doesNotContain("innerHTML")
            .doesNotContain("$sce");
      }
    }
  }

  private static void collect(String form, JsonNode components, List<String> found) {
    for (JsonNode component : components) {
      if ("text".equals(component.path("type").asText())) {
        Matcher template = TEMPLATE.matcher(component.path("text").asText());
        while (template.find()) {
          Matcher name = IDENTIFIER.matcher(template.group(1));
          while (name.find()) {
            if (USER_TYPED.contains(name.group())) {
              found.add(form + " " + component.path("id").asText() + ": {{" + template.group(1) + "}}");
            }
          }
        }
      }
      collect(form, component.path("components"), found);
    }
  }
}
