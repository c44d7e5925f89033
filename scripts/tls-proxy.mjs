// HTTPS in front of a local Keyhouse, for tests: the official Bitwarden apps refuse plain HTTP. It makes a throwaway
// certificate authority and server certificate for 127.0.0.1 and localhost (openssl), writes the authority to
// <dir>/ca.pem for the client to trust (NODE_EXTRA_CA_CERTS), and forwards every request to the upstream server with
// X-Forwarded-Proto: https, as a reverse proxy such as Caddy does in production (README, "Serve over HTTPS").
//
//   node scripts/tls-proxy.mjs --listen 3443 --upstream http://127.0.0.1:3000 --dir .data-tls
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import http from "node:http";
import https from "node:https";
import path from "node:path";
import { parseArgs } from "node:util";

const { values } = parseArgs({
  options: {
    listen: { type: "string", default: "3443" },
    upstream: { type: "string", default: "http://127.0.0.1:3000" },
    dir: { type: "string", default: ".data-tls" },
  },
});
const upstream = new URL(values.upstream);
const dir = path.resolve(values.dir);

function makeCertificates() {
  mkdirSync(dir, { recursive: true });
  const file = (name) => path.join(dir, name);
  if (existsSync(file("server.pem"))) return;
  const openssl = (...args) => execFileSync("openssl", args, { stdio: ["ignore", "ignore", "pipe"] });
  openssl(
    "req",
    "-x509",
    "-newkey",
    "rsa:2048",
    "-nodes",
    "-days",
    "2",
    "-subj",
    "/CN=Keyhouse test CA",
    "-keyout",
    file("ca-key.pem"),
    "-out",
    file("ca.pem"),
  );
  openssl(
    "req",
    "-newkey",
    "rsa:2048",
    "-nodes",
    "-subj",
    "/CN=localhost",
    "-keyout",
    file("server-key.pem"),
    "-out",
    file("server.csr"),
  );
  writeFileSync(file("server.ext"), "subjectAltName=IP:127.0.0.1,DNS:localhost\n");
  openssl(
    "x509",
    "-req",
    "-in",
    file("server.csr"),
    "-CA",
    file("ca.pem"),
    "-CAkey",
    file("ca-key.pem"),
    "-CAcreateserial",
    "-days",
    "2",
    "-extfile",
    file("server.ext"),
    "-out",
    file("server.pem"),
  );
}

makeCertificates();

const server = https.createServer(
  { key: readFileSync(path.join(dir, "server-key.pem")), cert: readFileSync(path.join(dir, "server.pem")) },
  (request, response) => {
    const forwarded = http.request(
      {
        host: upstream.hostname,
        port: upstream.port,
        method: request.method,
        path: request.url,
        headers: { ...request.headers, "x-forwarded-proto": "https", "x-forwarded-host": request.headers.host },
        timeout: 60_000,
      },
      (answer) => {
        response.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(response);
      },
    );
    forwarded.on("timeout", () => forwarded.destroy(new Error("upstream timed out")));
    forwarded.on("error", () => {
      if (!response.headersSent) response.writeHead(502, { "Content-Type": "text/plain" });
      response.end("Bad gateway");
    });
    request.pipe(forwarded);
  },
);
server.listen(Number(values.listen), "127.0.0.1", () => {
  console.log(`TLS proxy on https://127.0.0.1:${values.listen} → ${upstream.origin} (CA: ${path.join(dir, "ca.pem")})`);
});
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.close(() => process.exit(0)));
