package cn.henan.skills.report;

/** What the filer enters on Attachment 2 for one month (validated by {@link MonthlyReportRules}). */
public record MonthlyReportEntry(int institutionsCollegeLevel, int institutionsAppraisal, int institutionsSocial,
    int institutionsSpecial, Figures month, String filerName, String filerPhone) {
}
