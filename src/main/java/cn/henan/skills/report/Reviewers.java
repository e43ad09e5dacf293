package cn.henan.skills.report;

import org.springframework.stereotype.Component;

/**
 * Who reviews a report, for the models' candidate groups: the province (skills: education with HR and social
 * security; 1+X: the 1+X office) for the units it supervises, the city bureau for its own schools.
 */
@Component("reviewers")
public class Reviewers {
  public String skills(String supervisorCode) {
    return isSchool(supervisorCode) ? supervisorCode + "-filer" : "province-edu,province-hrss";
  }

  public String onePlusX(String supervisorCode) {
    return isSchool(supervisorCode) ? supervisorCode + "-filer" : "province-1x";
  }

  /** Who urges a late report: the city bureau for its schools, province-edu otherwise. */
  public String supervisor(String supervisorCode) {
    return isSchool(supervisorCode) ? supervisorCode + "-filer" : "province-edu";
  }

  private static boolean isSchool(String supervisorCode) {
    return supervisorCode != null && !supervisorCode.isBlank();
  }
}
