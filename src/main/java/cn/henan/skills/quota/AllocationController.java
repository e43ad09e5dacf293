package cn.henan.skills.quota;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.nio.charset.StandardCharsets;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** The published allocation of a year (Attachment 1 is public: every signed-in user may read it). */
@RestController
@RequestMapping("/api/allocations")
class AllocationController {
  private final QuotaDistribution distribution;
  private final Notices notices;

  AllocationController(QuotaDistribution distribution, Notices notices) {
    this.distribution = distribution;
    this.notices = notices;
  }

  /** The notice with Attachment 1, as issued on publication; every signed-in user may read it. */
  @GetMapping("/{year}/notice.pdf")
  ResponseEntity<byte[]> notice(@PathVariable int year) {
    AllocationNotice notice = notices.of(year)
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, year + " 年的任务尚未下达，没有通知。"));
    return ResponseEntity.ok()
        .contentType(MediaType.APPLICATION_PDF)
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
            .filename(year + "-任务分配通知.pdf", StandardCharsets.UTF_8).build().toString())
        .header(HttpHeaders.ETAG, "\"" + notice.getSha256() + "\"")
        .body(notice.getPdf());
  }

  record UnitQuotaView(String code, String name, String kind, int training, int certification, Integer advanced,
      Integer onePlusX) {
  }

  record AllocationView(int year, List<UnitQuotaView> units, Map<String, Long> totals) {
  }

  /** The published years, oldest first (the dashboard's year select). */
  @GetMapping
  List<Integer> publishedYears() {
    return distribution.publishedYears();
  }

  @GetMapping("/{year}")
  AllocationView allocation(@PathVariable int year) {
    PublishedAllocation allocation = distribution.published(year)
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, year + " 年的任务尚未下达。"));
    List<UnitQuotaView> units = allocation.units().stream()
        .map(u -> new UnitQuotaView(u.unit().getCode(), u.unit().getName(), u.unit().getKind().code(),
            u.quota().getTraining(), u.quota().getCertification(), u.quota().getAdvanced(), u.quota().getOnePlusX()))
        .toList();
    Map<String, Long> totals = new LinkedHashMap<>();
    totals.put("training", allocation.totalTraining());
    totals.put("certification", allocation.totalCertification());
    totals.put("advanced", allocation.totalAdvanced());
    totals.put("onePlusX", allocation.totalOnePlusX());
    return new AllocationView(year, units, totals);
  }
}
