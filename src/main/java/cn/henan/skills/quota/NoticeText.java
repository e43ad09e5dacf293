package cn.henan.skills.quota;

/**
 * What province-edu enters for the notice when starting a distribution; blank parts fall back to a short default
 * modelled on 教办职成〔2022〕50号.
 */
public record NoticeText(String title, String documentNumber, String body) {

  public static NoticeText orDefaults(int year, String title, String documentNumber, String body) {
    return new NoticeText(
        blank(title) ? "河南省教育厅办公室关于下达 " + year + " 年教育系统落实“人人持证、技能河南”建设工作任务的通知" : title.trim(),
        blank(documentNumber) ? "教办职成〔" + year + "〕号" : documentNumber.trim(),
        blank(body) ? defaultBody(year) : body.trim());
  }

  private static boolean blank(String text) {
    return text == null || text.isBlank();
  }

  private static String defaultBody(int year) {
    return "各省辖市、济源示范区、省直管县（市）教育局，各高等学校，省属中等职业学校：\n"
        + "现将 " + year + " 年各地、各校的培训和取证任务下达给你们（见附件1），请在任务列表中接收本单位任务。\n"
        + "各省辖市、济源示范区、省直管县（市）教育局要结合所属中等职业学校毕业生数量，合理分解下达所属学校的任务。\n"
        + "自 3 月起，各单位每月 30 日前填报进度月报，经领导小组组长签字、加盖单位公章后上传扫描件。"
        + "省教育厅将根据月报评估完成情况，对进度缓慢、完成率低的地区和学校在全省通报。";
  }
}
