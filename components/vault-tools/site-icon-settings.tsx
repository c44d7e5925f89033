"use client";

import { Switch } from "@/components/ui/switch";
import { useSiteIconsSetting } from "@/lib/browser/site-icons";

const HINT =
  "Shows each login's website icon instead of its letter. This Keyhouse server fetches the icons, so it learns the " +
  "websites your items are for (never the items themselves). Saved on this device only.";

/**
 * Bitwarden's "Show website icons": off by default, since the icons come through this server. `available`: the
 * server fetches icons at all (SITE_ICONS).
 */
export function SiteIconSettings({ available, className }: { available: boolean; className?: string }) {
  const { showSiteIcons, setShowSiteIcons } = useSiteIconsSetting();
  return (
    <div className={className}>
      <Switch
        label="Show website icons"
        hint={available ? HINT : "This Keyhouse server does not fetch website icons: its operator turned them off."}
        checked={available && showSiteIcons}
        disabled={!available}
        onCheckedChange={setShowSiteIcons}
      />
    </div>
  );
}
