import { describe, expect, it } from "vitest";
import { FAKE_ENC_2 } from "../support/fakes";
import {
  keepableUnknownParts,
  UNKNOWN_PART_LIMITS,
  unknownPartsProblem,
  withoutUnknownParts,
} from "@/lib/vault/unknown-parts";

describe("the rule for unknown parts of an item", () => {
  it("keeps encrypted values and nulls under unknown names, and nothing known or reserved", () => {
    const sent = { name: FAKE_ENC_2, future: FAKE_ENC_2, empty: null, plain: "text", count: 3, id: FAKE_ENC_2 };
    expect(keepableUnknownParts(sent, "cipher")).toEqual({ future: FAKE_ENC_2, empty: null });
    // "id" is only reserved at the item's top level.
    expect(keepableUnknownParts({ uri: FAKE_ENC_2, id: FAKE_ENC_2 }, "uri")).toEqual({ id: FAKE_ENC_2 });
  });

  it("says what is wrong: too many, a bad or reserved name, plaintext, too long", () => {
    expect(unknownPartsProblem({ name: FAKE_ENC_2, future: FAKE_ENC_2 }, "cipher")).toBeNull();
    const many = Object.fromEntries(
      Array.from({ length: UNKNOWN_PART_LIMITS.perObject + 1 }, (_, index) => [`f${index}`, null]),
    );
    expect(unknownPartsProblem(many, "login")).toMatch(/at most/);
    expect(unknownPartsProblem({ "1st": FAKE_ENC_2 }, "login")).toMatch(/name/);
    expect(unknownPartsProblem({ edit: FAKE_ENC_2 }, "cipher")).toMatch(/name/);
    expect(unknownPartsProblem({ future: "plain" }, "card")).toMatch(/not encrypted/);
    expect(unknownPartsProblem({ future: 4 }, "card")).toMatch(/not encrypted/);
    const long = `2.${"A".repeat(24)}|${"A".repeat(UNKNOWN_PART_LIMITS.valueLength)}|${"A".repeat(44)}`;
    expect(unknownPartsProblem({ future: long }, "card")).not.toBeNull();
  });

  it("strips them from every object of an item", () => {
    const item = {
      name: FAKE_ENC_2,
      top: FAKE_ENC_2,
      login: { username: null, extra: FAKE_ENC_2, uris: [{ uri: FAKE_ENC_2, match: null, extra: FAKE_ENC_2 }] },
      card: null,
      fields: [{ type: 0, name: null, value: null, linkedId: null, extra: null }],
      passwordHistory: [],
    };
    expect(withoutUnknownParts(item)).toEqual({
      name: FAKE_ENC_2,
      login: { username: null, uris: [{ uri: FAKE_ENC_2, match: null }] },
      card: null,
      fields: [{ type: 0, name: null, value: null, linkedId: null }],
      passwordHistory: [],
    });
  });
});
