import * as revisionDate from "@/app/api/accounts/revision-date/route";
import * as userKeyId from "@/app/api/accounts/key-management/user-key-id/route";
import * as attachmentLink from "@/app/api/attachments/[cipherId]/[attachmentId]/route";
import * as cipherAttachment from "@/app/api/ciphers/[cipherId]/attachment/[attachmentId]/route";
import * as cipherAttachmentDelete from "@/app/api/ciphers/[cipherId]/attachment/[attachmentId]/delete/route";
import * as cipherAttachmentV2 from "@/app/api/ciphers/[cipherId]/attachment/v2/route";
import * as cipherCollections from "@/app/api/ciphers/[cipherId]/collections/route";
import * as cipherCollectionsV2 from "@/app/api/ciphers/[cipherId]/collections_v2/route";
import * as cipherDelete from "@/app/api/ciphers/[cipherId]/delete/route";
import * as cipherPartial from "@/app/api/ciphers/[cipherId]/partial/route";
import * as cipherRestore from "@/app/api/ciphers/[cipherId]/restore/route";
import * as cipherArchive from "@/app/api/ciphers/[cipherId]/archive/route";
import * as cipherUnarchive from "@/app/api/ciphers/[cipherId]/unarchive/route";
import * as ciphersArchive from "@/app/api/ciphers/archive/route";
import * as ciphersUnarchive from "@/app/api/ciphers/unarchive/route";
import * as cipher from "@/app/api/ciphers/[cipherId]/route";
import * as cipherShare from "@/app/api/ciphers/[cipherId]/share/route";
import * as ciphersCreate from "@/app/api/ciphers/create/route";
import * as ciphers from "@/app/api/ciphers/route";
import * as ciphersDelete from "@/app/api/ciphers/delete/route";
import * as ciphersMove from "@/app/api/ciphers/move/route";
import * as ciphersRestore from "@/app/api/ciphers/restore/route";
import * as ciphersShare from "@/app/api/ciphers/share/route";
import * as cipherDetails from "@/app/api/ciphers/[cipherId]/details/route";
import * as collections from "@/app/api/collections/route";
import * as config from "@/app/api/config/route";
import * as folder from "@/app/api/folders/[folderId]/route";
import * as folders from "@/app/api/folders/route";
import * as orgCollectionDetails from "@/app/api/organizations/[organizationId]/collections/[collectionId]/details/route";
import * as orgCollection from "@/app/api/organizations/[organizationId]/collections/[collectionId]/route";
import * as orgCollections from "@/app/api/organizations/[organizationId]/collections/route";
import * as orgUsers from "@/app/api/organizations/[organizationId]/users/route";
import * as sync from "@/app/api/sync/route";
import * as collect from "@/app/events/collect/route";
import * as preloginPassword from "@/app/identity/accounts/prelogin/password/route";
import * as prelogin from "@/app/identity/accounts/prelogin/route";
import * as token from "@/app/identity/connect/token/route";
import type { OrganizationPermission } from "@/lib/authz/permissions";
import { FAKE_ENC_2 } from "../../support/fakes";
import { attachmentUpload, callRoute, type RouteHandler } from "./api";

/**
 * Every route of the Bitwarden client API (DESIGN §12) with each HTTP method it exports. routes-isolation.test.ts
 * walks app/identity, app/api and app/events and fails when a route or method is missing here, so each new one gets
 * the token and tenant checks.
 */

export const HTTP_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

/** The folders walked, and the routes under them that are not the Bitwarden API (they have their own tests). */
export const API_ROOTS = ["app/identity", "app/api", "app/events"];
export const NOT_BITWARDEN_API = [
  "app/api/health",
  "app/api/metrics",
  "app/api/auth",
  "app/api/accounts/keys",
  "app/api/accounts/prelogin",
  "app/api/bench",
  // The provider API takes provider keys, not app tokens: tests/integration/provider-api.test.ts routes its paths.
  "app/api/providers",
];

/** The ids a request names: the caller's own or another tenant's, depending on the test. */
export type PathIds = {
  cipherId: string;
  folderId: string;
  organizationId: string;
  collectionId: string;
  attachmentId: string;
};

export type MethodSpec = {
  /** A well-formed body, so that a refusal is about the caller and not the input. */
  body?: (ids: PathIds) => unknown;
  /** The organization permission the route asks requireOrgScope for. */
  permission?: OrganizationPermission;
  /** The granting action it runs: tests/integration/escalation/api-escalation.test.ts tries it through the route. */
  grants?: string;
};

export type CatalogRoute = {
  file: string;
  module: Record<string, unknown>;
  /** Answers without a token (login, and what the apps ask before it). */
  public?: true;
  methods: Partial<Record<HttpMethod, MethodSpec>>;
};

