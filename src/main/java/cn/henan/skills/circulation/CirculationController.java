package cn.henan.skills.circulation;

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

/** A published circulation (province-wide, so every signed-in user may read it) and who has acknowledged it. */
@RestController
@RequestMapping("/api/circulations")
class CirculationController {
  private final Circulations circulations;

  CirculationController(Circulations circulations) {
    this.circulations = circulations;
  }

  @GetMapping("/{month}")
  Circulations.Published circulation(@PathVariable String month) {
    return circulations.published(month)
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, month + " 的通报尚未发布。"));
  }

  @GetMapping("/{month}/notice.pdf")
  ResponseEntity<byte[]> notice(@PathVariable String month) {
    byte[] pdf = circulations.pdf(month)
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, month + " 的通报尚未发布。"));
    return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
            .filename(month + "-通报.pdf", StandardCharsets.UTF_8).build().toString())
        .body(pdf);
  }
}
