import { z } from "zod";

// Runs in the browser before the app becomes interactive. zod compiles object parsers with `new Function` when it
// may; under our Content-Security-Policy (no 'unsafe-eval') its probe for that is reported as a violation, so
// parse without compiling.
z.config({ jitless: true });
