package cn.henan.skills.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;

class LineBreakerTest {
  /** Every character one unit wide. */
  private static final ToDoubleFunction<String> CHARS = s -> s.codePointCount(0, s.length());

  @Test
  void chineseBreaksBetweenAnyTwoCharacters() {
    assertThat(LineBreaker.wrap("一二三四五六七", 3, 0, CHARS)).containsExactly("一二三", "四五六", "七");
  }

  @Test
  void closingPunctuationNeverStartsALine() {
    assertThat(LineBreaker.wrap("一二三，四五", 3, 0, CHARS)).containsExactly("一二", "三，四", "五");
  }

  @Test
  void openingPunctuationNeverEndsALine() {
    assertThat(LineBreaker.wrap("一二（三四）", 3, 0, CHARS)).containsExactly("一二", "（三", "四）");
  }

  @Test
  void latinWordsAndNumbersStayWhole() {
    assertThat(LineBreaker.wrap("邮箱 hnstjbgs@163.com 联系", 18, 0, CHARS))
        .containsExactly("邮箱", "hnstjbgs@163.com 联", "系");
    assertThat(LineBreaker.wrap("自2022年", 4, 0, CHARS)).containsExactly("自", "2022", "年");
    assertThat(LineBreaker.wrap("电话0371-67756123。", 14, 0, CHARS)).containsExactly("电话", "0371-67756123。");
  }

  @Test
  void aWordLongerThanTheLineIsCut() {
    assertThat(LineBreaker.wrap("abcdefgh", 3, 0, CHARS)).containsExactly("abc", "def", "gh");
  }

  @Test
  void theFirstLineIsIndented() {
    assertThat(LineBreaker.wrap("一二三四五六", 4, 2, CHARS)).containsExactly("一二", "三四五六");
  }

  @Test
  void emptyTextIsOneEmptyLine() {
    assertThat(LineBreaker.wrap("", 4, 0, CHARS)).containsExactly("");
  }
}
