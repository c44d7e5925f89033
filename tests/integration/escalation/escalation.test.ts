import { beforeAll, describe, expect, it } from "vitest";
import { databaseSnapshot } from "../../support/db-scan";
import { loadDemo } from "../../support/demo";
import { currentSession, resumeSession, signInAs } from "../../support/session";
import { ISOLATION_CATALOG } from "../isolation/catalog";
import { buildEscalationFixture, type EscalationFixture, type EscalationRole, ESCALATION_ROLES } from "./fixture";
import { ESCALATION_MATRIX } from "./matrix";

describe("escalation matrix: nobody grants more than they hold", () => {
  let fx: EscalationFixture;
  let baseline: Record<string, string>;
  const sessions = new Map<EscalationRole, ReturnType<typeof currentSession>>();

  beforeAll(async () => {
    fx = await buildEscalationFixture(await loadDemo());
    // Every role signs in once, before the snapshot: a sign-in opens a session row.
    for (const role of ESCALATION_ROLES) {
      await signInAs(fx.selves[role].userId);
      sessions.set(role, currentSession());
    }
    baseline = await databaseSnapshot();
  });

  it("covers every granting action of the app", () => {
    const granting = ISOLATION_CATALOG.filter((entry) => entry.grants)
      .map((entry) => entry.name)
      .sort();
    expect(ESCALATION_MATRIX.map((entry) => entry.name).sort()).toEqual(granting);
  });

  it("tries every granting action as every role at least once", () => {
    const uncovered = ESCALATION_MATRIX.flatMap((entry) =>
      ESCALATION_ROLES.filter((role) => entry.attempts.every((attempt) => attempt.allowed.includes(role))).map(
        (role) => `${entry.name} × ${role}`,
      ),
    );
    expect(uncovered).toEqual([]);
  });

  const cases = ESCALATION_MATRIX.flatMap((entry) =>
    entry.attempts.flatMap((attempt) =>
      ESCALATION_ROLES.filter((role) => !attempt.allowed.includes(role)).map(
        (role) => [entry.name, attempt.label, role, entry, attempt] as const,
      ),
    ),
  );

  // Refused attempts write nothing, so every one is compared with the same snapshot taken once before them all.
  it.each(cases)("%s: %s, as %s, is refused and changes nothing", async (_name, _label, role, entry, attempt) => {
    resumeSession(sessions.get(role)!);
    const result = await entry.action(attempt.input(fx, fx.selves[role]) as never);
    expect(result.ok).toBe(false);
    expect(await databaseSnapshot()).toEqual(baseline);
  });
});
