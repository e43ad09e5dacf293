package cn.henan.skills.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class FormTextTest {
  @Test
  void aTextThatFitsIsKept() {
    String text = "第 2 行：取证人数大于培训任务。\n".repeat(100).trim();
    assertThat(FormText.fit(text, "x")).isSameAs(text);
    assertThat(FormText.fit(null, "x")).isNull();
  }

  @Test
  void aLongerTextKeepsWholeLinesAndSaysHowManyAreLeftOutAndWhere() {
    String text = IntStream.rangeClosed(1, 300).mapToObj(i -> "第 " + i + " 行：“取证人数”90000 大于“培训任务”80000。")
        .collect(Collectors.joining("\n"));
    String fitted = FormText.fit(text, "改正后重新上传，其余问题会再列出");
    assertThat(fitted.length()).isLessThanOrEqualTo(FormText.MAX_LENGTH);
    String[] lines = fitted.split("\n");
    int shown = lines.length - 1;
    assertThat(text).startsWith(String.join("\n", java.util.Arrays.copyOf(lines, shown)));
    assertThat(lines[shown]).isEqualTo("……（另有 " + (300 - shown) + " 行未显示；改正后重新上传，其余问题会再列出）");
    assertThat(shown).isGreaterThan(90);
  }

  @Test
  void oneOverlongLineIsCut() {
    String fitted = FormText.fit("名".repeat(5000), "完整名单见进度看板");
    assertThat(fitted.length()).isLessThanOrEqualTo(FormText.MAX_LENGTH);
    assertThat(fitted).startsWith("名名名").endsWith("名\n……（未显示完；完整名单见进度看板）");
  }
}
