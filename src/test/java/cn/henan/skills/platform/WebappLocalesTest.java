package cn.henan.skills.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Chinese of the Camunda webapps as the build leaves it on the classpath, against the English that Camunda's own
 * webapp jar carries at the same path: every label of en.json has a Chinese one that keeps its {{placeholders}}, and
 * dates and relative times ("3 天前") are Chinese. Cockpit's file is the project's own translation.
 */
class WebappLocalesTest {
  private static final String APPS = "META-INF/resources/webjars/camunda/app/";
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*(\\w+)\\s*}}|\\{}");
  private static final Pattern CHINESE = Pattern.compile("[\\u4e00-\\u9fff]");
  /** Labels that are the same in any language: product names, formats, symbols. */
  private static final Set<String> UNTRANSLATED = Set.of("", " ", "/", "<", "<=", ">", ">=", "。", "ID", "ID*", "CSV",
      "JSON", "Camunda", "YYYY-MM-DDTHH:mm:ss", "<null>", "<undefined>");
  private static final ObjectMapper JSON = new ObjectMapper();

  @ParameterizedTest
  @ValueSource(strings = {"cockpit", "tasklist", "admin", "welcome"})
  void everyEnglishLabelHasAChineseOneWithTheSamePlaceholders(String app) throws IOException {
    JsonNode english = read(APPS + app + "/locales/en.json").get("labels");
    JsonNode chinese = read(APPS + app + "/locales/zh.json").get("labels");

    List<String> missing = new ArrayList<>();
    List<String> notChinese = new ArrayList<>();
    List<String> placeholdersChanged = new ArrayList<>();
    for (Map.Entry<String, JsonNode> label : english.properties()) {
      JsonNode translated = chinese.get(label.getKey());
      if (translated == null) {
        missing.add(label.getKey());
        continue;
      }
      String text = translated.asText();
      if (!CHINESE.matcher(text).find() && !UNTRANSLATED.contains(text) && !label.getValue().asText().isEmpty()) {
        notChinese.add(label.getKey() + "=" + text);
      }
      if (!placeholders(text).equals(placeholders(label.getValue().asText()))) {
        placeholdersChanged.add(label.getKey());
      }
    }
    assertThat(missing).as(app + ": labels of en.json without Chinese").isEmpty();
    assertThat(notChinese).as(app + ": labels left in English").isEmpty();
    assertThat(placeholdersChanged).as(app + ": labels whose {{placeholders}} differ from en.json").isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"cockpit", "tasklist", "admin", "welcome"})
  void datesAndRelativeTimesAreChinese(String app) throws IOException {
    JsonNode dates = read(APPS + app + "/locales/zh.json").get("dateLocales");
    assertThat(dates.at("/relativeTime/past").asText()).isEqualTo("%s前");
    assertThat(dates.at("/relativeTime/yy").asText()).isEqualTo("%d 年");
    assertThat(dates.at("/months/0").asText()).isEqualTo("一月");
    assertThat(dates.at("/weekdaysMin/0").asText()).isEqualTo("日");
    assertThat(dates.at("/longDateFormat/LL").asText()).isEqualTo("YYYY年M月D日");
  }

  @Test
  void everyWebappOffersChineseAndTasklistsDatePickerSpeaksIt() throws IOException {
    for (String app : List.of("cockpit", "tasklist", "admin", "welcome")) {
      assertThat(text(APPS + app + "/scripts/config.js")).as(app).contains("availableLocales: ['zh', 'en']");
    }
    assertThat(text(APPS + "tasklist/scripts/config.js"))
        .contains("customScripts: ['scripts/zh-datepicker', 'scripts/sign-out', 'scripts/batch-review-link']");
    assertThat(text(APPS + "tasklist/scripts/zh-datepicker.js")).contains("flatpickr.localize(chinese)")
        .contains("'星期一'");
  }

  private static Set<String> placeholders(String text) {
    Set<String> names = new TreeSet<>();
    Matcher m = PLACEHOLDER.matcher(text);
    while (m.find()) {
      names.add(m.group(1) == null ? "{}" : m.group(1));
    }
    return names;
  }

  private static JsonNode read(String resource) throws IOException {
    return JSON.readTree(text(resource).replace("\uFEFF", ""));
  }

  private static String text(String resource) throws IOException {
    try (InputStream in = WebappLocalesTest.class.getClassLoader().getResourceAsStream(resource)) {
      assertThat(in).as(resource + " on the classpath").isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