const cipherBody = (ids: PathIds, organizationId: string | null = null) => ({
  type: 1,
  organizationId,
  name: FAKE_ENC_2,
  notes: null,
  login: { username: FAKE_ENC_2, password: FAKE_ENC_2, uris: [] },
});
const folderBody = () => ({ name: FAKE_ENC_2 });
const idsBody = (ids: PathIds) => ({ ids: [ids.cipherId] });
const collectionBody = () => ({ name: FAKE_ENC_2, groups: [], users: [] });
const collectionIdsBody = (ids: PathIds) => ({ collectionIds: [ids.collectionId] });
const attachmentBody = () => ({ key: FAKE_ENC_2, fileName: FAKE_ENC_2, fileSize: 16, adminRequest: false });
const shareBody = (ids: PathIds) => ({
  cipher: cipherBody(ids, ids.organizationId),
  collectionIds: [ids.collectionId],
});

const bulkShareBody = (ids: PathIds) => ({
  ciphers: [{ ...cipherBody(ids, ids.organizationId), id: ids.cipherId }],
  collectionIds: [ids.collectionId],
});

export const ROUTE_CATALOG: CatalogRoute[] = [
  { file: "app/identity/accounts/prelogin/route.ts", module: prelogin, public: true, methods: { POST: {} } },
  {
    file: "app/identity/accounts/prelogin/password/route.ts",
    module: preloginPassword,
    public: true,
    methods: { POST: {} },
  },
  { file: "app/identity/connect/token/route.ts", module: token, public: true, methods: { POST: {} } },
  { file: "app/api/config/route.ts", module: config, public: true, methods: { GET: {} } },
  { file: "app/api/sync/route.ts", module: sync, methods: { GET: {} } },
  { file: "app/api/accounts/revision-date/route.ts", module: revisionDate, methods: { GET: {} } },
  {
    file: "app/api/accounts/key-management/user-key-id/route.ts",
    module: userKeyId,
    methods: { POST: { body: () => ({ userKeyId: "test-key-id" }) } },
  },
  {
    file: "app/api/ciphers/route.ts",
    module: ciphers,
    methods: { POST: { body: (ids) => cipherBody(ids) }, DELETE: { body: idsBody } },
  },
  {
    file: "app/api/ciphers/delete/route.ts",
    module: ciphersDelete,
    methods: { PUT: { body: idsBody }, POST: { body: idsBody } },
  },
  { file: "app/api/ciphers/restore/route.ts", module: ciphersRestore, methods: { PUT: { body: idsBody } } },
  {
    file: "app/api/ciphers/share/route.ts",
    module: ciphersShare,
    methods: { PUT: { body: bulkShareBody }, POST: { body: bulkShareBody } },
  },
  { file: "app/api/ciphers/archive/route.ts", module: ciphersArchive, methods: { PUT: { body: idsBody } } },
  { file: "app/api/ciphers/unarchive/route.ts", module: ciphersUnarchive, methods: { PUT: { body: idsBody } } },
  { file: "app/api/ciphers/[cipherId]/archive/route.ts", module: cipherArchive, methods: { PUT: {} } },
  { file: "app/api/ciphers/[cipherId]/unarchive/route.ts", module: cipherUnarchive, methods: { PUT: {} } },
  {
    file: "app/api/ciphers/move/route.ts",
    module: ciphersMove,
    methods: {
      PUT: { body: (ids) => ({ ...idsBody(ids), folderId: null }) },
      POST: { body: (ids) => ({ ...idsBody(ids), folderId: null }) },
    },
  },
  { file: "app/api/ciphers/[cipherId]/details/route.ts", module: cipherDetails, methods: { GET: {} } },
  {
    file: "app/api/ciphers/create/route.ts",
    module: ciphersCreate,
    methods: { POST: { body: shareBody } },
  },
  {
    file: "app/api/ciphers/[cipherId]/route.ts",
    module: cipher,
    methods: { GET: {}, PUT: { body: (ids) => cipherBody(ids) }, POST: { body: (ids) => cipherBody(ids) }, DELETE: {} },
  },
  {
    file: "app/api/ciphers/[cipherId]/collections/route.ts",
    module: cipherCollections,
    methods: {
      PUT: { body: collectionIdsBody, grants: "items.assignCollections" },
      POST: { body: collectionIdsBody, grants: "items.assignCollections" },
    },
  },
  {
    file: "app/api/ciphers/[cipherId]/collections_v2/route.ts",
    module: cipherCollectionsV2,
    methods: {
      PUT: { body: collectionIdsBody, grants: "items.assignCollections" },
      POST: { body: collectionIdsBody, grants: "items.assignCollections" },
    },
  },
  { file: "app/api/ciphers/[cipherId]/delete/route.ts", module: cipherDelete, methods: { PUT: {} } },
  { file: "app/api/ciphers/[cipherId]/restore/route.ts", module: cipherRestore, methods: { PUT: {} } },
  {
    file: "app/api/ciphers/[cipherId]/partial/route.ts",
    module: cipherPartial,
    methods: {
      PUT: { body: () => ({ folderId: null, favorite: true }) },
      POST: { body: () => ({ folderId: null, favorite: true }) },
    },
  },
  {
    file: "app/api/ciphers/[cipherId]/share/route.ts",
    module: cipherShare,
    methods: { PUT: { body: shareBody }, POST: { body: shareBody } },
  },
  {
    file: "app/api/ciphers/[cipherId]/attachment/v2/route.ts",
    module: cipherAttachmentV2,
    methods: { POST: { body: attachmentBody } },
  },
  {
    file: "app/api/ciphers/[cipherId]/attachment/[attachmentId]/route.ts",
    module: cipherAttachment,
    methods: { GET: {}, POST: { body: () => attachmentUpload() }, DELETE: {} },
  },
  {
    file: "app/api/ciphers/[cipherId]/attachment/[attachmentId]/delete/route.ts",
    module: cipherAttachmentDelete,
    methods: { POST: {} },
  },
  // A download link's signature is its proof (the apps fetch it without a token): tests/integration/attachments.test.ts.
  {
    file: "app/api/attachments/[cipherId]/[attachmentId]/route.ts",
    module: attachmentLink,
    public: true,
    methods: { GET: {} },
  },
  { file: "app/api/collections/route.ts", module: collections, methods: { GET: {} } },
  { file: "app/api/folders/route.ts", module: folders, methods: { GET: {}, POST: { body: folderBody } } },
  {
    file: "app/api/folders/[folderId]/route.ts",
    module: folder,
    methods: { GET: {}, PUT: { body: folderBody }, POST: { body: folderBody }, DELETE: {} },
  },
  {
    file: "app/api/organizations/[organizationId]/collections/route.ts",
    module: orgCollections,
    methods: {
      GET: { permission: "org.console.access" },
      POST: { permission: "org.collections.create", body: collectionBody, grants: "organization.collections.create" },
    },
  },
  {
    file: "app/api/organizations/[organizationId]/collections/[collectionId]/route.ts",
    module: orgCollection,
    methods: {
      GET: { permission: "org.console.access" },
      PUT: { permission: "org.collections.edit_any", body: collectionBody, grants: "organization.collections.update" },
      POST: { permission: "org.collections.edit_any", body: collectionBody, grants: "organization.collections.update" },
      DELETE: { permission: "org.collections.delete_any" },
    },
  },
  {
    file: "app/api/organizations/[organizationId]/collections/[collectionId]/details/route.ts",
    module: orgCollectionDetails,
    methods: { GET: { permission: "org.console.access" } },
  },
  {
    file: "app/api/organizations/[organizationId]/users/route.ts",
    module: orgUsers,
    methods: { GET: { permission: "org.members.manage" } },
  },
  {
    file: "app/events/collect/route.ts",
    module: collect,
    methods: { POST: { body: (ids) => [{ type: 1107, cipherId: ids.cipherId }] } },
  },
];

