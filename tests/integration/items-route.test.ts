import { beforeAll, describe, expect, it } from "vitest";
import { GET } from "@/app/(console)/organizations/[organizationId]/items/route";
import { type DemoIds, loadDemo } from "../support/demo";
import { signInAs } from "../support/session";

function get(organizationId: string, purpose: string) {
  return GET(new Request(`http://localhost/organizations/${organizationId}/items?for=${purpose}`), {
    params: Promise.resolve({ organizationId }),
  });
}

describe("GET /organizations/[id]/items", () => {
  let demo: DemoIds;
  beforeAll(async () => {
    demo = await loadDemo();
  });

  it("gives a member the encrypted items they reach, with the collections", async () => {
    await signInAs(demo.users.owner1);
    const response = await get(demo.client1, "export");
    expect(response.status).toBe(200);
    const body = (await response.json()) as {
      items: { id: string; data: { name: string } }[];
      collections: { id: string }[];
    };
    expect(body.items.map((item) => item.id).sort()).toEqual([...demo.client1Items].sort());
    expect(body.items.every((item) => item.data.name.startsWith("2."))).toBe(true);
    expect(body.collections.map((collection) => collection.id)).toEqual([demo.client1Collection]);
  });

  it("refuses provider members with a 403: they never read a client's items", async () => {
    await signInAs(demo.users.admin);
    expect((await get(demo.client1, "view")).status).toBe(403);
  });

  it("answers 404 to everyone without console rights, and 400 to an unknown purpose", async () => {
    await signInAs(demo.users.user1);
    await expect(get(demo.client1, "reports")).rejects.toMatchObject({ digest: expect.stringContaining("404") });
    await signInAs(demo.users.owner2);
    await expect(get(demo.client1, "export")).rejects.toMatchObject({ digest: expect.stringContaining("404") });
    await signInAs(demo.users.owner1);
    expect((await get(demo.client1, "everything")).status).toBe(400);
  });

  it.each(["__proto__", "constructor", "toString", "hasOwnProperty", "valueOf"])(
    "answers 400, not 500, to ?for=%s (a name every object has)",
    async (purpose) => {
      await signInAs(demo.users.owner1);
      const response = await get(demo.client1, purpose);
      expect(response.status).toBe(400);
    },
  );
});
