package cn.henan.skills.report;

import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * The two review lanes of a monthly report and the variables their forms write: the decision ({@code accept} or
 * {@code return}) and the reason of a return. The lane a task belongs to is the decision its form offers.
 */
public enum ReviewLane {
  SKILLS("skillsReviewDecision", "skillsReturnReason", "技能审核"),
  ONE_PLUS_X("onePlusXReviewDecision", "onePlusXReturnReason", "1+X 审核");

  /** The decision's value for acceptance, as the review forms list it. */
  public static final String ACCEPT = "accept";
  static final String RETURN = "return";

  private final String decisionVariable;
  private final String reasonVariable;
  private final String chineseName;

  ReviewLane(String decisionVariable, String reasonVariable, String chineseName) {
    this.decisionVariable = decisionVariable;
    this.reasonVariable = reasonVariable;
    this.chineseName = chineseName;
  }

  public String decisionVariable() {
    return decisionVariable;
  }

  public String reasonVariable() {
    return reasonVariable;
  }

  public String chineseName() {
    return chineseName;
  }

  boolean returned(VariableScope scope) {
    return RETURN.equals(scope.getVariable(decisionVariable));
  }
}
