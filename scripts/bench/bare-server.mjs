/**
 * The bare floor of `npm run bench:server`: plain Node.js and the pg driver, no framework, replaying the exact
 * statements one request for a page ran (scripts/bench/server.ts captures them, a list per page) and answering their
 * rows as JSON. GET /<page> replays that page's (clients, dashboard, events).
 * Usage: node bare-server.mjs <port> <statements.json> <database url> <pool size>
 */
import { readFileSync } from "node:fs";
import { createServer } from "node:http";
import pg from "pg";

const [port, statementsFile, databaseUrl, poolSize] = process.argv.slice(2);
const floors = JSON.parse(readFileSync(statementsFile, "utf8"));
const pool = new pg.Pool({ connectionString: databaseUrl, max: Number(poolSize) });

createServer(async (request, response) => {
  const statements = floors[new URL(request.url, "http://floor").pathname.slice(1) || "clients"];
  if (!statements) {
    response.writeHead(404, { "content-type": "text/plain" });
    response.end("no such floor");
    return;
  }
  try {
    const rows = [];
    for (const statement of statements) rows.push((await pool.query(statement.text, statement.params)).rows);
    response.writeHead(200, { "content-type": "application/json" });
    response.end(JSON.stringify(rows));
  } catch (error) {
    response.writeHead(500, { "content-type": "text/plain" });
    response.end(String(error));
  }
}).listen(Number(port), "127.0.0.1");
