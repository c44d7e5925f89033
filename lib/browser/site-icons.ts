import "client-only";
import { createDeviceSetting } from "@/lib/browser/device-setting";

/**
 * "Show website icons", a setting of this browser (Bitwarden keeps it per device too). Off by default: on, the
 * server fetches each login's website icon, and so learns the sites in the vault (never the items themselves).
 */
const showSiteIconsSetting = createDeviceSetting<boolean>({
  storageKey: "keyhouse.siteIcons.show",
  fallback: false,
  parse: (stored) => stored === "true",
  serialize: String,
  isValid: (value) => typeof value === "boolean",
  invalidMessage: "Website icons are either shown or not.",
});

/** Whether this browser shows website icons, and a way to change it (the server render sees off). */
export function useSiteIconsSetting(): { showSiteIcons: boolean; setShowSiteIcons: (show: boolean) => void } {
  return { showSiteIcons: showSiteIconsSetting.useValue(), setShowSiteIcons: showSiteIconsSetting.write };
}
