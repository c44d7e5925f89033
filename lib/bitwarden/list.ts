import "server-only";

/** ListResponse: Bitwarden's envelope for a list (never paged here). */
export function listResponse<T>(data: T[]) {
  return { object: "list", data, continuationToken: null };
}
