package cn.henan.skills.institution;

import cn.henan.skills.identity.People;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The register of evaluation institutions, an application's document, and the revocation by province-hrss. */
@RestController
@RequestMapping("/api/institutions")
class InstitutionController {
  private final Institutions institutions;
  private final People people;

  InstitutionController(Institutions institutions, People people) {
    this.institutions = institutions;
    this.people = people;
  }

  @GetMapping
  List<Institutions.UnitRegister> register(@RequestParam(required = false) String unit) {
    return institutions.register(people.signedIn(), unit);
  }

  @GetMapping("/{businessKey}/document.pdf")
  ResponseEntity<byte[]> document(@PathVariable String businessKey) {
    Institutions.Document document = institutions.document(businessKey, people.signedIn());
    return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
            .filename(document.fileName(), StandardCharsets.UTF_8).build().toString())
        .body(document.content());
  }

  /** Body {@code {"reason": "…"}}; province-hrss only. */
  @PostMapping("/{businessKey}/revoke")
  Map<String, String> revoke(@PathVariable String businessKey, @RequestBody Map<String, String> body) {
    institutions.revoke(businessKey, body.get("reason"), people.signedIn());
    return Map.of("businessKey", businessKey, "status", "REVOKED", "message", "已撤销备案。");
  }
}
