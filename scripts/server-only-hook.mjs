// Command-line scripts run server modules outside Next.js: `server-only` (which throws outside React's server
// build) resolves to an empty module here, exactly as it does inside Next.js's server bundles.
export async function resolve(specifier, context, nextResolve) {
  if (specifier === "server-only") return { url: "data:text/javascript,export{}", shortCircuit: true };
  return nextResolve(specifier, context);
}
