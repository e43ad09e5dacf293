package cn.henan.skills.identity;

import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Resource;
import org.springframework.stereotype.Component;

/** Adds grants idempotently: an existing authorization for the same group, resource and id is extended. */
@Component
class AuthorizationGrants {
  static final String ALL_USERS = Authorization.ANY;

  private final AuthorizationService authorizations;

  AuthorizationGrants(AuthorizationService authorizations) {
    this.authorizations = authorizations;
  }

  void grantGroup(String groupId, Resource resource, String resourceId, Permission... permissions) {
    Authorization existing = authorizations.createAuthorizationQuery()
        .authorizationType(Authorization.AUTH_TYPE_GRANT)
        .groupIdIn(groupId).resourceType(resource).resourceId(resourceId)
        .singleResult();
    save(existing, a -> a.setGroupId(groupId), Authorization.AUTH_TYPE_GRANT, resource, resourceId, permissions);
  }

  /** A grant on a resource that has just been created, so no earlier authorization can exist for it. */
  void grantGroupOnNewResource(String groupId, Resource resource, String resourceId, Permission... permissions) {
    save(null, a -> a.setGroupId(groupId), Authorization.AUTH_TYPE_GRANT, resource, resourceId, permissions);
  }

  /** A global authorization: every authenticated user gets it. */
  void grantEveryone(Resource resource, String resourceId, Permission... permissions) {
    Authorization existing = authorizations.createAuthorizationQuery()
        .authorizationType(Authorization.AUTH_TYPE_GLOBAL)
        .resourceType(resource).resourceId(resourceId)
        .singleResult();
    save(existing, a -> a.setUserId(ALL_USERS), Authorization.AUTH_TYPE_GLOBAL, resource, resourceId, permissions);
  }

  private void save(Authorization existing, java.util.function.Consumer<Authorization> owner, int type,
      Resource resource, String resourceId, Permission[] permissions) {
    Authorization authorization = existing;
    if (authorization == null) {
      authorization = authorizations.createNewAuthorization(type);
      owner.accept(authorization);
      authorization.setResource(resource);
      authorization.setResourceId(resourceId);
    } else if (List.of(permissions).stream().allMatch(authorization::isPermissionGranted)) {
      return;
    }
    for (Permission permission : permissions) {
      authorization.addPermission(permission);
    }
    authorizations.saveAuthorization(authorization);
  }
}
