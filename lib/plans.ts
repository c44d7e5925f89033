/** How plans read in tables, CSV files and mail. Annual and monthly variants of a plan read the same. */
export function planLabel(planType: string): string {
  if (planType.startsWith("teams")) return "Teams";
  if (planType.startsWith("enterprise")) return "Enterprise";
  if (planType === "free") return "Free";
  return planType;
}
