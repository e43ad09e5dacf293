package cn.henan.skills.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

class ReportPdfTest {

  @Test
  void theFormShowsEveryFigureAndNameInChinese() throws IOException {
    String text = text(Samples.REPORT_PDF.render(Samples.report()));

    assertThat(text).contains("河南省教育系统“人人持证、技能河南”", "建设工作任务进度月报表", "（2022 年 3 月）",
        "填报单位（公章）：河南工业大学", "第 3 版");
    assertThat(text).contains("院校类职业技能等级认定机构数 （ 2 ）个", "职业技能考核鉴定机构数 （ 1 ）个",
        "面向社会人员的职业技能等级评价机构数 （ 3 ）个", "专项职业技能考核机构数 （ 4 ）个");
    // one line per indicator: annual task, this month, cumulative, rate
    assertThat(text).contains("1500 320 910 60.7", "1370 152 421 30.7", "1000 96 263 26.3", "280 21 75 26.8");
    assertThat(text).contains("年度任务", "当月完成", "累计已完成", "累计完成率", "培训任务", "取证人数", "其中高级工",
        "（人次）", "（%）");
    assertThat(text).contains("填报单位领导小组组长（签字）： 张建国", "签字时间：2022 年 3 月 28 日 14:05（北京时间）",
        "填报人（签字）： 李晓梅", "联系电话： 0371-67756123", "填报时间：2022 年 3 月 27 日");
    assertThat(text).contains(ReportIdentity.of(Samples.report()).toQrPayload());
  }

  @Test
  void noRequirementIsTwoDashesAndNoRateOneDash() throws IOException {
    String text = text(Samples.REPORT_PDF.render(Samples.cityReport()));

    assertThat(text).contains("郑州市", "（2022 年 4 月）", "80000 9000 21000 26.3", "70000 8000 17500 25.0",
        "—— 1200 2300 —", "14000 1500 4000 28.6", "王振华", "赵静", "13837112345",
        "签字时间：2022 年 4 月 27 日 09:30");
  }

  @Test
  void embedsOnlyASubsetOfTheChineseFontAndStaysSmall() throws IOException {
    byte[] pdf = Samples.REPORT_PDF.render(Samples.report());

    assertThat(pdf.length).isLessThan(200 * 1024);
    try (PDDocument document = Loader.loadPDF(pdf)) {
      List<PDFont> fonts = fonts(document.getPage(0).getResources());
      assertThat(fonts).singleElement().satisfies(font -> {
        assertThat(font).isInstanceOf(PDType0Font.class);
        assertThat(font.isEmbedded()).isTrue();
        // a subset's name carries a six-letter tag
        assertThat(font.getName()).matches("[A-Z]{6}\\+NotoSansSC-Regular");
      });
    }
  }

  @Test
  void unitNamesWithCharactersTheFontLacksStillRender() throws IOException {
    assertThat(text(Samples.REPORT_PDF.render(named("河南\uD83C\uDFEB学院\t（试点）")))).contains("河南〓学院 （试点）");
  }

  @Test
  void theLongestNameOfAttachmentOneStaysOnOneLine() throws IOException {
    String name = "河南物流职业学院（含河南省财经学校、河南省工业科技学校）";

    assertThat(text(Samples.REPORT_PDF.render(named(name)))).contains("填报单位（公章）：" + name + " 第 3 版");
  }

  private static ReportPdfData named(String unitName) {
    ReportPdfData d = Samples.report();
    return new ReportPdfData(d.unitCode(), unitName, d.year(), d.month(), d.version(), d.institutions(), d.rows(),
        d.leaderName(), d.signedAt(), d.filerName(), d.filerPhone(), d.filedAt());
  }

  @Test
  void documentsBuiltAtTheSameTimeEachGetAWholeFont() throws Exception {
    String alone = text(Samples.REPORT_PDF.render(Samples.report()));
    ExecutorService pool = Executors.newFixedThreadPool(6);
    try {
      List<Future<String>> texts = new ArrayList<>();
      for (int i = 0; i < 24; i++) {
        texts.add(pool.submit(() -> text(Samples.REPORT_PDF.render(Samples.report()))));
      }
      for (Future<String> text : texts) {
        assertThat(text.get()).isEqualTo(alone);
      }
    } finally {
      pool.shutdown();
    }
  }

  static String text(byte[] pdf) throws IOException {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      PDFTextStripper stripper = new PDFTextStripper();
      stripper.setSortByPosition(true);
      return stripper.getText(document);
    }
  }

  private static List<PDFont> fonts(PDResources resources) throws IOException {
    List<PDFont> fonts = new ArrayList<>();
    for (COSName name : resources.getFontNames()) {
      fonts.add(resources.getFont(name));
    }
    return fonts;
  }
}
