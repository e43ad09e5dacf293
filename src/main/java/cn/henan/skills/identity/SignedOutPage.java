package cn.henan.skills.identity;

import java.util.Map;
import org.springframework.context.annotation.Profile;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Profile {@code keycloak}: the page a webapp goes to when it would show Camunda's own login form — after its sign-out
 * button (which has ended the app's and the Keycloak session, {@link KeycloakSessionLogout}) or when its session has
 * ended — since that form cannot sign anyone in here ({@code static/webapp-sign-out.js} finds this page and opens it).
 * Keycloak also sends the browser here after a sign-out at {@code /logout}. It says so in Chinese and links to the
 * webapp, which sends the person to Keycloak's sign-in. The default profile has no such page: its login form works.
 */
@RestController
@Profile("keycloak")
class SignedOutPage {
  static final String PATH = "/signed-out";
  private static final Map<String, String> APPS = Map.of(
      "tasklist", "任务列表", "cockpit", "流程监控", "admin", "用户与权限管理", "welcome", "首页");

  @GetMapping(path = PATH, produces = MediaType.TEXT_HTML_VALUE + ";charset=UTF-8")
  String signedOut(@RequestParam(name = "app", required = false) String app) {
    String shown = app != null && APPS.containsKey(app) ? app : "tasklist";
    return """
        <!doctype html>
        <html lang="zh-CN">
        <head>
          <meta charset="utf-8">
          <meta name="viewport" content="width=device-width, initial-scale=1">
          <title>已退出 · 技能河南</title>
          <style>
            body { font-family: "Microsoft YaHei", "PingFang SC", "Noto Sans SC", sans-serif; background: #f4f6f8;
              color: #333; margin: 0; }
            main { max-width: 36em; margin: 12vh auto; background: #fff; padding: 2em 2.5em; border-radius: 6px;
              box-shadow: 0 1px 4px rgba(0, 0, 0, .12); }
            h1 { font-size: 1.5em; margin-top: 0; }
            a.again { display: inline-block; margin-top: 1em; padding: .5em 1.5em; background: #1f6fb5; color: #fff;
              border-radius: 4px; text-decoration: none; }
            .note { color: #777; font-size: .9em; }
          </style>
        </head>
        <body>
        <main>
          <h1 id="signed-out">您已退出</h1>
          <p>您已退出“人人持证、技能河南”任务系统，统一身份认证（Keycloak）的登录也已结束。</p>
          <p class="note">如果您没有点击“退出”，可能是长时间未操作，登录已超时。</p>
          <a class="again" id="sign-in-again" href="/camunda/app/%s/default/">重新登录%s</a>
        </main>
        </body>
        </html>
        """.formatted(shown, APPS.get(shown));
  }
}
