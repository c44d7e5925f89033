import { XMLParser, XMLValidator } from "fast-xml-parser";
import type { FieldView } from "@/lib/vault/cipher-model";
import { customField, loginItem } from "./items";
import { addItem, emptyResult, skipRow } from "./result";
import { ImportFileError, type ParseResult } from "./types";

/** A text node: "value", or { "#text": "value", "@_ProtectInMemory": "True" } when it has attributes. */
type XmlText = string | { "#text"?: string; "@_ProtectInMemory"?: string } | undefined;

type KeePassString = { Key?: XmlText; Value?: XmlText };
type KeePassEntry = { String?: KeePassString[] };
type KeePassGroup = { Name?: XmlText; UUID?: XmlText; Entry?: KeePassEntry[]; Group?: KeePassGroup[] };
type KeePassFile = {
  KeePassFile?: { Meta?: { RecycleBinEnabled?: XmlText; RecycleBinUUID?: XmlText }; Root?: { Group?: KeePassGroup[] } };
};

/** The strings every KeePass entry has; all others become custom fields. */
const STANDARD_KEYS = new Set(["Title", "UserName", "Password", "URL", "Notes"]);
/** Where KeePassXC ("otp", an otpauth:// URI) and KeePass 2.47+ (a Base32 secret) keep a TOTP secret. */
const TOTP_KEYS = ["otp", "TimeOtp-Secret-Base32"];

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@_",
  // Values are secrets to keep exactly: no number parsing, no trimming.
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  isArray: (name) => name === "Group" || name === "Entry" || name === "String",
});

function textOf(node: XmlText): string {
  if (typeof node === "string") return node;
  return node?.["#text"] ?? "";
}

function isProtected(node: XmlText): boolean {
  return typeof node === "object" && node["@_ProtectInMemory"]?.toLowerCase() === "true";
}

function readEntry(entry: KeePassEntry) {
  const strings = new Map<string, KeePassString>();
  for (const item of entry.String ?? []) strings.set(textOf(item.Key), item);
  const value = (key: string) => textOf(strings.get(key)?.Value) || null;
  const totpKey = TOTP_KEYS.find((key) => value(key));
  const fields: FieldView[] = [...strings]
    .filter(([key]) => !STANDARD_KEYS.has(key) && key !== totpKey && key !== "")
    .map(([key, item]) => customField(key, textOf(item.Value), isProtected(item.Value)));
  return loginItem({
    name: value("Title")?.trim() ?? null,
    uris: [value("URL")],
    username: value("UserName"),
    password: value("Password"),
    totp: totpKey ? value(totpKey) : null,
    notes: value("Notes"),
    fields,
  });
}

function parseDocument(text: string): KeePassFile {
  const valid = XMLValidator.validate(text);
  if (valid !== true) throw new ImportFileError(`The file is not valid XML (line ${valid.err.line}).`);
  try {
    return parser.parse(text) as KeePassFile;
  } catch {
    throw new ImportFileError("The file is not valid XML.");
  }
}

/**
 * KeePass 2's XML export (KeePass, KeePassXC): entries become logins; the groups above an entry, below the root
 * group, become its folder ("Internet/Shopping"). Old versions of entries (History) and the recycle bin are left out.
 */
export function parseKeePassXml(text: string): ParseResult {
  const file = parseDocument(text.replace(/^\uFEFF/, "")).KeePassFile;
  const roots = file?.Root?.Group;
  if (!roots) throw new ImportFileError("This is not a KeePass 2 XML file: it has no KeePassFile and Root elements.");
  const recycleBin =
    textOf(file.Meta?.RecycleBinEnabled).toLowerCase() === "false" ? null : textOf(file.Meta?.RecycleBinUUID) || null;
  const result = emptyResult();
  let position = 0;
  const walk = (group: KeePassGroup, path: string[], inRecycleBin: boolean) => {
    const deleted = inRecycleBin || (recycleBin !== null && textOf(group.UUID) === recycleBin);
    for (const entry of group.Entry ?? []) {
      position += 1;
      if (deleted) skipRow(result, position, "It is in KeePass's recycle bin.");
      else addItem(result, position, readEntry(entry), path.join("/") || null);
    }
    for (const child of group.Group ?? [])
      walk(child, [...path, textOf(child.Name).trim() || "Untitled group"], deleted);
  };
  for (const root of roots) walk(root, [], false);
  return result;
}
