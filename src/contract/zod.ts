import { z } from 'zod';

// Zod 4 compiles object parsers with `new Function` unless told not to, and it probes whether
// it may when the first object schema is built. In the browser that probe is a Content-
// Security-Policy violation under our CSP (no 'unsafe-eval'), reported even though Zod catches
// the error. So the contract and the browser take Zod from here, configured before any schema
// exists (lint forbids importing 'zod' directly there). The interpreted parsers are fast enough
// for 20-session pages.
z.config({ jitless: true });

export { z };
