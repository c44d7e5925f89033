import type { ActionResult } from "@/lib/authz/action";
import type { OrganizationMemberStatus, ProviderMemberStatus } from "@/lib/enums";

/** What the shared members screens need to know about a tenant and its members, provider or organization alike. */

export type TenantKind = "provider" | "organization";

export type TenantRef = { kind: TenantKind; id: string; name: string };

export type MemberView = {
  id: string;
  email: string;
  name: string | null;
  userId: string | null;
  type: string;
  status: OrganizationMemberStatus | ProviderMemberStatus;
  publicKey: string | null;
};

export type ActionOutcome = ActionResult;

/**
 * A tenant's member actions as its page passes them in. Each domain's action names the tenant differently
 * (`providerId`, `organizationId`) and validates its whole input with zod on the server, so they are taken here
 * as functions of an unknown input and called only through `bindTenant`.
 */
type AnyAction = (input: never) => Promise<ActionOutcome>;
export type TenantMemberActions = {
  invite: AnyAction;
  confirm: AnyAction;
  remove: AnyAction;
  resend: AnyAction;
  updateRole?: AnyAction;
};

/** The same actions once bound to a tenant: what the members screens call. */
export type MemberActions = {
  invite: (input: { emails: string; type: string }) => Promise<ActionOutcome>;
  confirm: (input: { confirmations: { id: string; key: string }[] }) => Promise<ActionOutcome>;
  remove: (input: { memberIds: string[] }) => Promise<ActionOutcome>;
  resend: (input: { memberId: string }) => Promise<ActionOutcome>;
  updateRole?: (input: { memberId: string; type: string }) => Promise<ActionOutcome>;
};

export type RoleOption = { value: string; label: string };

/** The tenant's actions with its id filled in under the name each domain's schema uses. */
export function bindTenant(actions: TenantMemberActions, tenant: TenantRef): MemberActions {
  const ref = tenant.kind === "provider" ? { providerId: tenant.id } : { organizationId: tenant.id };
  const bind =
    <I extends object>(action: AnyAction) =>
    (input: I) =>
      action({ ...ref, ...input } as never);
  return {
    invite: bind(actions.invite),
    confirm: bind(actions.confirm),
    remove: bind(actions.remove),
    resend: bind(actions.resend),
    updateRole: actions.updateRole ? bind(actions.updateRole) : undefined,
  };
}
