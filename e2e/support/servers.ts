/** Where the end-to-end servers listen: the app on E2E_PORT, and HTTPS in front of it on the next port. */
export const PORT = Number(process.env.E2E_PORT || 3210);
export const BASE_URL = `http://127.0.0.1:${PORT}`;
/** HTTPS for the official Bitwarden CLI, which refuses plain HTTP (scripts/tls-proxy.mjs). */
export const TLS_PORT = PORT + 1;
export const TLS_URL = `https://127.0.0.1:${TLS_PORT}`;
/** The throwaway certificate authority the proxy made; the CLI trusts it through NODE_EXTRA_CA_CERTS. */
export const TLS_DIR = `.data-e2e-tls-${PORT}`;
