package cn.henan.skills.deployment;

import java.util.Map;
import java.util.Set;

/**
 * The names the Java code relies on finding in the engine: the process keys it starts instances of, queries or grants
 * rights on, the messages it correlates and the decisions it evaluates. A deployment that would leave
 * the engine without one of them is refused ({@link DeploymentCheck}); {@code ModelContractTest} reads the sources and
 * fails when code names a key that is not listed here. Decisions of other features come as their own
 * {@link ModelRequirements} beans.
 */
public final class ModelContract {
  public static final String QUOTA_DISTRIBUTION = "quota-distribution";
  public static final String UNIT_YEAR = "unit-year";
  public static final String MONTHLY_REPORT = "monthly-report";
  public static final String LATE_REPORTS = "late-reports";
  public static final String URGE = "urge";
  public static final String CIRCULATION = "circulation";
  public static final String INSTITUTION_FILING = "institution-filing";
  /** Correlated by {@code Institutions.revoke} to a filed institution's instance. */
  public static final String INSTITUTION_REVOKED = "institution-revoked";

  /** What the code of this application relies on. */
  public static final ModelRequirements REQUIRED = new ModelRequirements(
      Set.of(QUOTA_DISTRIBUTION, UNIT_YEAR, MONTHLY_REPORT, LATE_REPORTS, URGE, CIRCULATION, INSTITUTION_FILING),
      Map.of(INSTITUTION_FILING, Set.of(INSTITUTION_REVOKED)), Map.of());

  private ModelContract() {
  }
}
