package cn.henan.skills.report;

import static org.assertj.core.api.Assertions.assertThat;

import cn.henan.skills.Driver;
import cn.henan.skills.SkillsHenanTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** {@code GET /api/evaluation/2038-05} over a published 2038 table without any report: everybody slow and missing. */
@SkillsHenanTest
class EvaluationRestTest {
  static final int YEAR = 2038;

  @Autowired Driver driver;
  @Autowired TestRestTemplate http;

  @Test
  void theProvinceSeesEveryUnitACityItselfOthersNothing() throws Exception {
    driver.publishAllocation(YEAR, """
        单位,培训任务（人次）,取证人数（人）,其中高级工及以上（人）,1+X证书取证人数（人）
        郑州市,3000,2000,——,400
        河南理工大学,500,450,300,90
        """);

    ResponseEntity<String> response = http.withBasicAuth("province", "demo")
        .getForEntity("/api/evaluation/" + YEAR + "-05", String.class);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    JsonNode body = new ObjectMapper().readTree(response.getBody());
    assertThat(body.get("month").asText()).isEqualTo("2038-05");
    assertThat(body.get("timeProgress").decimalValue()).isEqualByComparingTo("30.0");
    assertThat(body.get("threshold").decimalValue()).isEqualByComparingTo("10");
    assertThat(codes(body.get("units"))).containsExactly("u001", "u029");
    JsonNode training = body.get("units").get(0).get("indicators").get("training");
    assertThat(training.get("annualTask").asInt()).isEqualTo(3000);
    assertThat(training.get("rate").decimalValue()).isEqualByComparingTo("0");
    assertThat(training.get("slow").asBoolean()).isTrue();
    assertThat(codes(body.get("slowUnits"))).containsExactly("u001", "u029");
    assertThat(codes(body.get("slowOnePlusX"))).containsExactly("u001", "u029");
    assertThat(codes(body.get("missingUnits"))).containsExactly("u001", "u029");
    assertThat(body.get("lowUnits")).isEmpty();
    assertThat(body.get("units").get(0).get("findings").toString()).contains("2038 年 5 月月报未报送")
        .contains("培训任务完成率 0.0%，低于时间进度 30.0% 超过 10 个百分点");

    ResponseEntity<String> city = http.withBasicAuth("u001-filer", "demo")
        .getForEntity("/api/evaluation/" + YEAR + "-05", String.class);
    assertThat(city.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(codes(new ObjectMapper().readTree(city.getBody()).get("units"))).containsExactly("u001");

    assertThat(http.withBasicAuth("u029-filer", "demo").getForEntity("/api/evaluation/" + YEAR + "-05",
        String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(http.withBasicAuth("province", "demo").getForEntity("/api/evaluation/" + YEAR + "-02",
        String.class).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
  }

  private static List<String> codes(JsonNode list) {
    List<String> codes = new ArrayList<>();
    list.forEach(n -> codes.add(n.get("code").asText()));
    return codes;
  }
}