/** The URL of a route file with its [params] filled in. */
export function pathOf(route: CatalogRoute, ids: Partial<PathIds> = {}): string {
  return route.file
    .replace(/^app/, "")
    .replace(/\/route\.ts$/, "")
    .replace(/\[(\w+)\]/g, (_, name: string) => ids[name as keyof PathIds] ?? name);
}

/** The [params] a route file's path names. */
export function paramNames(route: CatalogRoute): (keyof PathIds)[] {
  return [...route.file.matchAll(/\[(\w+)\]/g)].map((match) => match[1] as keyof PathIds);
}

export function paramsOf(route: CatalogRoute, ids: PathIds): Record<string, string> {
  return Object.fromEntries(paramNames(route).map((name) => [name, ids[name]]));
}

export function handlerOf(route: CatalogRoute, method: HttpMethod): RouteHandler {
  return route.module[method] as RouteHandler;
}

/** Every route and method, flattened. */
export function catalogEntries() {
  return ROUTE_CATALOG.flatMap((route) =>
    Object.entries(route.methods).map(([method, spec]) => ({ route, method: method as HttpMethod, spec: spec! })),
  );
}

/** Calls a catalog route with its well-formed body and the path's ids. */
export function callCatalogRoute(
  route: CatalogRoute,
  method: HttpMethod,
  spec: MethodSpec,
  ids: PathIds,
  auth: { token?: string | null; authorization?: string },
) {
  return callRoute(handlerOf(route, method), pathOf(route, ids), {
    method,
    ...auth,
    params: paramsOf(route, ids),
    body: spec.body?.(ids),
  });
}
