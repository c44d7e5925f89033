import { listEvents } from "@/lib/dal/event-log";
import { parseDateRange } from "@/lib/events/date-range";
import { eventAnswer } from "@/lib/provider-api/answers";
import { OPERATIONS } from "@/lib/provider-api/operations";
import { ApiProblem, providerApiRoute } from "@/lib/provider-api/route";

export const dynamic = "force-dynamic";

/** The rolled-up event log the portal's Events page shows, filtered the same way, older pages by `before`. */
export const GET = providerApiRoute(OPERATIONS.listEvents, async ({ scope, query }) => {
  const range = parseDateRange({ start: query.start, end: query.end }, new Date());
  if (!range.ok) throw new ApiProblem(400, "invalid_input", range.error);
  const page = await listEvents(
    scope,
    { range: range.range, actor: "anyone", client: query.client ?? "", member: "", type: query.type ?? null },
    query.before ? { before: query.before } : null,
  );
  return { events: page.rows.map(eventAnswer), before: page.older?.before ?? null };
});
