"use client";

import { Button } from "@/components/ui/button";
import { useKeyring } from "./keyring-provider";

export function LockButton() {
  const { lock } = useKeyring();
  return (
    <Button variant="ghost" onClick={lock}>
      Lock
    </Button>
  );
}
