/** How Next.js answers a route handler that called notFound(): a 404. */
export async function respond(handler: () => Promise<Response>): Promise<Response> {
  try {
    return await handler();
  } catch (error) {
    if (String((error as { digest?: unknown }).digest).startsWith("NEXT_HTTP_ERROR_FALLBACK;404"))
      return new Response(null, { status: 404 });
    throw error;
  }
}
