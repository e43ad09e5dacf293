package cn.henan.skills;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class SkillsHenanApplication {
  public static void main(String[] args) {
    SpringApplication.run(SkillsHenanApplication.class, args);
  }
}
