package cn.henan.skills.review;

import cn.henan.skills.identity.People;
import cn.henan.skills.platform.Refusal;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The batch review page's REST ({@code /batch-review.html}): {@code GET /api/reviews?year=2022&month=3} lists the
 * reviews waiting for the signed-in user; {@code POST /api/reviews/accept} with {@code [{"taskId": …, "token": …}]}
 * accepts them as that user and answers {@code accepted} and {@code skipped} (with the reason of each).
 */
@RestController
@RequestMapping("/api/reviews")
class ReviewController {
  private final BatchReview batchReview;
  private final People people;

  ReviewController(BatchReview batchReview, People people) {
    this.batchReview = batchReview;
    this.people = people;
  }

  @GetMapping
  List<BatchReview.Waiting> waiting(@RequestParam(required = false) Integer year,
      @RequestParam(required = false) Integer month) {
    if (month != null && (year == null || month < 1 || month > 12)) {
      throw new Refusal("月份应与年度一起给出，并在 1 到 12 之间，例如 ?year=2022&month=3。");
    }
    if (year != null && (year < 2000 || year > 2999)) {
      throw new Refusal("年度“" + year + "”无效，应为 2022 这样的四位年份。");
    }
    String period = year == null ? null : month == null ? year.toString() : String.format("%d-%02d", year, month);
    return batchReview.waiting(people.signedIn(), period);
  }

  @PostMapping("/accept")
  BatchReview.Outcome accept(@RequestBody List<BatchReview.Item> items) {
    return batchReview.accept(people.signedIn(), items);
  }
}
