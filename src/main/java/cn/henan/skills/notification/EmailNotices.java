package cn.henan.skills.notification;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * E-mail to the people of a unit (or any groups), in addition to what Tasklist shows — only when an SMTP server is
 * configured ({@code spring.mail.host}); otherwise nothing is sent. Addresses are the users' e-mail in the identity
 * service (Camunda Admin, or Keycloak). Mail goes out after the step's transaction commits, so a step that is rolled
 * back sends nothing; a failing SMTP server is logged and never undoes the step.
 */
@Service
public class EmailNotices {
  private static final Logger log = LoggerFactory.getLogger(EmailNotices.class);

  private final ObjectProvider<JavaMailSender> sender;
  private final IdentityService identity;
  private final NotificationProperties properties;

  EmailNotices(ObjectProvider<JavaMailSender> sender, IdentityService identity, NotificationProperties properties) {
    this.sender = sender;
    this.identity = identity;
    this.properties = properties;
  }

  /** To the unit's filers and leaders ({@code u029-filer}, {@code u029-leader}). */
  public void toUnit(String unitCode, String subject, String text) {
    toGroups(List.of(unitCode + "-filer", unitCode + "-leader"), subject, text);
  }

  public void toGroups(Collection<String> groups, String subject, String text) {
    JavaMailSender mail = sender.getIfAvailable();
    if (mail == null) {
      return;
    }
    Set<String> addresses = new LinkedHashSet<>();
    for (String group : groups) {
      for (User user : identity.createUserQuery().memberOfGroup(group).list()) {
        if (user.getEmail() != null && !user.getEmail().isBlank()) {
          addresses.add(user.getEmail().trim());
        }
      }
    }
    if (addresses.isEmpty()) {
      return;
    }
    // one e-mail per person: nobody sees the others' addresses
    List<SimpleMailMessage> messages = addresses.stream().map(address -> {
      SimpleMailMessage message = new SimpleMailMessage();
      message.setFrom(properties.from());
      message.setTo(address);
      message.setSubject(subject);
      message.setText(text + "\n\n请登录任务列表处理：" + properties.tasklistUrl()
          + "\n\n（本邮件由“人人持证、技能河南”工作平台自动发送，请勿回复。）");
      return message;
    }).toList();
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
        @Override
        public void afterCommit() {
          messages.forEach(message -> send(mail, message));
        }
      });
    } else {
      messages.forEach(message -> send(mail, message));
    }
  }

  private static void send(JavaMailSender mail, SimpleMailMessage message) {
    try {
      mail.send(message);
    } catch (MailException e) {
      log.warn("e-mail \"{}\" to {} not sent: {}", message.getSubject(), String.join(", ", message.getTo()),
          e.getMessage());
    }
  }
}
