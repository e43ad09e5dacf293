package cn.henan.skills.notification;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param from        the sender address of the e-mails
 * @param tasklistUrl where the recipients do their tasks (the link in every e-mail)
 */
@ConfigurationProperties("skills-henan.mail")
record NotificationProperties(String from, String tasklistUrl) {
  NotificationProperties {
    if (from == null || from.isBlank()) {
      from = "skills-henan@localhost";
    }
    if (tasklistUrl == null || tasklistUrl.isBlank()) {
      tasklistUrl = "http://localhost:8080/camunda/app/tasklist/";
    }
  }
}
