package cn.henan.skills.circulation;

import cn.henan.skills.platform.HeavyWork;

import cn.henan.skills.pdf.NoticePdf;
import cn.henan.skills.pdf.NoticePdfData;
import cn.henan.skills.platform.Digests;
import cn.henan.skills.platform.EngineClock;
import cn.henan.skills.report.Evaluation;
import cn.henan.skills.report.ReportPeriod;
import cn.henan.skills.unit.Unit;
import cn.henan.skills.unit.UnitRegistry;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Circulated notices (通报, the notice's "不定期通报制度"): a month's evaluation suggests whom to name, province-edu
 * edits the list and the text, the leader approves, and publishing renders the notice and records who acknowledges.
 */
@Service
public class Circulations {
  private final Evaluation evaluation;
  private final UnitRegistry units;
  private final CirculationRepository circulations;
  private final AcknowledgementRepository acknowledgements;
  private final NoticePdf noticePdf;
  private final HeavyWork heavyWork;
  private final Clock clock;

  Circulations(Evaluation evaluation, UnitRegistry units, CirculationRepository circulations,
      AcknowledgementRepository acknowledgements, NoticePdf noticePdf, HeavyWork heavyWork, Clock clock) {
    this.evaluation = evaluation;
    this.units = units;
    this.circulations = circulations;
    this.acknowledgements = acknowledgements;
    this.noticePdf = noticePdf;
    this.heavyWork = heavyWork;
    this.clock = clock;
  }

  public record Draft(String summary, List<String> suggestedUnits, String title, String body) {
  }

  /** The evaluation's slow, low and late units as the suggested names, with a readable summary and a first text. */
  @Transactional // not read-only: the evaluation's decisions are recorded in the engine's history
  public Draft draft(ReportPeriod period) {
    Evaluation.Result result = evaluation.evaluate(period);
    Set<String> named = new LinkedHashSet<>();
    Stream.of(result.slowUnits(), result.lowUnits(), result.slowOnePlusX(), result.lowOnePlusX(), result.lateUnits())
        .flatMap(List::stream).forEach(unit -> named.add(unit.code()));
    StringBuilder summary = new StringBuilder(period.chinese() + " 评估：时间进度 " + result.timeProgress() + "%，缓慢阈值 "
        + result.threshold() + " 个百分点。\n");
    section(summary, "进度缓慢", result.slowUnits());
    section(summary, "完成率低", result.lowUnits());
    section(summary, "1+X 进度缓慢", result.slowOnePlusX());
    section(summary, "1+X 完成率低", result.lowOnePlusX());
    section(summary, "逾期报送", result.lateUnits());
    section(summary, "未报", result.missingUnits());
    section(summary, "证书等级政策提示", result.certificateFindings());
    String title = "关于" + period.chinese() + "“人人持证、技能河南”建设工作进度情况的通报";
    String body = "各省辖市、济源示范区、省直管县（市）教育局，各高等学校，省属中等职业学校：\n"
        + "根据各地、各校报送的 " + period.chinese() + "进度月报，省教育厅对培训和取证任务完成情况进行了评估。"
        + "截至" + period.chinese() + "，以下单位进度缓慢、完成率低或未按时报送月报，现予以通报。"
        + "请被通报单位认真分析原因，制定整改措施，并在系统中确认。";
    return new Draft(summary.toString(), List.copyOf(named), title, body);
  }

  private static void section(StringBuilder summary, String title, List<Evaluation.Listed> units) {
    summary.append(title).append("（").append(units.size()).append("）");
    units.forEach(unit -> summary.append("\n  ").append(unit.code()).append(" ").append(unit.name()).append("：")
        .append(String.join("；", unit.findings())));
    summary.append('\n');
  }

  /** The codes of a draft's list that name no unit of the year. */
  public List<String> unknownUnits(int year, List<String> codes) {
    return codes.stream().filter(code -> units.find(code, year).isEmpty()).toList();
  }

  /** The named units as the approver reads them, under their names of the year: "郑州市（u001）、…", or "无". */
  public String describeUnits(int year, List<String> codes) {
    return codes.isEmpty() ? "无" : String.join("、", codes.stream()
        .map(code -> units.name(code, year) + "（" + code + "）").toList());
  }

  @Transactional
  public byte[] publish(ReportPeriod period, String title, String body, List<String> namedUnits) {
    if (circulations.existsById(period.key())) {
      throw new IllegalStateException(period.chinese() + "的通报已经发布，不能重复发布。");
    }
    List<String> lines = new ArrayList<>(List.of(body.split("\\R")));
    lines.add("被通报单位：" + (namedUnits.isEmpty() ? "无" : String.join("、",
        namedUnits.stream().map(code -> units.name(code, period.year())).toList())) + "。");
    NoticePdfData data = new NoticePdfData(period.year(), title, "豫教通报〔" + period.year() + "〕" + period.month() + "号",
        String.join("\n", lines), LocalDate.ofInstant(clock.instant(), EngineClock.BEIJING), List.of());
    byte[] pdf = heavyWork.run(HeavyWork.Kind.PDF, () -> noticePdf.render(data));
    circulations.save(new Circulation(period.key(), title, body, namedUnits, pdf, Digests.sha256Hex(pdf),
        clock.instant()));
    return pdf;
  }

  @Transactional
  public void acknowledge(String monthKey, String unitCode, String measures, String user) {
    acknowledgements.save(new Acknowledgement(monthKey, unitCode, measures, user, clock.instant()));
  }

  public record UnitAcknowledgement(String code, String name, boolean acknowledged, String measures,
      String acknowledgedBy, Instant acknowledgedAt) {
  }

  public record Published(String month, String title, Instant publishedAt, List<UnitAcknowledgement> units) {
  }

  /** A published notice and, for each named unit, whether and how it acknowledged. */
  @Transactional(readOnly = true)
  public Optional<Published> published(String monthKey) {
    int year = ReportPeriod.parse(monthKey).year();
    return circulations.findById(monthKey).map(c -> {
      List<Acknowledgement> acks = acknowledgements.ofMonth(monthKey);
      return new Published(c.getMonthKey(), c.getTitle(), c.getPublishedAt(), c.namedUnits().stream().map(code -> {
        Unit unit = units.get(code, year);
        return acks.stream().filter(a -> a.getUnitCode().equals(code)).findFirst()
            .map(a -> new UnitAcknowledgement(code, unit.getName(), true, a.getMeasures(), a.getAcknowledgedBy(),
                a.getAcknowledgedAt()))
            .orElse(new UnitAcknowledgement(code, unit.getName(), false, null, null, null));
      }).toList());
    });
  }

  /** The unit codes a published notice names, as approved and stored; empty if none is published for the month. */
  @Transactional(readOnly = true)
  public List<String> namedUnits(String monthKey) {
    return circulations.findById(monthKey).map(Circulation::namedUnits).map(List::copyOf).orElse(List.of());
  }

  @Transactional(readOnly = true)
  public Optional<byte[]> pdf(String monthKey) {
    return circulations.findById(monthKey).map(Circulation::getPdf);
  }
}
