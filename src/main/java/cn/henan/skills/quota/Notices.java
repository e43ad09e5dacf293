package cn.henan.skills.quota;

import cn.henan.skills.platform.HeavyWork;

import cn.henan.skills.pdf.NoticePdf;
import cn.henan.skills.pdf.NoticePdfData;
import cn.henan.skills.platform.Digests;
import cn.henan.skills.platform.EngineClock;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The notice PDF of a published year: its text and Attachment 1 with every unit's quota and the totals. */
@Component
class Notices {
  private final AllocationNoticeRepository notices;
  private final NoticePdf noticePdf;
  private final HeavyWork heavyWork;
  private final Clock clock;

  Notices(AllocationNoticeRepository notices, NoticePdf noticePdf, HeavyWork heavyWork, Clock clock) {
    this.notices = notices;
    this.noticePdf = noticePdf;
    this.heavyWork = heavyWork;
    this.clock = clock;
  }

  @Transactional
  void issue(int year, NoticeText text, List<NoticePdfData.Row> attachment) {
    LocalDate issuedOn = LocalDate.ofInstant(clock.instant(), EngineClock.BEIJING);
    NoticePdfData data = new NoticePdfData(year, text.title(), text.documentNumber(), text.body(), issuedOn, attachment);
    byte[] pdf = heavyWork.run(HeavyWork.Kind.PDF, () -> noticePdf.render(data));
    notices.save(new AllocationNotice(year, text, issuedOn, pdf, Digests.sha256Hex(pdf)));
  }

  @Transactional(readOnly = true)
  Optional<AllocationNotice> of(int year) {
    return notices.findById(year);
  }

}
