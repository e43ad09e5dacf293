package cn.henan.skills.institution;

import cn.henan.skills.identity.People;
import cn.henan.skills.identity.ProvinceGroups;
import cn.henan.skills.identity.Viewer;
import cn.henan.skills.institution.EvaluationInstitution.Application;
import cn.henan.skills.institution.EvaluationInstitution.Status;
import cn.henan.skills.pdf.DocumentVerifier;
import cn.henan.skills.platform.Digests;
import cn.henan.skills.platform.HeavyWork;
import cn.henan.skills.platform.Refusal;
import cn.henan.skills.platform.Uploads;
import cn.henan.skills.unit.Unit;
import cn.henan.skills.unit.UnitKeys;
import cn.henan.skills.unit.UnitRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

/**
 * Evaluation institutions (评价机构备案): a unit's applications, their review, the register, and the count of a
 * unit's filed institutions that its monthly form shows. The process {@code institution-filing} calls the steps
 * ({@link InstitutionFilingSteps}); other features use only {@link #filedCounts}.
 */
@Service
@Transactional
public class Institutions {
  /** The message that ends a filed institution's instance when {@code province-hrss} revokes it. */
  static final String REVOKED = "institution-revoked";
  static final int MAX_NAME = 100;
  static final int MAX_TEXT = 2000;

  private final EvaluationInstitutionRepository institutions;
  private final InstitutionDocumentRepository documents;
  private final DocumentVerifier verifier;
  private final HeavyWork heavyWork;
  private final UnitRegistry units;
  private final People people;
  private final RuntimeService runtime;
  private final Clock clock;
  private final JdbcTemplate jdbc;

  Institutions(EvaluationInstitutionRepository institutions, InstitutionDocumentRepository documents,
      DocumentVerifier verifier, HeavyWork heavyWork, UnitRegistry units, People people, RuntimeService runtime,
      Clock clock, JdbcTemplate jdbc) {
    this.institutions = institutions;
    this.documents = documents;
    this.verifier = verifier;
    this.heavyWork = heavyWork;
    this.units = units;
    this.people = people;
    this.runtime = runtime;
    this.clock = clock;
    this.jdbc = jdbc;
  }

  /**
   * The unit's institutions per kind that count on {@code at}: filed by then and not revoked by then (every kind
   * present, 0 where none).
   */
  @Transactional(readOnly = true)
  public Map<InstitutionKind, Integer> filedCounts(String unitCode, Instant at) {
    Map<InstitutionKind, Integer> counts = new EnumMap<>(InstitutionKind.class);
    for (InstitutionKind kind : InstitutionKind.values()) {
      counts.put(kind, 0);
    }
    for (Object[] row : institutions.filedCounts(unitCode, at)) {
      counts.put((InstitutionKind) row[0], ((Number) row[1]).intValue());
    }
    return counts;
  }

  /** A new application of the unit with its document; answers its business key ({@code institution-u029-3}). */
  String apply(Unit unit, Application application, Uploads.Upload document, String user) {
    byte[] content = document.content();
    DocumentVerifier.Verdict verdict = verified(content);
    // two applications of one unit at once would take the same number: the second waits for the first's commit
    jdbc.query("select pg_advisory_xact_lock(hashtext(?))", row -> { }, "institution:" + unit.getCode());
    int seq = institutions.lastSeq(unit.getCode()) + 1;
    EvaluationInstitution institution = institutions.save(new EvaluationInstitution(
        UnitKeys.institution(unit.getCode(), seq), unit.getCode(), seq, application, user, clock.instant()));
    store(institution, document, verdict);
    return institution.getBusinessKey();
  }

  /** The unit's corrected application; the document stays unless a new one was chosen. */
  void resubmit(String businessKey, Application application, Optional<Uploads.Upload> document, String user) {
    EvaluationInstitution institution = get(businessKey);
    Optional<DocumentVerifier.Verdict> verdict = document.map(d -> verified(d.content()));
    institution.resubmit(application, user, clock.instant());
    document.ifPresent(d -> store(institution, d, verdict.get()));
  }

  void returnWith(String businessKey, String reason) {
    get(businessKey).returnWith(reason, clock.instant());
  }

  void withdraw(String businessKey) {
    get(businessKey).withdraw();
  }

  void file(String businessKey, String user) {
    get(businessKey).file(user, clock.instant());
  }

