package cn.henan.skills.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

class NoticePdfTest {
  private static final NoticePdfData NOTICE = Samples.notice();
  private static final List<String> PAGES = pages(Samples.NOTICE_PDF.render(NOTICE));

  @Test
  void theLetterComesFirstInChinese() {
    String first = PAGES.get(0);

    assertThat(first).contains("河南省教育厅办公室文件", "教办职成〔2022〕50号", "关于下达 2022 年教育系统落",
        "各省辖市、济源示范区、省直管县（市）教育局", "一、高度重视，加强组织领导", "hnstjbgs@163.com",
        "河南省教育厅办公室", "2022 年 3 月 2 日");
  }

  @Test
  void attachmentOneRunsOverSeveralPagesWithItsHeaderOnEach() {
    List<String> attachment = PAGES.subList(1, PAGES.size());

    assertThat(attachment).hasSizeGreaterThanOrEqualTo(4);
    assertThat(attachment.get(0)).contains("附件 1", NoticePdf.attachmentTitle(2022));
    // the extractor may put a character of a three-line heading on its own line, so look for words
    assertThat(attachment).allSatisfy(page -> assertThat(page).contains("序号", "单位", "培训任务", "（人次）",
        "取证人数", "其中高级工", "及以上（人）", "1+X证"));
  }

  @Test
  void everyUnitIsListedOnceAndTheTotalsCloseTheTable() {
    String all = String.join("\n", PAGES);

    for (NoticePdfData.Row row : NOTICE.rows()) {
      if (!row.unitName().contains("（")) { // long names wrap inside their cell
        assertThat(all).containsOnlyOnce(row.seq() + " " + row.unitName() + " ");
      }
    }
    assertThat(all).contains("1 第1教育局 1370 1096 —— 219", "23 第23教育局 9510 7608 —— ——");
    long training = NOTICE.rows().stream().mapToLong(NoticePdfData.Row::training).sum();
    long certification = NOTICE.rows().stream().mapToLong(NoticePdfData.Row::certification).sum();
    long advanced = NOTICE.rows().stream().map(NoticePdfData.Row::advanced).filter(Objects::nonNull)
        .mapToLong(Integer::longValue).sum();
    long onePlusX = NOTICE.rows().stream().map(NoticePdfData.Row::onePlusX).filter(Objects::nonNull)
        .mapToLong(Integer::longValue).sum();
    assertThat(PAGES.get(PAGES.size() - 1))
        .contains("171 河南示范职业学院171", "合计 " + training + " " + certification + " " + advanced + " " + onePlusX);
  }

  @Test
  void pagesAreNumbered() {
    for (int i = 0; i < PAGES.size(); i++) {
      assertThat(PAGES.get(i)).contains("第 " + (i + 1) + " 页 共 " + PAGES.size() + " 页");
    }
  }

  private static List<String> pages(byte[] pdf) {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      PDFTextStripper stripper = new PDFTextStripper();
      stripper.setSortByPosition(true);
      List<String> pages = new ArrayList<>();
      for (int page = 1; page <= document.getNumberOfPages(); page++) {
        stripper.setStartPage(page);
        stripper.setEndPage(page);
        pages.add(stripper.getText(document));
      }
      return pages;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