  /**
   * {@code province-hrss} revokes a filed institution: recorded here, and the waiting instance is told by the message
   * {@value #REVOKED} (with the reason, visible in Cockpit's history). The message is sent as the application, after
   * this rule has checked the person: units may send no messages at all.
   */
  public void revoke(String businessKey, String reason, Viewer viewer) {
    if (!viewer.groups().contains(ProvinceGroups.PROVINCE_HRSS)) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN, "只有省人力资源社会保障厅（province-hrss）可以撤销评价机构备案，未作任何更改。");
    }
    String text = reason == null ? "" : reason.trim();
    if (text.isEmpty()) {
      throw new Refusal("撤销备案时请填写撤销原因，未作任何更改。");
    }
    if (text.length() > MAX_TEXT) {
      throw new Refusal("撤销原因最多 " + MAX_TEXT + " 个字，提交的内容有 " + text.length() + " 个字，未作任何更改。");
    }
    EvaluationInstitution institution = institutions.findByBusinessKey(businessKey)
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "没有编号为 " + businessKey + " 的评价机构备案。"));
    if (institution.getStatus() != Status.FILED) {
      throw new ResponseStatusException(HttpStatus.CONFLICT, "“" + institution.getName() + "”当前为“"
          + institution.getStatus().chinese + "”，只有已备案的机构可以撤销，未作任何更改。");
    }
    institution.revoke(text, viewer.userId(), clock.instant());
    people.asApplication(() -> runtime.createMessageCorrelation(REVOKED).processInstanceBusinessKey(businessKey)
        .setVariables(Variables.putValue("revokeReason", text).putValue("revokedBy", viewer.userId()))
        .correlateWithResult());
  }

  /** What a review or a correction shows of the application, from the database. */
  @Transactional(readOnly = true)
  Shown shown(String businessKey) {
    EvaluationInstitution institution = get(businessKey);
    InstitutionDocument document = documents.findById(institution.getId()).orElseThrow();
    return new Shown(entry(institution, units.get(institution.getUnitCode())), document.getFileName(),
        document.getPages());
  }

  record Shown(Entry entry, String documentName, int documentPages) {
  }

  /** One institution (or application) of the register. */
  public record Entry(String businessKey, String unitCode, String unitName, InstitutionKind kind, String kindName,
      String name, String scope, String status, String statusName, Instant appliedAt, Instant filedAt,
      Instant revokedAt, String returnReason, String revokeReason, String documentUrl) {
  }

  /** A unit's line of the register: its filed institutions counted per kind, and all its applications. */
  public record UnitRegister(String unitCode, String unitName, Map<InstitutionKind, Integer> filed,
      List<Entry> institutions) {
  }

  /**
   * The register: the province sees every unit, a unit's people their unit (a city bureau also its schools); a
   * {@code unitCode} narrows it to one unit, and another unit's is refused with 403.
   */
  @Transactional(readOnly = true)
  public List<UnitRegister> register(Viewer viewer, String unitCode) {
    List<EvaluationInstitution> found;
    if (unitCode != null && !unitCode.isBlank()) {
      Unit unit = units.find(unitCode.trim()).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
          "没有代码为 " + unitCode.trim() + " 的单位。"));
      requireMaySee(viewer, unit);
      found = institutions.findByUnitCodeInOrderByUnitCodeAscSeqAsc(List.of(unit.getCode()));
    } else if (viewer.seesAllUnits()) {
      found = institutions.findAllByOrderByUnitCodeAscSeqAsc();
    } else {
      found = institutions.findAllByOrderByUnitCodeAscSeqAsc().stream().filter(i -> {
        Unit unit = units.get(i.getUnitCode());
        return viewer.maySee(unit.getCode(), unit.getParentCode());
      }).toList();
    }
    Map<String, UnitRegister> byUnit = new LinkedHashMap<>();
    for (EvaluationInstitution institution : found) {
      Unit unit = units.get(institution.getUnitCode());
      UnitRegister line = byUnit.computeIfAbsent(unit.getCode(), code -> new UnitRegister(code, unit.getName(),
          new EnumMap<>(InstitutionKind.class), new ArrayList<>()));
      line.institutions().add(entry(institution, unit));
      if (institution.getStatus() == Status.FILED) {
        line.filed().merge(institution.getKind(), 1, Integer::sum);
      }
    }
    return List.copyOf(byUnit.values());
  }

  /** An application's document, for the unit, its city bureau and the province. */
  @Transactional(readOnly = true)
  public Document document(String businessKey, Viewer viewer) {
    EvaluationInstitution institution = institutions.findByBusinessKey(businessKey)
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "没有编号为 " + businessKey + " 的评价机构备案。"));
    requireMaySee(viewer, units.get(institution.getUnitCode()));
    InstitutionDocument document = documents.findById(institution.getId()).orElseThrow();
    return new Document(document.getFileName(), document.getContent());
  }

  public record Document(String fileName, byte[] content) {
  }

  private static void requireMaySee(Viewer viewer, Unit unit) {
    if (!viewer.maySee(unit.getCode(), unit.getParentCode())) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN, "只能查看本单位的评价机构备案，" + unit.getName()
          + "（" + unit.getCode() + "）不是您的单位。");
    }
  }

  private DocumentVerifier.Verdict verified(byte[] content) {
    DocumentVerifier.Verdict verdict = heavyWork.run(HeavyWork.Kind.DOCUMENT_CHECK, () -> verifier.verify(content));
    if (!verdict.passed()) {
      throw new Refusal("证明材料未通过核验，没有提交：" + verdict.message());
    }
    return verdict;
  }

  private void store(EvaluationInstitution institution, Uploads.Upload upload, DocumentVerifier.Verdict verdict) {
    InstitutionDocument document = documents.findById(institution.getId())
        .orElseGet(() -> new InstitutionDocument(institution.getId()));
    String fileName = upload.fileName().length() > 200 ? upload.fileName().substring(0, 200) : upload.fileName();
    document.replace(fileName, upload.content(), Digests.sha256Hex(upload.content()), verdict.pages(),
        clock.instant());
    documents.save(document);
  }

  private static Entry entry(EvaluationInstitution i, Unit unit) {
    return new Entry(i.getBusinessKey(), unit.getCode(), unit.getName(), i.getKind(), i.getKind().chinese(),
        i.getName(), i.getScope(), i.getStatus().name(), i.getStatus().chinese, i.getAppliedAt(), i.getFiledAt(),
        i.getRevokedAt(), i.getReturnReason(), i.getRevokeReason(),
        "/api/institutions/" + i.getBusinessKey() + "/document.pdf");
  }

  private EvaluationInstitution get(String businessKey) {
    return institutions.findByBusinessKey(businessKey)
        .orElseThrow(() -> new IllegalStateException("评价机构备案 " + businessKey + " 不存在。"));
  }
}
